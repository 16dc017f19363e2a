import type { PointsRules } from '../../context';
import type { MemberTier } from '../../ports';
import { MemoryMember } from '../../../test/memoryPorts';

/** The programme of DOMAIN.md §3 with the figures the points service starts with (UTC+8). */
export const RULES: PointsRules = {
  baseRateMilli: 1000,
  expiryMonths: 12,
  utcOffsetMinutes: 480,
  returnWindowDays: 0,
  orderMaxLatenessDays: 7,
  // The synchronous path: most tests see risk's answer in the earn itself (after-commit has its own tests).
  earnRiskCheck: 'before-commit',
  pointsPerCnyOffset: 100,
  checkInPoints: 5,
  registrationBonus: 100,
  profileCompletionBonus: 50,
};

type Tier = Omit<MemberTier, 'memberId'>;
export const REGULAR: Tier = { tierId: 'REGULAR', multiplierMilli: 1000, pointsNeverExpire: false };
export const DIAMOND: Tier = { tierId: 'DIAMOND', multiplierMilli: 2000, pointsNeverExpire: true };

/**
 * The member service as the points commands see it, in memory: the members it knows and their
 * tiers, and every batch of ids it was asked about (a refused input must not ask at all).
 */
export function memberDirectory(known: Record<string, Tier>): MemoryMember {
  const member = new MemoryMember();
  for (const [memberId, tier] of Object.entries(known)) member.add(memberId, tier);
  return member;
}
