// Original file: proto/points.proto


export interface MergeAccountsRequest {
  'mergeId'?: (string);
  'sourceMemberId'?: (string);
  'targetMemberId'?: (string);
}

export interface MergeAccountsRequest__Output {
  'mergeId': (string);
  'sourceMemberId': (string);
  'targetMemberId': (string);
}
