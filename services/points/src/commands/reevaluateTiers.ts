import type { DataSource } from 'typeorm';
import { DomainError } from '../../../kit/src';
import { Order } from '../db/entities/Order';
import { spendStats } from '../db/spendStats';
import type { MemberPort } from '../ports';

/**
 * The yearly tier re-evaluation: every member who ever bought, with fresh rolling-12-month
 * figures, a batch at a time. The member service applies it once per cycle per member, so the job
 * can be re-run or resumed after a crash without stepping anyone down twice.
 */
export async function reevaluateTiers(
  dataSource: DataSource,
  member: MemberPort,
  cycle: string,
  now = new Date(),
  batchSize = 200,
): Promise<{ members: number; changed: number }> {
  if (!/^\d{4}$/.test(cycle)) throw new DomainError('BAD_USER_INPUT', 'cycle must be a year such as 2026', { field: 'cycle' });
  let after = '';
  let members = 0;
  let changed = 0;
  for (;;) {
    const rows: Array<{ memberId: string }> = await dataSource
      .getRepository(Order)
      .createQueryBuilder('o')
      .select('DISTINCT o.member_id', 'memberId')
      .where('o.member_id > :after', { after })
      .orderBy('o.member_id')
      .limit(batchSize)
      .getRawMany();
    if (rows.length === 0) return { members, changed };
    const ids = rows.map((r) => r.memberId);
    const stats = await spendStats(dataSource, ids, now);
    for (const [i, memberId] of ids.entries()) {
      const decision = await member.reevaluateTier(
        { memberId, spendFen: stats[i].spendFen, purchases: stats[i].purchases, asOf: now },
        cycle,
      );
      members += 1;
      if (decision.changed) changed += 1;
    }
    after = ids[ids.length - 1];
  }
}
