// Original file: proto/campaign.proto


export interface RecordRegistrationResponse {
  /**
   * The inviter the member was attributed to (empty: none).
   */
  'inviterMemberId'?: (string);
  'replayed'?: (boolean);
}

export interface RecordRegistrationResponse__Output {
  /**
   * The inviter the member was attributed to (empty: none).
   */
  'inviterMemberId': (string);
  'replayed': (boolean);
}
