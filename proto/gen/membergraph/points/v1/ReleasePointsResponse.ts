// Original file: proto/points.proto


export interface ReleasePointsResponse {
  /**
   * "RELEASED" or "CAPTURED".
   */
  'state'?: (string);
  'replayed'?: (boolean);
}

export interface ReleasePointsResponse__Output {
  /**
   * "RELEASED" or "CAPTURED".
   */
  'state': (string);
  'replayed': (boolean);
}
