import { openPointsCommands, type PointsCommands } from '../../../test/commandFixture';
import { movePoints, type PointsMove } from '../movePoints';

let c: PointsCommands;
beforeEach(async () => {
  c = await openPointsCommands();
});
afterEach(() => c.close());

const move = (points: number, key: string, overrides: Partial<PointsMove> = {}) =>
  movePoints(c.dataSource, {
    memberId: 'm-1',
    points,
    entryType: points > 0 ? 'EARN' : 'REDEEM',
    source: points > 0 ? 'CHECK_IN' : 'CHECKOUT',
    sourceRef: 'ref-1',
    reason: 'test move',
    idempotencyKey: key,
    actor: 'm-1',
    ...overrides,
  });

describe('movePoints', () => {
  it('credits a lot and debits the oldest lots first, keeping balance = Σ ledger = Σ open lots', async () => {
    await move(50, 'K:1', { lotExpiresAt: new Date('2027-01-31T16:00:00Z') });
    await move(30, 'K:2', { lotExpiresAt: new Date('2027-02-28T16:00:00Z') });
    const { entry } = await move(-60, 'K:3');
    expect(entry).toMatchObject({ entryType: 'REDEEM', points: -60, balanceAfter: 20 });
    expect(await c.dataSource.query('SELECT points, remaining FROM points_lots ORDER BY expires_at')).toEqual([
      { points: 50, remaining: 0 },
      { points: 30, remaining: 20 },
    ]);
    expect(await c.account('m-1')).toEqual({ balance: 20, debt: 0 });
    expect(await c.scalar('SELECT SUM(points) FROM points_ledger')).toBe(20);
  });

  it('refuses a debit beyond the balance (INSUFFICIENT_POINTS), and one without an account without creating it', async () => {
    await expect(move(-1, 'K:0')).rejects.toMatchObject({ code: 'INSUFFICIENT_POINTS' });
    expect(await c.account('m-1')).toBeNull();
    await move(10, 'K:1');
    await expect(move(-11, 'K:2')).rejects.toMatchObject({ code: 'INSUFFICIENT_POINTS' });
    expect(await c.account('m-1')).toEqual({ balance: 10, debt: 0 });
    expect(await c.scalar('SELECT COUNT(*) FROM points_ledger')).toBe(1);
  });

  it('answers a known key with its first result even after the balance changed; the key for another change is CONFLICT', async () => {
    await move(10, 'K:1');
    const first = await move(-10, 'K:2');
    expect(await move(-10, 'K:2')).toEqual({ entry: first.entry, replayed: true });
    await expect(move(-5, 'K:2')).rejects.toMatchObject({ code: 'CONFLICT', details: { field: 'idempotencyKey' } });
    await expect(move(-10, 'K:2', { sourceRef: 'another-order' })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await c.account('m-1')).toEqual({ balance: 0, debt: 0 });
  });

  it('two racing first attempts of one key move the points once', async () => {
    const both = await Promise.all([move(25, 'K:1'), move(25, 'K:1')]);
    expect(both.map((r) => r.replayed).sort()).toEqual([false, true]);
    expect(await c.account('m-1')).toEqual({ balance: 25, debt: 0 });
  });

  it('enqueues no outbox event: bonuses and burns do not change tier figures', async () => {
    await move(10, 'K:1');
    expect(await c.scalar('SELECT COUNT(*) FROM outbox_events')).toBe(0);
  });
});
