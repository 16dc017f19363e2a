// Original file: proto/member.proto


export interface ResolvePartnerMembersRequest {
  /**
   * The partner brand, as its API keys name it (e.g. "tea-house").
   */
  'partner'?: (string);
  'partnerMemberIds'?: (string)[];
}

export interface ResolvePartnerMembersRequest__Output {
  /**
   * The partner brand, as its API keys name it (e.g. "tea-house").
   */
  'partner': (string);
  'partnerMemberIds': (string)[];
}
