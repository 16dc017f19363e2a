// Original file: proto/member.proto


export interface ListTiersResponse {
  /**
   * Tier ids, e.g. "REGULAR", "SILVER", "GOLD", lowest rank first.
   */
  'tierIds'?: (string)[];
}

export interface ListTiersResponse__Output {
  /**
   * Tier ids, e.g. "REGULAR", "SILVER", "GOLD", lowest rank first.
   */
  'tierIds': (string)[];
}
