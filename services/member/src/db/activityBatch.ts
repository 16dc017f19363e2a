import type { DataSource } from 'typeorm';
import { executeByPlainSql, queryByPlainSql } from '../../../kit/src';
import type { ActivityState } from '../domain/activityTriage';
import { Member } from './entities/Member';
import { Milestone } from './entities/Milestone';

export interface MemberActivityState extends ActivityState {
  id: string;
  grantExpiresAt: Date | null;
  /** The member's tier version (changeTier counts it), for the copy an answer refreshes. */
  tierVersion: number;
}

const READ_STATES_SQL =
  'SELECT m.id AS id, m.tier_id AS tier_id, m.tier_source AS tier_source, m.grant_expires_at AS grant_expires_at,' +
  ' m.tier_version AS tier_version, m.activity_as_of AS activity_as_of,' +
  " (SELECT MAX(t.at) FROM member_milestones t WHERE t.member_id = m.id AND t.kind = 'TWELFTH_PURCHASE') AS last_twelfth," +
  " (SELECT COUNT(*) FROM member_milestones f WHERE f.member_id = m.id AND f.kind = 'FIRST_TOP_TIER') AS first_top" +
  ' FROM members m WHERE m.id IN (:...ids)';

/**
 * The members a batch of reports is for, with what the reports are judged against
 * (triageActivity), milestones included: one statement for the batch, no lock. What it reads may
 * change before the figures are stored; storeFigures' guard notices.
 */
export async function readActivityStates(
  dataSource: DataSource,
  ids: readonly string[],
  now: Date,
): Promise<Map<string, MemberActivityState>> {
  if (ids.length === 0) return new Map();
  const member = dataSource.getMetadata(Member);
  const grantExpiresAtColumn = member.findColumnWithPropertyName('grantExpiresAt')!;
  const activityAsOfColumn = member.findColumnWithPropertyName('activityAsOf')!;
  const milestoneAt = dataSource.getMetadata(Milestone).findColumnWithPropertyName('at')!;
  const hydrate = (raw: unknown, meta: typeof milestoneAt) =>
    raw === null || raw === undefined ? null : (dataSource.driver.prepareHydratedValue(raw, meta) as Date);
  // Plain SQL, bound as the query builder binds it (the kit's queryByPlainSql): the same statement
  // without the query builder's per-call building, which cost the batch more CPU than the statement.
  const rows = await queryByPlainSql(dataSource, READ_STATES_SQL, { ids: [...new Set(ids)] });
  return new Map(
    rows.map((row) => {
      const tierSource = row.tier_source as MemberActivityState['tierSource'];
      const grantExpiresAt = hydrate(row.grant_expires_at, grantExpiresAtColumn);
      const state: MemberActivityState = {
        id: String(row.id),
        tierId: String(row.tier_id),
        tierSource,
        grantExpiresAt,
        tierVersion: Number(row.tier_version),
        activityAsOf: hydrate(row.activity_as_of, activityAsOfColumn),
        grantEnded: tierSource === 'GRANTED' && grantExpiresAt !== null && grantExpiresAt.getTime() <= now.getTime(),
        lastTwelfthPurchaseAt: hydrate(row.last_twelfth, milestoneAt),
        firstTopTierReached: Number(row.first_top) > 0,
      };
      return [state.id, state];
    }),
  );
}

export interface FiguresToStore {
  memberId: string;
  spendFen: number;
  purchases: number;
  asOf: Date;
  /** The tier the figures were judged against: they are stored only while the member still holds it. */
  tierId: string;
  tierSource: 'EARNED' | 'GRANTED';
}

/**
 * Stores many members' 12-month figures in one UPDATE, each only while the member is as judged
 * (same tier and source, no grant expired by `now`) and the figures are not older than those held
 * (activity_as_of compared in the statement, so of two reports racing the newer always stays).
 * Answers the rows it matched: fewer than given means some member changed in between, and the
 * caller applies those reports through the locked path instead.
 */
export async function storeFigures(dataSource: DataSource, rows: readonly FiguresToStore[], now: Date): Promise<number> {
  if (rows.length === 0) return 0;
  // Plain SQL with `?` bound by position (executeByPlainSql, outside any transaction as before), each
  // instant converted as the entity manager converts it for its column: the same statement as the
  // query builder's, without building it (and naming six parameters a report) on every batch.
  const members = dataSource.getMetadata(Member);
  const asOfColumn = members.findColumnWithPropertyName('activityAsOf')!;
  const instant = (at: Date, column = asOfColumn) => dataSource.driver.preparePersistentValue(at, column) as unknown;
  const when = rows.map(() => 'WHEN ? THEN ?').join(' ');
  const sql =
    `UPDATE members SET spend_12m_fen = CASE id ${when} END, purchases_12m = CASE id ${when} END, activity_as_of = CASE id ${when} END` +
    // The id list first: the statement finds (and on MySQL locks) only the batch's rows, by key.
    ` WHERE id IN (${rows.map(() => '?').join(', ')}) AND (` +
    rows.map(() => '(id = ? AND tier_id = ? AND tier_source = ? AND (activity_as_of IS NULL OR activity_as_of <= ?))').join(' OR ') +
    ") AND (tier_source <> 'GRANTED' OR grant_expires_at IS NULL OR grant_expires_at > ?)";
  const asOf = rows.map((row) => instant(row.asOf));
  const parameters: unknown[] = [
    ...rows.flatMap((row) => [row.memberId, row.spendFen]),
    ...rows.flatMap((row) => [row.memberId, row.purchases]),
    ...rows.flatMap((row, i) => [row.memberId, asOf[i]]),
    ...rows.map((row) => row.memberId),
    ...rows.flatMap((row, i) => [row.memberId, row.tierId, row.tierSource, asOf[i]]),
    instant(now, members.findColumnWithPropertyName('grantExpiresAt')!),
  ];
  return executeByPlainSql(dataSource, sql, parameters);
}
