import type { EntityManager } from 'typeorm';
import { enqueueOutboxEvent, type OutboxHandler } from '../../../kit/src';
import type { AccountMerge, BenefitsPort, BonusKind, MilestoneEvent, PointsPort } from '../ports';

const AWARDS = { 'member.registered': 'REGISTRATION', 'member.profile_completed': 'PROFILE_COMPLETION' } as const satisfies Record<
  string,
  BonusKind
>;
export type MemberTopic = keyof typeof AWARDS;
export const MERGED_TOPIC = 'member.merged';
export const MILESTONE_TOPIC = 'member.milestone_reached';

/** A milestone event's payload (times as epoch ms: the payload is JSON). */
export interface MilestonePayload {
  milestoneId: string;
  memberId: string;
  kind: MilestoneEvent['kind'];
  reachedAtEpochMs: number;
}

/** In the transaction of the change: announce a registration or a completed profile (keyed by member, delivered in order). */
export async function enqueueMemberEvent(manager: EntityManager, topic: MemberTopic, memberId: string, now: Date): Promise<void> {
  await enqueueOutboxEvent(manager, { type: topic, key: memberId, payload: { memberId }, at: now });
}

/** In the merge's transaction: announce it, keyed by the source member (after its own earlier events). */
export async function enqueueMemberMerged(manager: EntityManager, merge: AccountMerge, now: Date): Promise<void> {
  await enqueueOutboxEvent(manager, { type: MERGED_TOPIC, key: merge.sourceMemberId, payload: merge, at: now });
}

/** In the transaction that recorded the milestone: announce it, keyed by the member. */
export async function enqueueMilestoneReached(manager: EntityManager, payload: MilestonePayload, now: Date): Promise<void> {
  await enqueueOutboxEvent(manager, { type: MILESTONE_TOPIC, key: payload.memberId, payload, at: now });
}

/**
 * How each member event reaches its service: bonuses and merges the points service, milestones
 * the benefits service; one call per event, in order (each receiver applies an event once, by its
 * member and kind, merge id or milestone id, so a repeat after a failure is harmless).
 */
export function memberEventHandlers(points: PointsPort, benefits: BenefitsPort): Record<string, OutboxHandler> {
  const award =
    (kind: BonusKind): OutboxHandler =>
    async (events) => {
      for (const event of events) await points.awardBonus((event.payload as { memberId: string }).memberId, kind);
    };
  return {
    'member.registered': award(AWARDS['member.registered']),
    'member.profile_completed': award(AWARDS['member.profile_completed']),
    [MERGED_TOPIC]: async (events) => {
      for (const event of events) await points.mergeAccounts(event.payload as AccountMerge);
    },
    [MILESTONE_TOPIC]: async (events) => {
      for (const event of events) {
        const { reachedAtEpochMs, ...milestone } = event.payload as MilestonePayload;
        await benefits.grantMilestoneReward({ ...milestone, reachedAt: new Date(reachedAtEpochMs) });
      }
    },
  };
}
