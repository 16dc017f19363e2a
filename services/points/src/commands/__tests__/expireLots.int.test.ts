import { openPointsCommands, type PointsCommands } from '../../../test/commandFixture';
import { expireDueLots } from '../expireLots';
import { movePoints } from '../movePoints';

let c: PointsCommands;
beforeEach(async () => {
  c = await openPointsCommands();
});
afterEach(() => c.close());

const earn = (memberId: string, points: number, key: string, lotExpiresAt: Date | null) =>
  movePoints(c.dataSource, {
    memberId,
    points,
    entryType: 'EARN',
    source: 'CHECK_IN',
    sourceRef: key,
    reason: 'test earn',
    idempotencyKey: key,
    actor: memberId,
    lotExpiresAt,
  });

describe('expireDueLots', () => {
  it('expires what is left of every due lot once, in batches, and leaves lots not yet due and never-expiring lots', async () => {
    const due = new Date('2026-01-31T16:00:00Z');
    await earn('m-1', 40, 'K:1', due);
    await earn('m-1', 10, 'K:2', new Date('2026-06-30T16:00:00Z'));
    await earn('m-2', 5, 'K:3', due);
    await earn('m-3', 7, 'K:4', null);
    const now = new Date('2026-02-01T00:00:00Z');
    expect(await expireDueLots(c.dataSource, now, 1)).toEqual({ lots: 2, points: 45 });
    expect(await expireDueLots(c.dataSource, now)).toEqual({ lots: 0, points: 0 });
    expect(await c.account('m-1')).toEqual({ balance: 10, debt: 0 });
    expect(await c.account('m-2')).toEqual({ balance: 0, debt: 0 });
    expect(await c.account('m-3')).toEqual({ balance: 7, debt: 0 });
    expect(
      await c.dataSource.query(
        "SELECT member_id, points, idempotency_key FROM points_ledger WHERE entry_type = 'EXPIRE' ORDER BY member_id",
      ),
    ).toEqual([
      { member_id: 'm-1', points: -40, idempotency_key: expect.stringMatching(/^EXPIRE:/) },
      { member_id: 'm-2', points: -5, idempotency_key: expect.stringMatching(/^EXPIRE:/) },
    ]);
  });

  it('expires only what a burn left of a lot', async () => {
    await earn('m-1', 40, 'K:1', new Date('2026-01-31T16:00:00Z'));
    await movePoints(c.dataSource, {
      memberId: 'm-1',
      points: -25,
      entryType: 'REDEEM',
      source: 'CHECKOUT',
      sourceRef: 'O-1',
      reason: 'spent',
      idempotencyKey: 'DEBIT:spent-25',
      actor: 'm-1',
    });
    expect(await expireDueLots(c.dataSource, new Date('2026-02-01T00:00:00Z'))).toEqual({ lots: 1, points: 15 });
    expect(await c.account('m-1')).toEqual({ balance: 0, debt: 0 });
  });
});
