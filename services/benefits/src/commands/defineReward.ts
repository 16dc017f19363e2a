import type { DataSource } from 'typeorm';
import { DomainError, inTransaction, isUniqueViolation } from '../../../kit/src';
import { CouponTemplate } from '../db/entities/CouponTemplate';
import { Reward } from '../db/entities/Reward';
import { parseReward, parseRewardChange, type RewardChange, type RewardInput } from '../domain/reward';
import { parseMatrixCode } from '../domain/benefitMatrix';

/** Adds a reward to the points catalogue (staff). A coupon reward's template must exist; a code is used once. */
export async function defineReward(dataSource: DataSource, input: RewardInput, actor: string, now = new Date()): Promise<Reward> {
  const rules = parseReward(input);
  if (rules.templateCode && !(await dataSource.getRepository(CouponTemplate).existsBy({ code: rules.templateCode }))) {
    throw new DomainError('NOT_FOUND', `no coupon template ${rules.templateCode}`, { field: 'templateCode' });
  }
  const reward = dataSource.getRepository(Reward).create({
    ...rules,
    tiers: JSON.stringify(rules.tiers),
    stockLeft: rules.stock,
    active: true,
    createdBy: actor,
    createdAt: now,
    updatedBy: actor,
    updatedAt: now,
  });
  try {
    await dataSource.getRepository(Reward).insert(reward);
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError('CONFLICT', `reward ${rules.code} exists already`, { field: 'code' });
    throw error;
  }
  return reward;
}

/**
 * Changes a reward (staff): name, price, limit, tiers, active, and stock by an amount added (or
 * taken, never more than is left — a guarded UPDATE, so redemptions racing it never oversell).
 * Redemptions under way keep the price they started with.
 */
export async function updateReward(
  dataSource: DataSource,
  input: { code: string; change: RewardChange },
  actor: string,
  now = new Date(),
): Promise<Reward> {
  const code = parseMatrixCode(input.code, 'code');
  const change = parseRewardChange(input.change);
  return inTransaction(dataSource, async (manager) => {
    const set: Record<string, unknown> = { updatedBy: actor, updatedAt: now };
    if (change.name !== undefined) set.name = change.name;
    if (change.pointsPrice !== undefined) set.pointsPrice = change.pointsPrice;
    if (change.perMemberLimit !== undefined) set.perMemberLimit = change.perMemberLimit;
    if (change.tiers !== undefined) set.tiers = JSON.stringify(change.tiers);
    if (change.active !== undefined) set.active = change.active;
    const query = manager.createQueryBuilder().update(Reward).set(set).where('code = :code', { code });
    if (change.addStock !== 0) {
      query
        .set({ ...set, stock: () => 'stock + :add', stockLeft: () => 'stock_left + :add' })
        .andWhere('stock_left + :add >= 0', { add: change.addStock });
    }
    const updated = await query.execute();
    if (updated.affected !== 1) {
      if (!(await manager.getRepository(Reward).existsBy({ code })))
        throw new DomainError('NOT_FOUND', `no reward ${code}`, { field: 'code' });
      throw new DomainError('BAD_USER_INPUT', 'addStock would take more stock than is left', { field: 'addStock' });
    }
    return manager.getRepository(Reward).findOneByOrFail({ code });
  });
}
