import type { Decision, RiskLevel } from './action';
import type { Finding } from './evaluate';

/** How far back a member's decisions shape their profile. */
export const PROFILE_WINDOW_DAYS = 30;

export interface RecentDecision {
  decision: Decision;
  score: number;
  /** PENDING, APPROVED, REJECTED for a REVIEW; null otherwise. */
  reviewStatus: string | null;
  findings: Finding[];
  at: Date;
}

export interface MemberRisk {
  level: RiskLevel;
  score: number;
  /** One finding per rule, the latest first. */
  reasons: Finding[];
}

/**
 * A member's risk from the REVIEW and DENY decisions of the last PROFILE_WINDOW_DAYS (approved
 * reviews do not count: staff found the action fine) and the level staff set by rejecting a
 * review. HIGH: rejected, denied, or a score of 70 and up; MEDIUM: anything else still counting.
 */
export function memberRisk(staffLevel: RiskLevel | null, recent: RecentDecision[]): MemberRisk {
  const counting = recent
    .filter((d) => d.decision !== 'ALLOW' && d.reviewStatus !== 'APPROVED')
    .sort((a, b) => b.at.getTime() - a.at.getTime());
  const score = counting.reduce((max, d) => Math.max(max, d.score), 0);
  const reasons = new Map<string, Finding>();
  for (const d of counting) for (const f of d.findings) if (!reasons.has(f.rule)) reasons.set(f.rule, f);
  const high = staffLevel === 'HIGH' || score >= 70 || counting.some((d) => d.decision === 'DENY' || d.reviewStatus === 'REJECTED');
  const medium = staffLevel === 'MEDIUM' || counting.length > 0;
  return { level: high ? 'HIGH' : medium ? 'MEDIUM' : 'LOW', score, reasons: [...reasons.values()] };
}
