import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { DomainError, inTransaction, isUniqueViolation, parseIdempotencyKey, parseMemberId } from '../../../kit/src';
import { Reward } from '../db/entities/Reward';
import { RewardClaim } from '../db/entities/RewardClaim';
import { RewardRedemption } from '../db/entities/RewardRedemption';
import { checkRedemption, outOfStock, overLimit } from '../domain/reward';
import type { MemberPort, PointsPort } from '../ports';
import { enqueueSagaStep } from './rewardSaga';

export interface RedeemRewardInput {
  rewardId: string;
  memberId: string;
  idempotencyKey: string;
}

/** A known key answers its redemption only for the same reward: another would be a silent mix-up. */
function replay(redemption: RewardRedemption, rewardCode: string) {
  if (redemption.rewardCode !== rewardCode) {
    throw new DomainError('CONFLICT', 'this idempotencyKey was already used for another reward', { field: 'idempotencyKey' });
  }
  return { redemption, replayed: true };
}

/**
 * Starts a reward redemption: the saga's first step, reserving the stock. What can be refused is
 * refused first, with nothing reserved: an unknown or inactive reward (NOT_FOUND), a tier it is not
 * for (FORBIDDEN, TIER_RESTRICTED), no stock (CONFLICT, OUT_OF_STOCK), a spendable balance below the
 * price (INSUFFICIENT_POINTS), the member's limit reached (CONFLICT, PER_MEMBER_LIMIT). Then one
 * transaction takes the member's count and the stock by guarded UPDATEs (the count first, then the
 * reward, as everywhere), writes the redemption STOCK_RESERVED and enqueues its next step (the
 * hold) in the outbox — which drives the rest (commands/rewardSaga.ts). Once per member and key.
 */
export async function redeemReward(
  dataSource: DataSource,
  peers: { member: MemberPort; points: PointsPort },
  input: RedeemRewardInput,
  actor: string,
  now = new Date(),
): Promise<{ redemption: RewardRedemption; replayed: boolean }> {
  const memberId = parseMemberId(input.memberId);
  const redeemKey = `${memberId}:${parseIdempotencyKey(input.idempotencyKey)}`;
  const rewardCode = input.rewardId;
  const redemptions = dataSource.getRepository(RewardRedemption);
  const known = await redemptions.findOneBy({ redeemKey });
  if (known) return replay(known, rewardCode);
  const reward = rewardCode.length <= 32 ? await dataSource.getRepository(Reward).findOneBy({ code: rewardCode }) : null;
  if (!reward || !reward.active) throw new DomainError('NOT_FOUND', `no reward ${rewardCode}`, { field: 'rewardId' });
  const tier = await peers.member.getMemberTier(memberId);
  if (!tier) throw new DomainError('NOT_FOUND', `no member ${memberId}`, { field: 'memberId' });
  const claim = await dataSource.getRepository(RewardClaim).findOneBy({ rewardCode, memberId });
  if (claim && claim.claimed >= reward.perMemberLimit) throw overLimit(rewardCode, reward.perMemberLimit);
  checkRedemption(
    { ...reward, tiers: JSON.parse(reward.tiers) as string[] },
    { tierId: tier.tierId, spendable: await peers.points.getSpendable(memberId) },
    rewardCode,
  );
  // The count row exists before the transaction, so inside it is only ever updated (see issueCoupon).
  await dataSource
    .createQueryBuilder()
    .insert()
    .into(RewardClaim)
    .values({ rewardCode, memberId, claimed: 0 })
    .orIgnore()
    .updateEntity(false)
    .execute();
  try {
    const redemption = await inTransaction(dataSource, async (manager) => {
      const counted = await manager
        .createQueryBuilder()
        .update(RewardClaim)
        .set({ claimed: () => 'claimed + 1' })
        .where('reward_code = :rewardCode AND member_id = :memberId AND claimed < :limit', {
          rewardCode,
          memberId,
          limit: reward.perMemberLimit,
        })
        .execute();
      if (counted.affected !== 1) throw overLimit(rewardCode, reward.perMemberLimit);
      const taken = await manager
        .createQueryBuilder()
        .update(Reward)
        .set({ stockLeft: () => 'stock_left - 1' })
        .where('code = :rewardCode AND stock_left > 0', { rewardCode })
        .execute();
      if (taken.affected !== 1) throw outOfStock(rewardCode);
      const row = manager.getRepository(RewardRedemption).create({
        id: randomUUID(),
        redeemKey,
        rewardCode,
        memberId,
        kind: reward.kind,
        points: reward.pointsPrice,
        state: 'STOCK_RESERVED',
        stepAttempts: 0,
        couponId: null,
        voucherCode: null,
        ledgerEntryId: null,
        failedStep: null,
        failureCode: null,
        failureMessage: null,
        actor,
        createdAt: now,
        updatedAt: now,
        finishedAt: null,
      });
      await manager.getRepository(RewardRedemption).insert(row);
      await enqueueSagaStep(manager, row.id, 'STOCK_RESERVED', now);
      return row;
    });
    return { redemption, replayed: false };
  } catch (error) {
    // Two first attempts with one key: the loser's transaction took nothing; answer the winner's redemption.
    if (!isUniqueViolation(error)) throw error;
    return replay(await redemptions.findOneByOrFail({ redeemKey }), rewardCode);
  }
}
