import DataLoader from 'dataloader';
import { In, MoreThanOrEqual, type DataSource } from 'typeorm';
import { assessmentOf } from '../commands/assess';
import { MemberScoreRow } from '../db/entities/MemberScoreRow';
import { RiskEvent } from '../db/entities/RiskEvent';
import type { Decision, RiskLevel } from '../domain/action';
import { memberRisk, PROFILE_WINDOW_DAYS, type MemberRisk } from '../domain/profile';

export interface RiskView extends MemberRisk {
  memberId: string;
  assessments: number;
}

/** The most decisions `lastDecisions` lists. */
export const MAX_LAST_DECISIONS = 20;

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
        events.findBy({ memberId: In(ids), decision: In(['REVIEW', 'DENY'] as const), createdAt: MoreThanOrEqual(since) }),
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
              findings: assessmentOf(e).findings,
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
