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

/** Records each milestone once (unique member/kind/period); returns those reached just now. */
export async function recordMilestones(
  manager: EntityManager,
  memberId: string,
  state: { tier: TierRule; ladder: readonly TierRule[]; purchases12m: number },
  at: Date,
): Promise<ReachedMilestone[]> {
  const candidates: ReachedMilestone[] = [];
  const top = Math.max(...state.ladder.map((t) => t.rank));
  if (state.tier.rank === top) candidates.push({ memberId, kind: 'FIRST_TOP_TIER', period: '', at });
  if (state.purchases12m >= 12) candidates.push({ memberId, kind: 'TWELFTH_PURCHASE', period: String(at.getUTCFullYear()), at });
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
