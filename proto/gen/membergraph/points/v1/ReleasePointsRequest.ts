// Original file: proto/points.proto


export interface ReleasePointsRequest {
  'holdKey'?: (string);
  /**
   * The member the hold is (or would have been) for: a marker for a key never held names them.
   */
  'memberId'?: (string);
}

export interface ReleasePointsRequest__Output {
  'holdKey': (string);
  /**
   * The member the hold is (or would have been) for: a marker for a key never held names them.
   */
  'memberId': (string);
}
