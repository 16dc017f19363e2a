import { openPointsCommands, RULES, type PointsCommands } from '../../../test/commandFixture';
import { lotExpiry } from '../../domain/account';
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

const deps = () => ({ member: c.peers.member, rules: RULES });

describe('expireDueLots', () => {
  it('expires what is left of every due lot once, in batches, and leaves lots not yet due and never-expiring lots', async () => {
    const due = new Date('2026-01-31T16:00:00Z');
    await earn('m-1', 40, 'K:1', due);
    await earn('m-1', 10, 'K:2', new Date('2026-06-30T16:00:00Z'));
    await earn('m-2', 5, 'K:3', due);
    await earn('m-3', 7, 'K:4', null);
    const now = new Date('2026-02-01T00:00:00Z');
    expect(await expireDueLots(c.dataSource, deps(), now, 1)).toEqual({ lots: 2, points: 45 });
    expect(await expireDueLots(c.dataSource, deps(), now)).toEqual({ lots: 0, points: 0 });
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
    expect(await expireDueLots(c.dataSource, deps(), new Date('2026-02-01T00:00:00Z'))).toEqual({ lots: 1, points: 15 });
    expect(await c.account('m-1')).toEqual({ balance: 0, debt: 0 });
  });
});

describe('expireDueLots follows the tier at expiry time (DOMAIN.md §3)', () => {
  const DUE = new Date('2026-01-31T16:00:00Z');
  const DAY = 86_400_000;

  it('expires nothing of a member while they are Diamond, including lots earned before, and walks on to the lots due after theirs', async () => {
    c.peers.member.add('m-d', { tierId: 'DIAMOND', pointsNeverExpire: true });
    c.peers.member.add('m-r');
    await earn('m-d', 40, 'K:1', DUE);
    await earn('m-d', 20, 'K:2', new Date(DUE.getTime() + 1000));
    await earn('m-r', 5, 'K:3', new Date(DUE.getTime() + 2000));
    const later = new Date('2027-06-01T00:00:00Z');
    // A batch of one: the held lots come first and must not stop the run.
    expect(await expireDueLots(c.dataSource, deps(), later, 1)).toEqual({ lots: 1, points: 5 });
    expect(await c.account('m-d')).toEqual({ balance: 60, debt: 0 });
    expect(await c.scalar("SELECT COUNT(*) FROM points_ledger WHERE member_id = 'm-d' AND entry_type = 'EXPIRE'")).toBe(0);
  });

  it('after leaving Diamond the lots fall back to the calendar, with at least 30 days’ notice from the downgrade', async () => {
    c.peers.member.add('m-1');
    const left = new Date('2026-03-01T00:00:00Z');
    c.peers.member.neverExpireEndedAt.set('m-1', left);
    await earn('m-1', 40, 'K:1', DUE); // past its calendar date when they left
    await earn('m-1', 10, 'K:2', new Date('2026-06-30T16:00:00Z')); // far enough ahead: the calendar rules
    expect(await expireDueLots(c.dataSource, deps(), new Date(left.getTime() + 29 * DAY))).toEqual({ lots: 0, points: 0 });
    expect(await expireDueLots(c.dataSource, deps(), new Date(left.getTime() + 30 * DAY))).toEqual({ lots: 1, points: 40 });
    expect(await expireDueLots(c.dataSource, deps(), new Date('2026-06-30T15:59:59Z'))).toEqual({ lots: 0, points: 0 });
    expect(await expireDueLots(c.dataSource, deps(), new Date('2026-06-30T16:00:00Z'))).toEqual({ lots: 1, points: 10 });
    expect(await c.account('m-1')).toEqual({ balance: 0, debt: 0 });
  });

  it('gives a lot written without an expiry (earned on Diamond before this rule) its calendar one', async () => {
    c.peers.member.add('m-1');
    await earn('m-1', 40, 'K:1', null);
    const [{ earned_at: earnedAt }] = await c.dataSource.query('SELECT earned_at FROM points_lots');
    await expireDueLots(c.dataSource, deps(), new Date('2026-01-01T00:00:00Z'));
    const [{ expires_at: expiresAt }] = await c.dataSource.query('SELECT expires_at FROM points_lots');
    const toDate = (raw: string) => new Date(`${raw.replace(' ', 'T')}Z`);
    expect(toDate(expiresAt)).toEqual(lotExpiry(toDate(earnedAt), RULES));
    expect(await expireDueLots(c.dataSource, deps(), toDate(expiresAt))).toEqual({ lots: 1, points: 40 });
  });
});
