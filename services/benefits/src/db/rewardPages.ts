import { LessThan, type DataSource, type FindOptionsWhere } from 'typeorm';
import type { Position } from '../graphql/connection';
import { Reward } from './entities/Reward';
import { RewardRedemption } from './entities/RewardRedemption';

/** One page (plus one row) of the catalogue, newest first, keyset on (created_at, code). */
export function findRewardPage(dataSource: DataSource, query: { first: number; after: Position | null; includeInactive: boolean }) {
  const base: FindOptionsWhere<Reward> = query.includeInactive ? {} : { active: true };
  const where = query.after
    ? [
        { ...base, createdAt: LessThan(query.after.at) },
        { ...base, createdAt: query.after.at, code: LessThan(query.after.id) },
      ]
    : [base];
  return dataSource.getRepository(Reward).find({ where, order: { createdAt: 'DESC', code: 'DESC' }, take: query.first + 1 });
}

/** One page (plus one row) of a member's redemptions, newest first, keyset on (created_at, id). */
export function findRedemptionPage(dataSource: DataSource, query: { memberId: string; first: number; after: Position | null }) {
  const base: FindOptionsWhere<RewardRedemption> = { memberId: query.memberId };
  const where = query.after
    ? [
        { ...base, createdAt: LessThan(query.after.at) },
        { ...base, createdAt: query.after.at, id: LessThan(query.after.id) },
      ]
    : [base];
  return dataSource.getRepository(RewardRedemption).find({ where, order: { createdAt: 'DESC', id: 'DESC' }, take: query.first + 1 });
}
