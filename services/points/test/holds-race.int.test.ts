import type { DataSource } from 'typeorm';
import { openServiceTestDatabase } from '../../../test/harness/serviceTestDatabase';
import { adjustPoints } from '../src/commands/adjustPoints';
import { debitPoints } from '../src/commands/debitPoints';
import { capturePoints, holdPoints, releasePoints } from '../src/commands/holdPoints';
import { memberDirectory, REGULAR, RULES } from '../src/commands/__tests__/pointsFixture';
import { pointsSchema } from '../src/db/data-source';
import { PointsAccount } from '../src/db/entities/PointsAccount';
import { PointsHold } from '../src/db/entities/PointsHold';
import { leasedHoldSweep } from '../src/jobs/scheduleHousekeeping';
import { MemoryRisk } from './memoryPorts';

/*
 * Holds racing burns, on the database the suite runs on (SQLite by default; MySQL with DATABASE_URL,
 * where they really run side by side on a pool of connections): whatever the interleaving, no
 * member spends a point twice — held + burned never exceeds what they had — and the account stays
 * exact: balance == Σ ledger == Σ lots, held == Σ of the HELD holds.
 */
let dataSource: DataSource;
let close: () => Promise<void>;
const risk = new MemoryRisk();
beforeAll(async () => {
  ({ dataSource, close } = await openServiceTestDatabase(pointsSchema));
  const member = memberDirectory({ 'racer-1': REGULAR, 'sweeper-1': REGULAR });
  const staff = { name: 'staff:seed', subject: 'seed' };
  await adjustPoints(
    dataSource,
    member,
    RULES,
    { memberId: 'sweeper-1', points: 10, reason: 'seed', idempotencyKey: 'sweep-seed-1' },
    staff,
  );
  for (let i = 0; i < 4; i += 1) {
    await adjustPoints(
      dataSource,
      member,
      RULES,
      { memberId: 'racer-1', points: 250, reason: 'seed', idempotencyKey: `race-seed-${i}` },
      staff,
    );
  }
});
afterAll(() => close?.());

async function audit(memberId: string) {
  const [{ total }] = await dataSource.query('SELECT COALESCE(SUM(points), 0) AS total FROM points_ledger WHERE member_id = ?', [memberId]);
  const [{ lots }] = await dataSource.query('SELECT COALESCE(SUM(remaining), 0) AS lots FROM points_lots WHERE member_id = ?', [memberId]);
  const [{ held }] = await dataSource.query(
    "SELECT COALESCE(SUM(points), 0) AS held FROM points_holds WHERE member_id = ? AND state = 'HELD'",
    [memberId],
  );
  const account = await dataSource.getRepository(PointsAccount).findOneByOrFail({ memberId });
  return { account, ledger: Number(total), lots: Number(lots), heldHolds: Number(held) };
}

it('120 holds and 120 burns racing for 1,000 points never overdraw; captures and releases racing each other settle each hold once', async () => {
  const outcomes = await Promise.allSettled([
    ...Array.from({ length: 120 }, (_, i) =>
      holdPoints(
        dataSource,
        risk,
        { memberId: 'racer-1', points: 30, holdKey: `RACE:hold-${i}`, sourceRef: `R-${i}`, reason: 'race' },
        { ttlMs: 60_000 },
      ),
    ),
    ...Array.from({ length: 120 }, (_, i) =>
      debitPoints(
        dataSource,
        risk,
        { memberId: 'racer-1', points: 20, source: 'REDEMPTION', sourceRef: `B-${i}`, reason: 'race', idempotencyKey: `race-burn-${i}` },
        'service',
      ),
    ),
  ]);
  const refused = outcomes.filter((o) => o.status === 'rejected').map((o) => (o as PromiseRejectedResult).reason.code);
  expect(new Set(refused)).toEqual(new Set(['INSUFFICIENT_POINTS']));
  const holdsTaken = outcomes.slice(0, 120).filter((o) => o.status === 'fulfilled').length;
  const burns = outcomes.slice(120).filter((o) => o.status === 'fulfilled').length;
  // Everything spendable was taken, and not one point more.
  expect(holdsTaken * 30 + burns * 20).toBeLessThanOrEqual(1000);
  expect(holdsTaken * 30 + burns * 20).toBeGreaterThan(1000 - 30);
  let state = await audit('racer-1');
  expect(state.account).toMatchObject({ balance: 1000 - burns * 20, held: holdsTaken * 30 });
  expect(state.heldHolds).toBe(holdsTaken * 30);

  // Each taken hold gets a capture and a release at once: exactly one of them wins.
  const taken = await dataSource.getRepository(PointsHold).findBy({ state: 'HELD' });
  const settled = await Promise.allSettled(
    taken.flatMap((h, i) => [
      i % 2 ? capturePoints(dataSource, h.holdKey) : releasePoints(dataSource, h),
      i % 2 ? releasePoints(dataSource, h) : capturePoints(dataSource, h.holdKey),
    ]),
  );
  expect(settled.filter((o) => o.status === 'rejected').every((o) => (o as PromiseRejectedResult).reason.code === 'CONFLICT')).toBe(true);
  const captured = await dataSource.getRepository(PointsHold).countBy({ state: 'CAPTURED' });
  const released = await dataSource.getRepository(PointsHold).countBy({ state: 'RELEASED' });
  expect(captured + released).toBe(holdsTaken);
  state = await audit('racer-1');
  expect(state.account).toMatchObject({ balance: 1000 - burns * 20 - captured * 30, held: 0 });
  expect(state.ledger).toBe(state.account.balance);
  expect(state.lots).toBe(state.account.balance);
  expect(state.heldHolds).toBe(0);
});

it('the sweep runs under a lease: of replicas sweeping the same run at once, one releases the expired holds', async () => {
  const past = new Date(Date.now() - 120_000);
  for (let i = 0; i < 3; i += 1) {
    await holdPoints(
      dataSource,
      risk,
      { memberId: 'sweeper-1', points: 1, holdKey: `SWEEP:expired-${i}`, sourceRef: `S-${i}`, reason: 'to expire' },
      { ttlMs: 60_000, now: past },
    );
  }
  const runs = await Promise.all(Array.from({ length: 4 }, () => leasedHoldSweep(dataSource, 'sweep-run-1')));
  expect(runs.filter((r) => r !== null)).toEqual([{ holds: 3, points: 3 }]);
  expect((await audit('sweeper-1')).account.held).toBe(0);
  expect(await leasedHoldSweep(dataSource, 'sweep-run-1')).toBeNull();
});
