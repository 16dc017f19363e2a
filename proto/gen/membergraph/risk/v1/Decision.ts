// Original file: proto/risk.proto

export const Decision = {
  DECISION_UNSPECIFIED: 'DECISION_UNSPECIFIED',
  ALLOW: 'ALLOW',
  REVIEW: 'REVIEW',
  DENY: 'DENY',
} as const;

export type Decision =
  | 'DECISION_UNSPECIFIED'
  | 0
  | 'ALLOW'
  | 1
  | 'REVIEW'
  | 2
  | 'DENY'
  | 3

export type Decision__Output = typeof Decision[keyof typeof Decision]
