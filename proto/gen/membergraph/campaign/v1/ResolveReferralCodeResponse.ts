// Original file: proto/campaign.proto


export interface ResolveReferralCodeResponse {
  'memberId'?: (string);
}

export interface ResolveReferralCodeResponse__Output {
  'memberId': (string);
}
