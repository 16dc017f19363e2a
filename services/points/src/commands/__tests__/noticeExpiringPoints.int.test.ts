import { openPointsCommands, RULES, type PointsCommands } from '../../../test/commandFixture';
import { movePoints } from '../movePoints';
import { noticeExpiringPoints } from '../noticeExpiringPoints';

let c: PointsCommands;
beforeEach(async () => {
  c = await openPointsCommands();
});
afterEach(() => c.close());

const earn = (memberId: string, points: number, key: string, lotExpiresAt: Date) =>
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
// The end of January and of February 2026 in the programme's time zone (UTC+8).
const END_JAN = new Date('2026-01-31T16:00:00Z');
const END_FEB = new Date('2026-02-28T16:00:00Z');
const NOW = new Date('2026-01-15T00:00:00Z');

describe('noticeExpiringPoints (the 30-day expiry notice)', () => {
  it('enqueues one POINTS_EXPIRING per member and last day within 30 days, exactly once however often it runs', async () => {
    c.peers.member.add('m-1');
    c.peers.member.add('m-2');
    await earn('m-1', 40, 'K:1', END_JAN);
    await earn('m-1', 10, 'K:2', END_JAN);
    await earn('m-1', 7, 'K:3', END_FEB); // beyond 30 days: noticed by a later run
    await earn('m-2', 5, 'K:4', END_JAN);
    // A batch of one member: the run walks through them all.
    expect(await noticeExpiringPoints(c.dataSource, deps(), NOW, 1)).toEqual({ notices: 2 });
    expect(await noticeExpiringPoints(c.dataSource, deps(), NOW)).toEqual({ notices: 0 });
    await Promise.all([noticeExpiringPoints(c.dataSource, deps(), NOW), noticeExpiringPoints(c.dataSource, deps(), NOW)]);
    expect(await c.events('expiring:m-1')).toEqual([
      { type: 'POINTS_EXPIRING', payload: { memberId: 'm-1', lastDay: '2026-01-31', points: 50 }, delivered: false, attempts: 0 },
    ]);
    expect(await c.events('expiring:m-2')).toEqual([
      { type: 'POINTS_EXPIRING', payload: { memberId: 'm-2', lastDay: '2026-01-31', points: 5 }, delivered: false, attempts: 0 },
    ]);
    // A month on, the February lot is within 30 days: its own notice, once.
    expect(await noticeExpiringPoints(c.dataSource, deps(), new Date('2026-02-10T00:00:00Z'))).toEqual({ notices: 1 });
    expect((await c.events('expiring:m-1')).map((e) => e.payload)).toEqual([
      { memberId: 'm-1', lastDay: '2026-01-31', points: 50 },
      { memberId: 'm-1', lastDay: '2026-02-28', points: 7 },
    ]);
    expect(await c.scalar('SELECT COUNT(*) FROM points_expiry_notices')).toBe(3);
    // The dispatcher delivers them; the member's tier-activity key is a different one.
    expect(await c.outbox.dispatch(new Date())).toBe(2);
    expect(await c.events('expiring:m-1')).toMatchObject([{ delivered: true }, { delivered: true }]);
  });

  it('tells a Diamond member nothing, and one who left Diamond of the date after the 30-day notice', async () => {
    c.peers.member.add('m-d', { tierId: 'DIAMOND', pointsNeverExpire: true });
    c.peers.member.add('m-1');
    c.peers.member.neverExpireEndedAt.set('m-1', new Date('2026-01-10T00:00:00Z'));
    await earn('m-d', 40, 'K:1', END_JAN);
    await earn('m-1', 10, 'K:2', new Date('2025-12-31T16:00:00Z')); // its date passed while Diamond
    expect(await noticeExpiringPoints(c.dataSource, deps(), NOW)).toEqual({ notices: 1 });
    expect(await c.events('expiring:m-d')).toEqual([]);
    // Held until 30 days after they left: the last day is 9 February (UTC+8).
    expect((await c.events('expiring:m-1')).map((e) => e.payload)).toEqual([{ memberId: 'm-1', lastDay: '2026-02-09', points: 10 }]);
  });
});
