import DataLoader from 'dataloader';
import { In, MoreThanOrEqual, type DataSource } from 'typeorm';
import { orderByKeys } from '../../../kit/src';
import { assessmentOf } from '../commands/assess';
import { RiskEvent } from '../db/entities/RiskEvent';
import { RiskProfile } from '../db/entities/RiskProfile';
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
    /** Level, score and reasons from the last 30 days' REVIEW and DENY decisions and the staff-set level: three statements. */
    riskOfMember: new DataLoader<string, RiskView>(async (memberIds) => {
      const ids = [...memberIds];
      const since = new Date(now().getTime() - PROFILE_WINDOW_DAYS * 86_400_000);
      const [profiles, counts, recent] = await Promise.all([
        dataSource.getRepository(RiskProfile).findBy({ memberId: In(ids) }),
        events
          .createQueryBuilder('e')
          .select('e.member_id', 'memberId')
          .addSelect('COUNT(*)', 'n')
          .where('e.member_id IN (:...ids)', { ids })
          .groupBy('e.member_id')
          .getRawMany<{ memberId: string; n: string | number }>(),
        events.findBy({ memberId: In(ids), decision: In(['REVIEW', 'DENY']), createdAt: MoreThanOrEqual(since) }),
      ]);
      const levels = orderByKeys(memberIds, profiles, (p) => p.memberId);
      const totals = orderByKeys(memberIds, counts, (c) => c.memberId);
      return memberIds.map((memberId, i) => ({
        memberId,
        assessments: Number(totals[i]?.n ?? 0),
        ...memberRisk(
          (levels[i]?.level as RiskLevel | undefined) ?? null,
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
