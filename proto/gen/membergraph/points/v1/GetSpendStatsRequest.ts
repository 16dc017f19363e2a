// Original file: proto/points.proto


export interface GetSpendStatsRequest {
  /**
   * At most 500 members.
   */
  'memberIds'?: (string)[];
}

export interface GetSpendStatsRequest__Output {
  /**
   * At most 500 members.
   */
  'memberIds': (string)[];
}
