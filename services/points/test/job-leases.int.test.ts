import type { DataSource } from 'typeorm';
import { openServiceTestDatabase } from '../../../test/harness/serviceTestDatabase';
import { pointsSchema } from '../src/db/data-source';
import { JobLease } from '../src/db/entities/JobLease';
import { Order } from '../src/db/entities/Order';
import { runUnderLease } from '../src/db/jobLease';
import { leasedReevaluation, programmeYear } from '../src/jobs/scheduleHousekeeping';
import { MemoryMember } from './memoryPorts';

// On SQLite by default and on MySQL with DATABASE_URL: the lease is what keeps replicas apart.
let dataSource: DataSource;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ dataSource, close } = await openServiceTestDatabase(pointsSchema));
});
afterAll(() => close?.());

const gate = () => {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
};

describe('scheduled jobs under a lease (several replicas)', () => {
  it('of five replicas starting the same run at once, exactly one runs it; a finished run is not started again', async () => {
    let runs = 0;
    const release = gate();
    const replicas = Array.from({ length: 5 }, (_, i) =>
      runUnderLease(dataSource, { job: 'race', runKey: 'day-1', leaseMs: 60_000, holder: `replica-${i}` }, async () => {
        runs += 1;
        await release.opened;
        return `ran by replica-${i}`;
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    release.open();
    const results = await Promise.all(replicas);
    expect(runs).toBe(1);
    expect(results.filter((r) => r !== null)).toHaveLength(1);
    expect(await runUnderLease(dataSource, { job: 'race', runKey: 'day-1', leaseMs: 60_000 }, async () => 'again')).toBeNull();
    expect(await runUnderLease(dataSource, { job: 'race', runKey: 'day-2', leaseMs: 60_000 }, async () => 'next day')).toBe('next day');
  });

  it('a crashed holder’s run is taken over once its lease runs out, and resumed (not marked finished)', async () => {
    // A holder that crashed mid-run: its lease is in the table, its run never finished.
    await runUnderLease(dataSource, { job: 'crash', runKey: 'r-0', leaseMs: 60_000 }, async () => 'warm-up');
    await dataSource.getRepository(JobLease).update({ job: 'crash' }, { holder: 'crashed', expiresAt: new Date(Date.now() + 200) });
    expect(await runUnderLease(dataSource, { job: 'crash', runKey: 'r-1', leaseMs: 60_000 }, async () => 'too early')).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await runUnderLease(dataSource, { job: 'crash', runKey: 'r-1', leaseMs: 60_000 }, async () => 'taken over')).toBe('taken over');
    // A run that fails is released unfinished: the next attempt runs it again.
    await expect(
      runUnderLease(dataSource, { job: 'crash', runKey: 'r-2', leaseMs: 60_000 }, async () => {
        throw new Error('peer down');
      }),
    ).rejects.toThrow('peer down');
    expect(await runUnderLease(dataSource, { job: 'crash', runKey: 'r-2', leaseMs: 60_000 }, async () => 'resumed')).toBe('resumed');
  });

  it('the yearly re-evaluation runs once per programme year, whoever starts it', async () => {
    const member = new MemoryMember();
    const now = new Date();
    await dataSource.getRepository(Order).insert({
      orderNo: 'Y-1',
      memberId: 'm-y',
      amountFen: 100,
      channel: 'POS',
      storeId: null,
      items: null,
      pointsEarned: 1,
      refundedFen: 0,
      pointsClawed: 0,
      createdAt: now,
      orderedAt: now,
    });
    // 1 January 2027, 00:30 in UTC+8 is still 2026 in UTC: the cycle is the programme's year.
    const newYear = new Date('2026-12-31T16:30:00Z');
    expect(programmeYear(newYear, 480)).toBe('2027');
    const both = await Promise.all([
      leasedReevaluation(dataSource, member, '2027', newYear),
      leasedReevaluation(dataSource, member, '2027', newYear),
    ]);
    expect(both.filter((r) => r !== null)).toEqual([{ cycle: '2027', members: 1, changed: 0 }]);
    expect(await leasedReevaluation(dataSource, member, '2027', newYear)).toBeNull();
    expect(member.reevaluations.map((r) => r.cycle)).toEqual(['2027']);
  });
});
