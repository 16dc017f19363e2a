import { In, LessThanOrEqual, type DataSource } from 'typeorm';
import { fromRawDatetime } from '../../../kit/src';
import { TierChange } from './entities/TierChange';

/**
 * The tier each member held at `at`, from their tier history: the latest change at or before it.
 * A member with no change that early (an order placed minutes before registering) is absent; the
 * caller takes their present tier.
 */
export async function tiersAt(dataSource: DataSource, memberIds: readonly string[], at: Date): Promise<Map<string, string>> {
  const changes = await dataSource.getRepository(TierChange).find({
    select: { memberId: true, toTier: true, at: true, id: true },
    where: { memberId: In([...memberIds]), at: LessThanOrEqual(at) },
    order: { at: 'ASC', id: 'ASC' },
  });
  // Ascending, so the latest change of each member is the one left in the map.
  return new Map(changes.map((change) => [change.memberId, change.toTier]));
}

/**
 * When each member last left one of `tierIds` (the tiers whose points never expire), from their
 * tier history; members who never left one are absent.
 */
export async function lastLeft(
  dataSource: DataSource,
  memberIds: readonly string[],
  tierIds: readonly string[],
): Promise<Map<string, Date>> {
  if (memberIds.length === 0 || tierIds.length === 0) return new Map();
  const rows: Array<{ memberId: string; at: Date | string }> = await dataSource
    .getRepository(TierChange)
    .createQueryBuilder('c')
    .select('c.member_id', 'memberId')
    .addSelect('MAX(c.at)', 'at')
    .where({ memberId: In([...memberIds]), fromTier: In([...tierIds]) })
    .groupBy('c.member_id')
    .getRawMany();
  return new Map(rows.map((row) => [row.memberId, fromRawDatetime(row.at)!]));
}
