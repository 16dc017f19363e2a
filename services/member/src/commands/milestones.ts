import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { isUniqueViolation, type Logger } from '../../../kit/src';
import { Milestone } from '../db/entities/Milestone';
import type { TierRule } from '../domain/tiers';

export interface ReachedMilestone {
  memberId: string;
  kind: 'FIRST_TOP_TIER' | 'TWELFTH_PURCHASE';
  period: string;
  at: Date;
}

/**
 * Called after a milestone is recorded and committed. The rewards (a gift on the first upgrade to
 * the top tier, a mystery gift at 12 purchases in a year) come with the benefits issue; until then
 * the default hook logs the event.
 */
export type MilestoneHook = (milestone: ReachedMilestone) => Promise<void> | void;

export function loggingMilestoneHook(logger: Logger): MilestoneHook {
  return (milestone) => logger.info({ milestone }, 'milestone reached (reward hook: no reward configured yet)');
}

const YEAR_MS = 365 * 24 * 3600 * 1000;

/**
 * Records each milestone once and returns those reached just now; called under the member's row
 * lock. FIRST_TOP_TIER: the first time the member *earns* the top tier (a staff grant is not an
 * achievement). TWELFTH_PURCHASE: 12 purchases within the rolling 12 months, at most once in any
 * 12 months (so January does not repeat December's milestone from the same purchases).
 */
export async function recordMilestones(
  manager: EntityManager,
  memberId: string,
  state: { tier: TierRule; ladder: readonly TierRule[]; purchases12m: number; earned: boolean },
  at: Date,
): Promise<ReachedMilestone[]> {
  const candidates: ReachedMilestone[] = [];
  const top = Math.max(...state.ladder.map((t) => t.rank));
  if (state.earned && state.tier.rank === top) candidates.push({ memberId, kind: 'FIRST_TOP_TIER', period: '', at });
  if (state.purchases12m >= 12) {
    const last = await manager.findOne(Milestone, { where: { memberId, kind: 'TWELFTH_PURCHASE' }, order: { at: 'DESC' } });
    if (!last || at.getTime() - last.at.getTime() >= YEAR_MS) {
      candidates.push({ memberId, kind: 'TWELFTH_PURCHASE', period: at.toISOString().slice(0, 10).replace(/-/g, ''), at });
    }
  }
  const reached: ReachedMilestone[] = [];
  for (const milestone of candidates) {
    const exists = await manager.findOneBy(Milestone, { memberId, kind: milestone.kind, period: milestone.period });
    if (exists) continue;
    try {
      await manager.insert(Milestone, { id: randomUUID(), ...milestone });
      reached.push(milestone);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }
  return reached;
}
