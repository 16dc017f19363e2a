import { endExpiredGrants } from '../../services/member/src/commands/endGrants';
import { expireDueLots } from '../../services/points/src/commands/expireLots';
import { PointsLot } from '../../services/points/src/db/entities/PointsLot';
import { RECORD_ORDER, REGISTER, uniquePhone } from '../harness/operations';
import { pointsJobDeps } from '../harness/pointsJobs';
import { startStack, type Stack } from '../harness/startStack';

const GRANT = 'mutation($m: ID!, $e: String) { grantTier(memberId: $m, tierId: "DIAMOND", reason: "VIP launch", expiresAt: $e) { id } }';
const POINTS = 'query($id: ID!) { member(id: $id) { tier { id } points { balance expiringSoon { points on } } } }';
const DAY = 86_400_000;

let stack: Stack;
let jobs: ReturnType<typeof pointsJobDeps>;
beforeAll(async () => {
  // No welcome bonus: it arrives from the member service's outbox whenever, and this test counts one lot.
  stack = await startStack({ env: { POINTS_REGISTRATION_BONUS: '0' } });
  jobs = pointsJobDeps(stack);
});
afterAll(async () => {
  jobs?.close();
  await stack?.stop();
});

describe('points expiry follows the tier at expiry time, through the member service’s tier history', () => {
  it('nothing expires while Diamond; after the member leaves Diamond, at least 30 days’ notice, then the calendar rule', async () => {
    const id = (await stack.query(REGISTER, { phone: uniquePhone(), channel: 'WEB' })).data.registerMember.id;
    expect((await stack.query(RECORD_ORDER, { memberId: id, orderNo: 'DX-1', amount: '100.00', channel: 'WEB' })).errors).toBeUndefined();
    const db = stack.services.points.dataSource;
    // The lot was earned while Regular; bring it to the end of its 12 months, as time would.
    const past = new Date(Date.now() - DAY);
    await db.getRepository(PointsLot).update({ memberId: id }, { expiresAt: past });

    const grantEnds = new Date(Date.now() + 1500);
    expect((await stack.query(GRANT, { m: id, e: grantEnds.toISOString() })).errors).toBeUndefined();
    expect(await expireDueLots(db, jobs)).toMatchObject({ lots: 0 });
    expect((await stack.query(POINTS, { id })).data.member).toEqual({
      tier: { id: 'DIAMOND' },
      points: { balance: 100, expiringSoon: [] },
    });

    // The grant ends: the member is back on Regular, and the member service records when they left Diamond.
    await new Promise((resolve) => setTimeout(resolve, grantEnds.getTime() - Date.now() + 50));
    expect(await endExpiredGrants(stack.services.member.dataSource, new Date(), [id])).toBe(1);
    const leftAt = Date.now();
    const after = (await stack.query(POINTS, { id })).data.member;
    expect(after.tier.id).toBe('REGULAR');
    // Past its calendar date, the lot is now announced for 30 days after the downgrade.
    expect(after.points.expiringSoon).toEqual([{ points: 100, on: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) }]);
    expect(await expireDueLots(db, jobs, new Date(leftAt + 29 * DAY))).toMatchObject({ lots: 0 });
    expect(await expireDueLots(db, jobs, new Date(leftAt + 31 * DAY))).toMatchObject({ lots: 1, points: 100 });
    expect((await stack.query(POINTS, { id })).data.member.points.balance).toBe(0);
  });
});
