import type { EntityManager } from 'typeorm';
import { enqueueOutboxEvent, type OutboxHandler } from '../../../kit/src';
import type { AccountMerge, BenefitsPort, BonusKind, CampaignPort, MilestoneEvent, PointsPort } from '../ports';

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

/** What a registration announces beyond the member: the campaign service attributes referrals from it. */
export interface RegisteredPayload {
  memberId: string;
  channel?: string;
  referralCode?: string | null;
}

/** In the transaction of the change: announce a registration or a completed profile (keyed by member, delivered in order). */
export async function enqueueMemberEvent(
  manager: EntityManager,
  topic: MemberTopic,
  memberId: string,
  now: Date,
  registration?: { channel: string; referralCode: string | null },
): Promise<void> {
  await enqueueOutboxEvent(manager, { type: topic, key: memberId, payload: { memberId, ...registration }, at: now });
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
 * the benefits service, registrations and completed profiles also the campaign service; one call
 * per event, in order (each receiver applies an event once, by its member and kind, merge id or
 * milestone id, so a repeat after a failure is harmless).
 */
export function memberEventHandlers(points: PointsPort, benefits: BenefitsPort, campaign: CampaignPort): Record<string, OutboxHandler> {
  const award =
    (kind: BonusKind): OutboxHandler =>
    async (events) => {
      for (const event of events) await points.awardBonus((event.payload as { memberId: string }).memberId, kind);
    };
  const welcome = award(AWARDS['member.registered']);
  const completed = award(AWARDS['member.profile_completed']);
  return {
    'member.registered': async (events) => {
      await welcome(events);
      for (const event of events) {
        const registered = event.payload as RegisteredPayload;
        // Events written before referrals carry only the member: a web registration with no code.
        await campaign.recordRegistration({
          memberId: registered.memberId,
          channel: registered.channel ?? 'WEB',
          registeredAt: event.createdAt,
          referralCode: registered.referralCode ?? null,
        });
      }
    },
    'member.profile_completed': async (events) => {
      await completed(events);
      for (const event of events) await campaign.recordProfileCompleted((event.payload as { memberId: string }).memberId, event.createdAt);
    },
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
