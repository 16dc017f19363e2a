import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { isUniqueViolation, type Logger, type Outbox } from '../../../kit/src';
import { Milestone } from '../db/entities/Milestone';
import { twelfthPurchaseDue } from '../domain/activityTriage';
import type { TierRule } from '../domain/tiers';
import { enqueueMilestoneReached } from './memberEvents';

export interface ReachedMilestone {
  memberId: string;
  kind: 'FIRST_TOP_TIER' | 'TWELFTH_PURCHASE';
  period: string;
  at: Date;
}

/**
 * Called after a milestone is recorded and committed. The milestone itself was announced in the
 * outbox in the same transaction (member.milestone_reached), so its reward (a gift on the first
 * upgrade to the top tier, a mystery gift at 12 purchases in a year, set in the benefits service)
 * follows even if this hook never runs: the hook only delivers it at once.
 */
export type MilestoneHook = (milestone: ReachedMilestone) => Promise<void> | void;

export function loggingMilestoneHook(logger: Logger): MilestoneHook {
  return (milestone) => logger.info({ milestone }, 'milestone reached');
}

/**
 * The service's hook: logs the milestone and starts delivering its event to the benefits service.
 * Not awaited: the hook runs inside the points service's RecordQualifyingActivity call, which must
 * not wait on a call back out (member.proto); a delivery that fails is the dispatcher's to retry.
 */
export function deliveringMilestoneHook(outbox: Pick<Outbox, 'deliverNow'>, logger: Logger): MilestoneHook {
  return (milestone) => {
    logger.info({ milestone }, 'milestone reached');
    void outbox.deliverNow(milestone.memberId);
  };
}

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
    if (twelfthPurchaseDue(state.purchases12m, last?.at ?? null, at)) {
      candidates.push({ memberId, kind: 'TWELFTH_PURCHASE', period: at.toISOString().slice(0, 10).replace(/-/g, ''), at });
    }
  }
  const reached: ReachedMilestone[] = [];
  for (const milestone of candidates) {
    const exists = await manager.findOneBy(Milestone, { memberId, kind: milestone.kind, period: milestone.period });
    if (exists) continue;
    try {
      const milestoneId = randomUUID();
      await manager.insert(Milestone, { id: milestoneId, ...milestone });
      await enqueueMilestoneReached(manager, { milestoneId, memberId, kind: milestone.kind, reachedAtEpochMs: at.getTime() }, at);
      reached.push(milestone);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }
  return reached;
}
