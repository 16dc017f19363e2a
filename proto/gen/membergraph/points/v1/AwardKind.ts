// Original file: proto/points.proto

export const AwardKind = {
  AWARD_KIND_UNSPECIFIED: 'AWARD_KIND_UNSPECIFIED',
  REGISTRATION: 'REGISTRATION',
  PROFILE_COMPLETION: 'PROFILE_COMPLETION',
} as const;

export type AwardKind =
  | 'AWARD_KIND_UNSPECIFIED'
  | 0
  | 'REGISTRATION'
  | 1
  | 'PROFILE_COMPLETION'
  | 2

export type AwardKind__Output = typeof AwardKind[keyof typeof AwardKind]
