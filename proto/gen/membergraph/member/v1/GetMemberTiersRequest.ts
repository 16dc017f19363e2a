// Original file: proto/member.proto


export interface GetMemberTiersRequest {
  'memberIds'?: (string)[];
}

export interface GetMemberTiersRequest__Output {
  'memberIds': (string)[];
}
