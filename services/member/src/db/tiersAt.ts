import { In, LessThanOrEqual, type DataSource } from 'typeorm';
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
