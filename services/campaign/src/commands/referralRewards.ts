import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { enqueueOutboxEvent, inTransaction, rowLock, type OutboxHandler } from '../../../kit/src';
import { ReferralCode } from '../db/entities/ReferralCode';
import { ReferralMember } from '../db/entities/ReferralMember';
import { ReferralReward } from '../db/entities/ReferralReward';
import { ReferralRung } from '../db/entities/ReferralRung';
import { dueRewards, type Rung } from '../domain/referral';
import type { CampaignPeers } from '../ports';

/** An invitee's qualifying event happened: check with risk, count them for their inviter, owe the rungs reached. */
export const REFERRAL_QUALIFIED = 'referral.qualified';
/** A reward is owed: grant it downstream with its idempotency key. */
export const REFERRAL_REWARD = 'referral.reward';

type RewardPeers = Pick<CampaignPeers, 'member' | 'points' | 'benefits' | 'risk'>;

/** In the caller's transaction: the invitee counts once risk agrees (delivered keyed by the inviter). */
export function enqueueQualified(manager: EntityManager, inviterId: string, inviteeId: string, now: Date) {
  return enqueueOutboxEvent(manager, { type: REFERRAL_QUALIFIED, key: inviterId, payload: { inviteeId }, at: now });
}

/** In the caller's transaction: a reward row and the event that grants it. */
export async function owe(
  manager: EntityManager,
  reward: Omit<ReferralReward, 'id' | 'status' | 'createdAt' | 'grantedAt' | 'attempts'>,
  key: string,
  now: Date,
) {
  const row: ReferralReward = { ...reward, id: randomUUID(), status: 'PENDING', createdAt: now, grantedAt: null, attempts: 0 };
  await manager.insert(ReferralReward, row);
  await enqueueOutboxEvent(manager, { type: REFERRAL_REWARD, key, payload: { rewardId: row.id }, at: now });
  return row;
}

/**
 * Counts an attributed invitee for their inviter, exactly once: the risk service judges the pair
 * first (self-referral, rings: REFERRAL_REWARD, one decision per invitee by its key); DENY and
 * REVIEW hold the invitee out of the count. Then, under the inviter's code row lock (so two friends
 * qualifying at once count 1 and 2, not 1 and 1), PENDING → COUNTED by a guarded update and the
 * rungs now reached are owed, each a row unique per (referrer, rung, beneficiary).
 */
export async function countReferral(
  dataSource: DataSource,
  peers: RewardPeers,
  inviteeId: string,
  now = new Date(),
): Promise<ReferralReward[]> {
  const invitee = await dataSource.getRepository(ReferralMember).findOneBy({ memberId: inviteeId });
  if (!invitee?.inviterId || invitee.status !== 'PENDING') return [];
  const inviterId = invitee.inviterId;
  const verdict = await peers.risk.assessReferral({
    inviterId,
    inviteeId,
    channel: invitee.channel,
    idempotencyKey: `REFERRAL:${inviteeId}`,
  });
  if (verdict.decision !== 'ALLOW') {
    await dataSource
      .getRepository(ReferralMember)
      .update({ memberId: inviteeId, status: 'PENDING' }, { status: verdict.decision === 'DENY' ? 'DENIED' : 'REVIEW' });
    return [];
  }
  const owed = await inTransaction(dataSource, async (manager) => {
    await manager.findOne(ReferralCode, { where: { memberId: inviterId }, lock: rowLock(manager) });
    const moved = await manager.update(ReferralMember, { memberId: inviteeId, status: 'PENDING' }, { status: 'COUNTED', countedAt: now });
    if (moved.affected !== 1) return [];
    const counted = await manager.countBy(ReferralMember, { inviterId, status: 'COUNTED' });
    const ladder: Rung[] = await manager.find(ReferralRung);
    const paid = await manager.findBy(ReferralReward, { referrerId: inviterId });
    const due = dueRewards(inviterId, inviteeId, counted, ladder, (rung, beneficiary) =>
      paid.some((p) => p.rung === rung && p.beneficiaryId === beneficiary),
    );
    const rows: ReferralReward[] = [];
    for (const { rung, beneficiaryId, idempotencyKey } of due)
      rows.push(
        await owe(
          manager,
          {
            referrerId: inviterId,
            rung: rung.friends,
            beneficiaryId,
            inviteeId,
            reward: rung.reward,
            couponTemplate: rung.couponTemplate,
            points: rung.points,
            tierId: rung.tierId,
            idempotencyKey,
          },
          inviterId,
          now,
        ),
      );
    return rows;
  });
  // At once, so the member sees the reward; a failure is left to the reward's own event.
  for (const reward of owed) await grantReward(dataSource, peers, reward.id).catch(() => undefined);
  return owed;
}

/**
 * Grants one owed reward downstream with its idempotency key (a coupon from benefits, points from
 * points, a tier from member) and marks it GRANTED. Retried until it succeeds; the key makes a
 * retry after a lost answer grant nothing twice.
 */
export async function grantReward(dataSource: DataSource, peers: RewardPeers, rewardId: string): Promise<void> {
  const rewards = dataSource.getRepository(ReferralReward);
  const reward = await rewards.findOneBy({ id: rewardId });
  if (!reward || reward.status === 'GRANTED') return;
  const { beneficiaryId: memberId, idempotencyKey } = reward;
  const why = reward.rung === 0 ? 'POS scan-to-register welcome' : `referral ladder: ${reward.rung} friends`;
  try {
    if (reward.reward === 'COUPON')
      await peers.benefits.issueCoupon({
        templateCode: reward.couponTemplate!,
        memberId,
        idempotencyKey,
        source: reward.rung === 0 ? 'CAMPAIGN' : 'REFERRAL',
      });
    else if (reward.reward === 'POINTS') await peers.points.awardPoints({ memberId, points: reward.points!, reason: why, idempotencyKey });
    else await peers.member.grantTier({ memberId, tierId: reward.tierId!, reason: why, idempotencyKey });
  } catch (error) {
    await rewards.increment({ id: rewardId }, 'attempts', 1);
    throw error;
  }
  await rewards.update({ id: rewardId, status: 'PENDING' }, { status: 'GRANTED', grantedAt: new Date() });
}

/** How the campaign's outbox delivers referral events (each handler idempotent: the outbox delivers at least once). */
export function referralHandlers(dataSource: DataSource, peers: RewardPeers): Record<string, OutboxHandler> {
  return {
    [REFERRAL_QUALIFIED]: async (events) => {
      for (const event of events) await countReferral(dataSource, peers, (event.payload as { inviteeId: string }).inviteeId);
    },
    [REFERRAL_REWARD]: async (events) => {
      for (const event of events) await grantReward(dataSource, peers, (event.payload as { rewardId: string }).rewardId);
    },
  };
}
