// Original file: proto/campaign.proto


export interface GetActivityCoefficientResponse {
  /**
   * In thousandths (2.0 → 2000), so the earn formula stays in integers.
   */
  'coefficientMilli'?: (number);
  /**
   * The live campaigns that were combined.
   */
  'campaignIds'?: (string)[];
}

export interface GetActivityCoefficientResponse__Output {
  /**
   * In thousandths (2.0 → 2000), so the earn formula stays in integers.
   */
  'coefficientMilli': (number);
  /**
   * The live campaigns that were combined.
   */
  'campaignIds': (string)[];
}
