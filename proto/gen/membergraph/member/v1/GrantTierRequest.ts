// Original file: proto/member.proto


export interface GrantTierRequest {
  'memberId'?: (string);
  'tierId'?: (string);
  'reason'?: (string);
  'idempotencyKey'?: (string);
}

export interface GrantTierRequest__Output {
  'memberId': (string);
  'tierId': (string);
  'reason': (string);
  'idempotencyKey': (string);
}
