import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { ReferralStatus } from '../db/entities/ReferralMember';
import { enqueueOutboxEvent, inTransaction, rowLock, type OutboxHandler } from '../../../kit/src';
import { ReferralCode } from '../db/entities/ReferralCode';
import { ReferralMember } from '../db/entities/ReferralMember';
import { ReferralReward } from '../db/entities/ReferralReward';
import { loadRungVersions, asRungVersion } from '../db/referralLadder';
import { dueRewards } from '../domain/referral';
import { ladderAt } from '../domain/referralLadder';
import type { CampaignPeers } from '../ports';

/** An invitee's qualifying event happened: check with risk, count them for their inviter, owe the rungs reached. */
export const REFERRAL_QUALIFIED = 'referral.qualified';
/** A reward is owed: grant it downstream with its idempotency key. */
export const REFERRAL_REWARD = 'referral.reward';

export type RewardPeers = Pick<CampaignPeers, 'member' | 'points' | 'benefits' | 'risk'>;

/** In the caller's transaction: the invitee counts once risk agrees (delivered keyed by the inviter). */
export async function enqueueQualified(manager: EntityManager, inviterId: string, inviteeId: string, now: Date) {
  // When they qualified: the ladder in force then is the one they count with (countInvitee).
  await manager.update(ReferralMember, { memberId: inviteeId }, { qualifiedAt: now });
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
 * REVIEW hold the invitee out of the count (REVIEW until staff release or reject it:
 * releaseReferral, rejectReferral). Then countInvitee owes the rungs reached and they are granted.
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
      .update(
        { memberId: inviteeId, status: 'PENDING' },
        { status: verdict.decision === 'DENY' ? 'DENIED' : 'REVIEW', heldAt: now, riskReason: verdict.reason.slice(0, 255) || null },
      );
    return [];
  }
  const owed = await inTransaction(dataSource, (manager) => countInvitee(manager, invitee, 'PENDING', now), {
    isolation: 'READ COMMITTED',
  });
  await grantNow(dataSource, peers, owed ?? []);
  return owed ?? [];
}

/**
 * In the caller's transaction, the one way an invitee is counted (automatically, or released by
 * staff): under the inviter's code row lock (so two friends counted at once count 1 and 2, not 1
 * and 1), `from` → COUNTED by a guarded update (a second attempt, or a race with the other path,
 * moves nothing and owes nothing), then the rungs now reached are owed with the ladder in force
 * when the friend qualified — each a row unique per (referrer, rung id, beneficiary), keyed
 * downstream by rung id. Answers what was owed; null when the invitee was not in `from`.
 */
export async function countInvitee(
  manager: EntityManager,
  invitee: Pick<ReferralMember, 'memberId' | 'inviterId' | 'qualifiedAt'>,
  from: ReferralStatus,
  now: Date,
): Promise<ReferralReward[] | null> {
  const inviterId = invitee.inviterId!;
  const inviteeId = invitee.memberId;
  await manager.findOne(ReferralCode, { where: { memberId: inviterId }, lock: rowLock(manager) });
  const moved = await manager.update(ReferralMember, { memberId: inviteeId, status: from }, { status: 'COUNTED', countedAt: now });
  if (moved.affected !== 1) return null;
  const counted = await manager.countBy(ReferralMember, { inviterId, status: 'COUNTED' });
  const ladder = ladderAt((await loadRungVersions(manager)).map(asRungVersion), invitee.qualifiedAt ?? now);
  const paid = await manager.findBy(ReferralReward, { referrerId: inviterId });
  const due = dueRewards(inviterId, inviteeId, counted, ladder, (rungId, beneficiary) =>
    paid.some((p) => p.rungId === rungId && p.beneficiaryId === beneficiary),
  );
  const rows: ReferralReward[] = [];
  for (const { rung, beneficiaryId, idempotencyKey } of due)
    rows.push(
      await owe(
        manager,
        {
          referrerId: inviterId,
          rung: rung.friends,
          rungId: rung.rungId,
          rungRevision: rung.revision,
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
}

/** At once after the commit, so the member sees the reward; a failure is left to the reward's own outbox event. */
export async function grantNow(dataSource: DataSource, peers: RewardPeers, owed: readonly ReferralReward[]): Promise<void> {
  for (const reward of owed) await grantReward(dataSource, peers, reward.id).catch(() => undefined);
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
  const why = reward.rungId === 0 ? 'POS scan-to-register welcome' : `referral ladder: ${reward.rung} friends`;
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
