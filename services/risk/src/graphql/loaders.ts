import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { fromRawDatetime, queryByPlainSql } from '../../../kit/src';
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

/**
 * One row of riskFacts: a member's count of decisions (COUNT), their staff-set level (LEVEL), or
 * one of their recent REVIEW and DENY decisions (FLAG); the columns the kind does not use are null.
 */
interface FactRow {
  kind: 'COUNT' | 'LEVEL' | 'FLAG';
  member_id: string;
  n: string | number | null;
  level: RiskLevel | null;
  decision: Decision | null;
  score: number | string | null;
  review_status: RiskEvent['reviewStatus'];
  reasons: string | null;
  created_at: Date | string | null;
}

/**
 * Everything a member's risk level reads, in one statement for any number of members: the count
 * of their decisions, the level staff set (a member may have either without the other), and their
 * REVIEW and DENY decisions since `since`. One statement, not two: on the card's path each
 * statement's round trip (the socket write above all) cost more CPU than building its answer.
 * Plain SQL bound by the driver as the entity manager binds it (an instant: UTC text for SQLite,
 * a Date for mysql2).
 */
async function riskFacts(dataSource: DataSource, memberIds: string[], since: Date) {
  const events = dataSource.getMetadata(RiskEvent).tableName;
  const rows = await queryByPlainSql<FactRow>(
    dataSource,
    `SELECT 'COUNT' AS kind, member_id, COUNT(*) AS n, NULL AS level, NULL AS decision, NULL AS score, NULL AS review_status,
       NULL AS reasons, NULL AS created_at
     FROM ${events} WHERE member_id IN (:...memberIds) GROUP BY member_id
     UNION ALL
     SELECT 'LEVEL', member_id, 0, level, NULL, NULL, NULL, NULL, NULL FROM risk_profiles WHERE member_id IN (:...memberIds)
     UNION ALL
     SELECT 'FLAG', member_id, 0, NULL, decision, score, review_status, reasons, created_at
     FROM ${events} WHERE member_id IN (:...memberIds) AND decision IN ('REVIEW', 'DENY') AND created_at >= :since`,
    { memberIds, since },
  );
  const count = new Map<string, number>();
  const staffLevel = new Map<string, RiskLevel>();
  const recent: Array<{
    memberId: string;
    decision: Decision;
    score: number;
    reviewStatus: RiskEvent['reviewStatus'];
    reasons: string | null;
    createdAt: Date;
  }> = [];
  for (const row of rows) {
    if (row.kind === 'COUNT') count.set(row.member_id, Number(row.n));
    else if (row.kind === 'LEVEL') {
      if (row.level) staffLevel.set(row.member_id, row.level);
    } else {
      recent.push({
        memberId: row.member_id,
        decision: row.decision!,
        score: Number(row.score),
        reviewStatus: row.review_status,
        reasons: row.reasons,
        createdAt: fromRawDatetime(row.created_at)!,
      });
    }
  }
  return { count, staffLevel, recent };
}

/** A decision's findings as recorded (assessmentOf reads them the same way). */
const findingsOf = (reasons: string | null): Finding[] => (reasons ? (JSON.parse(reasons) as Finding[]) : []);

/**
 * Per-request loaders, each made on first use (a card reads the risk level alone: a request builds
 * only what it reads): a fixed number of statements for any number of members.
 */
export class RiskLoaders {
  private made: {
    scoresOf?: DataLoader<string, MemberScoreRow | null>;
    riskOfMember?: DataLoader<string, RiskView>;
    lastDecisionsOf?: DataLoader<string, RiskEvent[]>;
  } = {};

  constructor(
    private readonly dataSource: DataSource,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Each member's latest model scores (null before a scoring run): one statement. */
  get scoresOf(): DataLoader<string, MemberScoreRow | null> {
    return (this.made.scoresOf ??= new DataLoader(async (memberIds) => {
      const rows = await this.dataSource.getRepository(MemberScoreRow).findBy({ memberId: In([...memberIds]) });
      const byId = new Map(rows.map((row) => [row.memberId, row]));
      return memberIds.map((id) => byId.get(id) ?? null);
    }));
  }

  /** Level, score and reasons from the last 30 days' REVIEW and DENY decisions and the staff-set level: one statement. */
  get riskOfMember(): DataLoader<string, RiskView> {
    return (this.made.riskOfMember ??= new DataLoader(async (memberIds) => {
      const since = new Date(this.now().getTime() - PROFILE_WINDOW_DAYS * 86_400_000);
      const { count, staffLevel, recent } = await riskFacts(this.dataSource, [...memberIds], since);
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
    }));
  }

  /** Each member's latest MAX_LAST_DECISIONS decisions, newest first: two statements (ranked ids, then rows). */
  get lastDecisionsOf(): DataLoader<string, RiskEvent[]> {
    return (this.made.lastDecisionsOf ??= new DataLoader(async (memberIds) => {
      const ranked: Array<{ id: string }> = await this.dataSource.query(
        `SELECT id FROM (
           SELECT id, ROW_NUMBER() OVER (PARTITION BY member_id ORDER BY created_at DESC, id DESC) AS n
           FROM risk_events WHERE member_id IN (${memberIds.map(() => '?').join(', ')})
         ) ranked WHERE n <= ${MAX_LAST_DECISIONS}`,
        [...memberIds],
      );
      const rows = ranked.length
        ? await this.dataSource
            .getRepository(RiskEvent)
            .find({ where: { id: In(ranked.map((r) => r.id)) }, order: { createdAt: 'DESC', id: 'DESC' } })
        : [];
      return memberIds.map((memberId) => rows.filter((r) => r.memberId === memberId));
    }));
  }
}

export function createLoaders(dataSource: DataSource, now?: () => Date): RiskLoaders {
  return new RiskLoaders(dataSource, now);
}
