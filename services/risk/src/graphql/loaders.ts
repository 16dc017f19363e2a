import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { fromRawDatetime } from '../../../kit/src';
import { MemberScoreRow } from '../db/entities/MemberScoreRow';
import { RiskEvent } from '../db/entities/RiskEvent';
import type { Decision, RiskLevel } from '../domain/action';
import type { Finding } from '../domain/evaluate';
import { memberRisk, PROFILE_WINDOW_DAYS, type MemberRisk } from '../domain/profile';

export interface RiskView extends MemberRisk {
  memberId: string;
  assessments: number;
}

/** The most decisions `lastDecisions` lists. */
export const MAX_LAST_DECISIONS = 20;

/** What a member's risk level reads of each REVIEW and DENY decision. */
interface FlagRow {
  member_id: string;
  decision: Decision;
  score: number | string;
  review_status: RiskEvent['reviewStatus'];
  reasons: string | null;
  created_at: Date | string;
}

/**
 * The members' REVIEW and DENY decisions since `since`, by plain SQL: every card asks, and the
 * entity manager's query building cost more than the statement (the driver binds the instant as
 * the entity manager would: UTC text for SQLite, a Date for mysql2).
 */
async function recentFlags(dataSource: DataSource, memberIds: string[], since: Date) {
  const [sql, parameters] = dataSource.driver.escapeQueryWithParameters(
    `SELECT member_id, decision, score, review_status, reasons, created_at FROM ${dataSource.getMetadata(RiskEvent).tableName}
     WHERE member_id IN (:...memberIds) AND decision IN ('REVIEW', 'DENY') AND created_at >= :since`,
    { memberIds, since },
    {},
  );
  const rows: FlagRow[] = await dataSource.query(sql, parameters);
  return rows.map((row) => ({
    memberId: row.member_id,
    decision: row.decision,
    score: Number(row.score),
    reviewStatus: row.review_status,
    reasons: row.reasons,
    createdAt: fromRawDatetime(row.created_at)!,
  }));
}

/** A decision's findings as recorded (assessmentOf reads them the same way). */
const findingsOf = (reasons: string | null): Finding[] => (reasons ? (JSON.parse(reasons) as Finding[]) : []);

/** Per-request loaders: a fixed number of statements for any number of members. */
export function createLoaders(dataSource: DataSource, now = () => new Date()) {
  const events = dataSource.getRepository(RiskEvent);
  return {
    /** Each member's latest model scores (null before a scoring run): one statement. */
    scoresOf: new DataLoader<string, MemberScoreRow | null>(async (memberIds) => {
      const rows = await dataSource.getRepository(MemberScoreRow).findBy({ memberId: In([...memberIds]) });
      const byId = new Map(rows.map((row) => [row.memberId, row]));
      return memberIds.map((id) => byId.get(id) ?? null);
    }),

    /** Level, score and reasons from the last 30 days' REVIEW and DENY decisions and the staff-set level: two statements. */
    riskOfMember: new DataLoader<string, RiskView>(async (memberIds) => {
      const ids = [...memberIds];
      const since = new Date(now().getTime() - PROFILE_WINDOW_DAYS * 86_400_000);
      const marks = ids.map(() => '?').join(', ');
      const [totals, recent] = await Promise.all([
        // One statement for the counts and the staff-set levels: a member may have either without the other.
        dataSource.query(
          `SELECT member_id AS memberId, COUNT(*) AS n, NULL AS level FROM risk_events WHERE member_id IN (${marks}) GROUP BY member_id
           UNION ALL
           SELECT member_id AS memberId, 0 AS n, level FROM risk_profiles WHERE member_id IN (${marks})`,
          [...ids, ...ids],
        ) as Promise<Array<{ memberId: string; n: string | number; level: RiskLevel | null }>>,
        recentFlags(dataSource, ids, since),
      ]);
      const count = new Map<string, number>();
      const staffLevel = new Map<string, RiskLevel>();
      for (const row of totals) {
        count.set(row.memberId, (count.get(row.memberId) ?? 0) + Number(row.n));
        if (row.level) staffLevel.set(row.memberId, row.level);
      }
      return memberIds.map((memberId) => ({
        memberId,
        assessments: count.get(memberId) ?? 0,
        ...memberRisk(
          staffLevel.get(memberId) ?? null,
          recent
            .filter((e) => e.memberId === memberId)
            .map((e) => ({
              decision: e.decision as Decision,
              score: e.score,
              reviewStatus: e.reviewStatus,
              findings: findingsOf(e.reasons),
              at: e.createdAt,
            })),
        ),
      }));
    }),

    /** Each member's latest MAX_LAST_DECISIONS decisions, newest first: two statements (ranked ids, then rows). */
    lastDecisionsOf: new DataLoader<string, RiskEvent[]>(async (memberIds) => {
      const ranked: Array<{ id: string }> = await dataSource.query(
        `SELECT id FROM (
           SELECT id, ROW_NUMBER() OVER (PARTITION BY member_id ORDER BY created_at DESC, id DESC) AS n
           FROM risk_events WHERE member_id IN (${memberIds.map(() => '?').join(', ')})
         ) ranked WHERE n <= ${MAX_LAST_DECISIONS}`,
        [...memberIds],
      );
      const rows = ranked.length
        ? await events.find({ where: { id: In(ranked.map((r) => r.id)) }, order: { createdAt: 'DESC', id: 'DESC' } })
        : [];
      return memberIds.map((memberId) => rows.filter((r) => r.memberId === memberId));
    }),
  };
}

export type RiskLoaders = ReturnType<typeof createLoaders>;
