import { pointsHousekeeping } from '../../services/points/src/jobs/scheduleHousekeeping';
import { RECORD_ORDER, REGISTER, uniquePhone } from '../harness/operations';
import { pointsJobDeps } from '../harness/pointsJobs';
import { startStack, type Stack } from '../harness/startStack';

const ACCOUNT =
  'query($id: ID!) { member(id: $id) { points { balance available pending history { edges { node { type points source } } } } } }';
const REFUND =
  'mutation($o: String!, $r: String!, $a: String!) { refundOrder(orderNo: $o, refundNo: $r, amount: $a) { pointsClawedBack debtAdded } }';

let stack: Stack;
let jobs: ReturnType<typeof pointsJobDeps>;
beforeAll(async () => {
  stack = await startStack({ env: { POINTS_RETURN_WINDOW_DAYS: '7' } });
  jobs = pointsJobDeps(stack);
});
afterAll(async () => {
  jobs?.close();
  await stack?.stop();
});

describe('points inside the return window', () => {
  it('are pending, shrink with a refund, and become available once when the window passes', async () => {
    const id = (await stack.query(REGISTER, { phone: uniquePhone(), channel: 'WEB' })).data.registerMember.id;
    await stack.query(RECORD_ORDER, { memberId: id, orderNo: 'P-1', amount: '300.00', channel: 'WEB' });
    let account = (await stack.query(ACCOUNT, { id })).data.member.points;
    expect(account).toEqual({ balance: 0, available: 0, pending: 300, history: { edges: [] } });

    const refund = await stack.query(REFUND, { o: 'P-1', r: 'PR-1', a: '100.00' });
    expect(refund.data.refundOrder).toEqual({ pointsClawedBack: 100, debtAdded: 0 });
    account = (await stack.query(ACCOUNT, { id })).data.member.points;
    expect(account).toEqual({ balance: 0, available: 0, pending: 200, history: { edges: [] } });

    const db = stack.services.points.dataSource;
    expect((await pointsHousekeeping(db, jobs, new Date(Date.now() + 6 * 86_400_000))).released.orders).toBe(0);
    const later = new Date(Date.now() + 8 * 86_400_000);
    expect((await pointsHousekeeping(db, jobs, later)).released).toEqual({ orders: 1, points: 200 });
    expect((await pointsHousekeeping(db, jobs, later)).released).toEqual({ orders: 0, points: 0 });
    account = (await stack.query(ACCOUNT, { id })).data.member.points;
    expect(account).toEqual({
      balance: 200,
      available: 200,
      pending: 0,
      history: { edges: [{ node: { type: 'EARN', points: 200, source: 'ORDER' } }] },
    });

    // After the window a refund claws back from the balance as usual.
    const late = await stack.query(REFUND, { o: 'P-1', r: 'PR-2', a: '100.00' });
    expect(late.data.refundOrder).toEqual({ pointsClawedBack: 100, debtAdded: 0 });
    expect((await stack.query(ACCOUNT, { id })).data.member.points.balance).toBe(100);
  });
});
