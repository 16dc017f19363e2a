// Original file: proto/member.proto


export interface VerifyPartnerKeyRequest {
  'key'?: (string);
}

export interface VerifyPartnerKeyRequest__Output {
  'key': (string);
}
