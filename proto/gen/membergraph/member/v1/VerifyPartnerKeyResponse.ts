// Original file: proto/member.proto


export interface VerifyPartnerKeyResponse {
  'valid'?: (boolean);
  /**
   * The key's id (what audit rows name) and the partner brand it was issued to.
   */
  'keyId'?: (string);
  'partner'?: (string);
}

export interface VerifyPartnerKeyResponse__Output {
  'valid': (boolean);
  /**
   * The key's id (what audit rows name) and the partner brand it was issued to.
   */
  'keyId': (string);
  'partner': (string);
}
