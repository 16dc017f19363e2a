// Original file: proto/member.proto


export interface GetConsentsRequest {
  'memberIds'?: (string)[];
}

export interface GetConsentsRequest__Output {
  'memberIds': (string)[];
}
