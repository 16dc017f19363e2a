// Original file: proto/benefits.proto


export interface IssueCouponRequest {
  'templateCode'?: (string);
  'memberId'?: (string);
  'idempotencyKey'?: (string);
  /**
   * Why it is issued: CAMPAIGN, REFERRAL or REWARD (staff issue through the graph).
   */
  'source'?: (string);
}

export interface IssueCouponRequest__Output {
  'templateCode': (string);
  'memberId': (string);
  'idempotencyKey': (string);
  /**
   * Why it is issued: CAMPAIGN, REFERRAL or REWARD (staff issue through the graph).
   */
  'source': (string);
}
