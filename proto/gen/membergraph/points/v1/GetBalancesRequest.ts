// Original file: proto/points.proto


export interface GetBalancesRequest {
  'memberIds'?: (string)[];
}

export interface GetBalancesRequest__Output {
  'memberIds': (string)[];
}
