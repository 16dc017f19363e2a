// Original file: proto/member.proto


export interface StreamSegmentProfilesRequest {
  /**
   * Members per batch: 1–5,000; 0 means 500.
   */
  'batchSize'?: (number);
}

export interface StreamSegmentProfilesRequest__Output {
  /**
   * Members per batch: 1–5,000; 0 means 500.
   */
  'batchSize': (number);
}
