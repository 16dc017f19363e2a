import { IsNull, type EntityManager } from 'typeorm';
import { rowLock } from '../../../kit/src';
import type { TierRule } from '../domain/tiers';
import { Member } from './entities/Member';
import { TierVersion } from './entities/TierVersion';

/** Members still in the programme (a merged member is a tombstone). */
const live = { mergedInto: IsNull() };

/** The SQL condition "qualifies for `top`" over the members' stored 12-month figures. */
function qualifyingSql(top: TierRule): { sql: string; parameters: Record<string, unknown> } {
  const join = top.rule === 'AND' ? 'AND' : 'OR';
  return {
    sql: `(m.spend_12m_fen >= :spend ${join} m.purchases_12m >= :purchases) AND m.tier_id <> :top AND m.merged_into IS NULL`,
    parameters: { spend: top.spendThresholdFen, purchases: top.purchaseThreshold, top: top.id },
  };
}

/**
 * Every transaction that may admit a member to the top tier runs READ COMMITTED on MySQL: the seats
 * are counted by plain SELECTs after lockTopTier, and under REPEATABLE READ those would read the
 * snapshot of the transaction's first read, from before the lock, missing the seats the lock's
 * previous holder just took (a MySQL race of 40 members for 6 seats seated 15).
 */
export const TOP_TIER_TRANSACTION = { isolation: 'READ COMMITTED' } as const;

/**
 * Takes the lock that admissions to the top tier run under (its version rows, FOR UPDATE), after
 * the member's own row lock: two admissions never both take the last seat.
 */
export async function lockTopTier(manager: EntityManager, top: TierRule): Promise<void> {
  await manager.find(TierVersion, { where: { tierId: top.id }, lock: rowLock(manager) });
}

export async function countTop(manager: EntityManager, top: TierRule, member: Pick<Member, 'id' | 'spend12mFen'>) {
  const members = await manager.countBy(Member, live);
  const held = await manager.countBy(Member, { ...live, tierId: top.id });
  return { members, held, ahead: (await placeInLine(manager, top, member)) - 1 };
}

/**
 * A qualifying member's place in the line for the top tier (1 = next): by 12-month spend, then by
 * who qualified with it first is not known, so by member id for a stable order.
 */
export async function placeInLine(manager: EntityManager, top: TierRule, member: Pick<Member, 'id' | 'spend12mFen'>): Promise<number> {
  const { sql, parameters } = qualifyingSql(top);
  const ahead = await manager
    .getRepository(Member)
    .createQueryBuilder('m')
    .where(sql, parameters)
    .andWhere('(m.spend_12m_fen > :mine OR (m.spend_12m_fen = :mine AND m.id < :id))', { mine: member.spend12mFen, id: member.id })
    .getCount();
  return ahead + 1;
}

/** The first member in line for the top tier, or null. */
export async function firstInLine(manager: EntityManager, top: TierRule): Promise<string | null> {
  const { sql, parameters } = qualifyingSql(top);
  const first = await manager
    .getRepository(Member)
    .createQueryBuilder('m')
    .select('m.id', 'id')
    .where(sql, parameters)
    .orderBy('m.spend_12m_fen', 'DESC')
    .addOrderBy('m.id', 'ASC')
    .limit(1)
    .getRawOne<{ id: string }>();
  return first?.id ?? null;
}
