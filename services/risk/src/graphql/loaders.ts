import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { orderByKeys } from '../../../kit/src';
import { RiskEvent } from '../db/entities/RiskEvent';
import { RiskProfile } from '../db/entities/RiskProfile';
import type { RiskLevel } from '../domain/action';

export interface RiskView {
  level: RiskLevel;
  assessments: number;
}

/** Per-request loaders: two statements (profiles, event counts) for any number of members. */
export function createLoaders(dataSource: DataSource) {
  return {
    riskOfMember: new DataLoader<string, RiskView>(async (memberIds) => {
      const ids = [...memberIds];
      const profiles = await dataSource.getRepository(RiskProfile).findBy({ memberId: In(ids) });
      const counts: Array<{ memberId: string; n: string | number }> = await dataSource
        .getRepository(RiskEvent)
        .createQueryBuilder('e')
        .select('e.member_id', 'memberId')
        .addSelect('COUNT(*)', 'n')
        .where('e.member_id IN (:...ids)', { ids })
        .groupBy('e.member_id')
        .getRawMany();
      const levels = orderByKeys(memberIds, profiles, (p) => p.memberId);
      const totals = orderByKeys(memberIds, counts, (c) => c.memberId);
      return memberIds.map((_, i) => ({
        level: (levels[i]?.level as RiskLevel | undefined) ?? 'LOW',
        assessments: Number(totals[i]?.n ?? 0),
      }));
    }),
  };
}

export type RiskLoaders = ReturnType<typeof createLoaders>;
