import type { EntityManager } from 'typeorm';
import { enqueueOutboxEvent, type OutboxHandler } from '../../../kit/src';
import type { AccountMerge, BenefitsPort, BonusKind, CampaignPort, MemberTierChange, MilestoneEvent, PointsPort } from '../ports';

const AWARDS = { 'member.registered': 'REGISTRATION', 'member.profile_completed': 'PROFILE_COMPLETION' } as const satisfies Record<
  string,
  BonusKind
>;
export type MemberTopic = keyof typeof AWARDS;
export const MERGED_TOPIC = 'member.merged';
export const MILESTONE_TOPIC = 'member.milestone_reached';
export const TIER_CHANGED_TOPIC = 'member.tier_changed';
export const LADDER_CHANGED_TOPIC = 'tier.ladder_changed';
/** The outbox key of ladder edits: one for the whole programme, delivered in order. */
export const LADDER_EVENT_KEY = 'tier-ladder';

/** A tier change's payload (times as epoch ms: the payload is JSON). */
interface TierChangedPayload {
  memberId: string;
  tierId: string;
  tierVersion: number;
  granted: boolean;
  /** 0: earned, or a grant without an end. */
  grantExpiresAtEpochMs: number;
}

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

/**
 * The outbox key of a member's tier changes: a key of their own, so a change reaches points' copy
 * even while an earlier event of the member for another service (a milestone for benefits, a
 * registration for campaign) waits for a service that is down; the changes stay in order among
 * themselves, and points keeps the highest version whatever order they arrive in.
 */
export const tierEventsKey = (memberId: string) => `tier:${memberId}`;

/** After a commit that may have changed members' tiers: delivers their events, and their tier changes, now. */
export async function deliverWithTierChanges(deliver: (key: string) => Promise<void>, memberId: string): Promise<void> {
  await Promise.all([deliver(memberId), deliver(tierEventsKey(memberId))]);
}

/** In the transaction of a tier change (changeTier, the one writer of a tier): announce the new tier with its version (tierEventsKey). */
export async function enqueueTierChanged(manager: EntityManager, change: MemberTierChange, now: Date): Promise<void> {
  const payload: TierChangedPayload = {
    memberId: change.memberId,
    tierId: change.tierId,
    tierVersion: change.tierVersion,
    granted: change.granted,
    grantExpiresAtEpochMs: change.grantExpiresAt?.getTime() ?? 0,
  };
  await enqueueOutboxEvent(manager, { type: TIER_CHANGED_TOPIC, key: tierEventsKey(change.memberId), payload, at: now });
}

/** In the transaction of a ladder edit: announce it, so points reads the ladder (γ, thresholds) again at once. */
export async function enqueueLadderChanged(manager: EntityManager, tierId: string, effectiveFrom: Date, now: Date): Promise<void> {
  await enqueueOutboxEvent(manager, {
    type: LADDER_CHANGED_TOPIC,
    key: LADDER_EVENT_KEY,
    payload: { tierId, effectiveFromEpochMs: effectiveFrom.getTime() },
    at: now,
  });
}

/** In the transaction that recorded the milestone: announce it, keyed by the member. */
export async function enqueueMilestoneReached(manager: EntityManager, payload: MilestonePayload, now: Date): Promise<void> {
  await enqueueOutboxEvent(manager, { type: MILESTONE_TOPIC, key: payload.memberId, payload, at: now });
}

/**
 * How each member event reaches its service: bonuses, merges and tier changes the points service,
 * milestones the benefits service, registrations and completed profiles also the campaign service;
 * one call per event, in order, except a run of tier changes, which goes as one batch (each
 * receiver applies an event once, by its member and kind, merge id, milestone id or tier version,
 * so a repeat after a failure is harmless).
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
    [TIER_CHANGED_TOPIC]: async (events) => {
      await points.recordMemberTiers(
        events.map((event) => {
          const change = event.payload as TierChangedPayload;
          return {
            memberId: change.memberId,
            tierId: change.tierId,
            tierVersion: change.tierVersion,
            granted: change.granted,
            grantExpiresAt: change.grantExpiresAtEpochMs > 0 ? new Date(change.grantExpiresAtEpochMs) : null,
          };
        }),
      );
    },
    // However many edits are pending, one call: the receiver reads the whole ladder again.
    [LADDER_CHANGED_TOPIC]: async () => {
      await points.recordTierLadderChange();
    },
    [MILESTONE_TOPIC]: async (events) => {
      for (const event of events) {
        const { reachedAtEpochMs, ...milestone } = event.payload as MilestonePayload;
        await benefits.grantMilestoneReward({ ...milestone, reachedAt: new Date(reachedAtEpochMs) });
      }
    },
  };
}
