// Original file: proto/campaign.proto


export interface ResolveReferralCodeRequest {
  'code'?: (string);
}

export interface ResolveReferralCodeRequest__Output {
  'code': (string);
}
