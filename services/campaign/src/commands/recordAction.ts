import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import {
  DomainError,
  enqueueOutboxEvent,
  inTransaction,
  isUniqueViolation,
  parseChannel,
  parseCode,
  parseMemberId,
  rowLock,
  type OutboxHandler,
} from '../../../kit/src';
import { Campaign } from '../db/entities/Campaign';
import { CampaignAction } from '../db/entities/CampaignAction';
import { CampaignGrant } from '../db/entities/CampaignGrant';
import { CampaignProgress } from '../db/entities/CampaignProgress';
import { findLiveCampaigns } from '../db/liveCampaigns';
import { TASK_ACTIONS } from '../domain/newCampaign';
import { advance, programmeDay } from '../domain/progress';
import { admits } from '../domain/targeting';
import type { CampaignPeers, EventDelivery } from '../ports';
import { memberFacts } from './boostEarn';

/** A BONUS, TASK or streak reward is owed: points and/or a coupon, granted downstream once by the grant's id. */
export const CAMPAIGN_REWARD = 'campaign.reward';

export interface MemberAction {
  memberId: string;
  /** CHECK_IN, PROFILE_COMPLETION or FIRST_MINI_PROGRAM_ORDER. */
  action: string;
  /** The source's reference, unique per member and action (the check-in day, an order number): a repeat counts once. */
  ref: string;
  at: Date;
  tierId?: string | null;
  channel?: string | null;
  store?: string | null;
}

export interface ActionGrant {
  campaignId: string;
  grantId: string;
  points: number;
  couponTemplate: string | null;
}

/**
 * Counts a member's action for every live BONUS, TASK and CHECK_IN_STREAK campaign of that action
 * whose targeting admits them, each once per (campaign, member, ref) by the action row's primary
 * key, and owes the rewards now due (domain/progress.ts) under the campaign's budgets: a guarded
 * UPDATE spends points or a coupon only while within budget, a grant row unique per (campaign,
 * ref) records it, and the reward leaves through the outbox with the grant's id as its key.
 */
export async function recordAction(
  dataSource: DataSource,
  peers: Pick<CampaignPeers, 'member'>,
  events: EventDelivery,
  utcOffsetMinutes: number,
  input: MemberAction,
): Promise<ActionGrant[]> {
  const memberId = parseMemberId(input.memberId);
  if (!(TASK_ACTIONS as readonly string[]).includes(input.action))
    throw new DomainError('BAD_USER_INPUT', `action must be one of ${TASK_ACTIONS.join(', ')}`, { field: 'action' });
  const ref = parseCode(input.ref, 'ref', { max: 40 });
  const channel = input.channel ? parseChannel(input.channel) : null;
  const live = (await findLiveCampaigns(dataSource, input.at, ['BONUS', 'TASK', 'CHECK_IN_STREAK'])).filter(
    (c) => c.taskAction === input.action,
  );
  if (live.length === 0) return [];
  const facts = (
    await memberFacts(dataSource, peers, live, [memberId], {
      tierId: input.tierId ?? null,
      action: channel ? { channel, store: input.store ?? null } : null,
    })
  ).get(memberId)!;
  const day = programmeDay(input.at, utcOffsetMinutes);
  const grants: ActionGrant[] = [];
  for (const campaign of live.filter((c) => admits(c, facts))) {
    // The progress row exists before the transaction, so two actions at once both find it under the
    // row lock (neither fails inserting it).
    await dataSource
      .createQueryBuilder()
      .insert()
      .into(CampaignProgress)
      .values({ campaignId: campaign.id, memberId, done: 0, streak: 0, lastDay: null, rewardedAt: null })
      .orIgnore()
      .updateEntity(false)
      .execute();
    try {
      const grant = await inTransaction(dataSource, (manager) =>
        countAction(manager, campaign, memberId, `${input.action}:${ref}`, day, input.at),
      );
      if (grant) grants.push(grant);
    } catch (error) {
      // Counted already (a redelivered action): nothing more to do for this campaign.
      if (!isUniqueViolation(error)) throw error;
    }
  }
  if (grants.length > 0) await events.deliverNow(memberId);
  return grants;
}

async function countAction(manager: EntityManager, campaign: Campaign, memberId: string, actionRef: string, day: string, at: Date) {
  await manager.insert(CampaignAction, { campaignId: campaign.id, memberId, actionRef, at });
  const progressRepo = manager.getRepository(CampaignProgress);
  const row = await progressRepo.findOneOrFail({ where: { campaignId: campaign.id, memberId }, lock: rowLock(manager) });
  const type = campaign.type as 'BONUS' | 'TASK' | 'CHECK_IN_STREAK';
  const { progress, rewardDue } = advance(type, { ...row, rewarded: row.rewardedAt !== null }, campaign.taskTarget, day);
  const reward = rewardDue ? await reserve(manager, campaign) : false;
  await progressRepo.update(
    { campaignId: campaign.id, memberId },
    {
      done: progress.done,
      streak: progress.streak,
      lastDay: progress.lastDay,
      // A reward the budget could not cover is not earned: the task stays open.
      rewardedAt: type !== 'BONUS' && reward ? at : row.rewardedAt,
    },
  );
  if (!reward) return null;
  const points = campaign.bonusPoints ?? 0;
  const grant = {
    id: randomUUID(),
    campaignId: campaign.id,
    grantRef: `${memberId}:${actionRef}`.slice(0, 100),
    memberId,
    points,
    coupons: campaign.rewardCouponTemplate ? 1 : 0,
    createdAt: at,
  };
  await manager.insert(CampaignGrant, grant);
  const payload: ActionGrant = { campaignId: campaign.id, grantId: grant.id, points, couponTemplate: campaign.rewardCouponTemplate };
  await enqueueOutboxEvent(manager, { type: CAMPAIGN_REWARD, key: memberId, payload: { ...payload, memberId }, at });
  return payload;
}

/** Spends the reward's points and coupon from the campaign's budgets, or nothing when either is spent. */
async function reserve(manager: EntityManager, campaign: Campaign): Promise<boolean> {
  const points = campaign.bonusPoints ?? 0;
  const coupons = campaign.rewardCouponTemplate ? 1 : 0;
  const spent = await manager
    .createQueryBuilder()
    .update(Campaign)
    .set({ spentPoints: () => 'spent_points + :points', spentCoupons: () => 'spent_coupons + :coupons' })
    .where(
      'id = :id AND (budget_points IS NULL OR spent_points + :points <= budget_points) AND (budget_coupons IS NULL OR spent_coupons + :coupons <= budget_coupons)',
      { id: campaign.id, points, coupons },
    )
    .execute();
  return spent.affected === 1;
}

/** Grants an action reward downstream, once per grant id (points with the reason, the coupon with its template). */
export function actionRewardHandler(peers: Pick<CampaignPeers, 'points' | 'benefits'>): OutboxHandler {
  return async (events) => {
    for (const event of events) {
      const reward = event.payload as ActionGrant & { memberId: string };
      const idempotencyKey = `CAMPAIGN:${reward.grantId}`;
      if (reward.points > 0)
        await peers.points.awardPoints({
          memberId: reward.memberId,
          points: reward.points,
          reason: `campaign ${reward.campaignId}`,
          idempotencyKey,
        });
      if (reward.couponTemplate)
        await peers.benefits.issueCoupon({
          templateCode: reward.couponTemplate,
          memberId: reward.memberId,
          idempotencyKey,
          source: 'CAMPAIGN',
        });
    }
  };
}
