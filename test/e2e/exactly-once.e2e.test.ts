import { RECORD_ORDER, REGISTER } from '../harness/operations';
import { startStack, type Stack } from '../harness/startStack';

let stack: Stack;
let memberId: string;
beforeAll(async () => {
  stack = await startStack();
  memberId = (await stack.query(REGISTER, { phone: '13900001111', channel: 'POS' })).data.registerMember.id;
});
afterAll(() => stack?.stop());

async function ledger(): Promise<{ entries: number; sum: number; balance: number }> {
  const db = stack.services.points.dataSource;
  const [{ n, total }] = await db.query('SELECT COUNT(*) AS n, COALESCE(SUM(points), 0) AS total FROM points_ledger WHERE member_id = ?', [
    memberId,
  ]);
  const [account] = await db.query('SELECT balance FROM points_accounts WHERE member_id = ?', [memberId]);
  return { entries: Number(n), sum: Number(total), balance: Number(account?.balance ?? 0) };
}

describe('an order counts once, however often and however concurrently it is sent', () => {
  it('50 concurrent submissions of one orderNo: one EARN entry, the points once, 49 replays', async () => {
    const sends = Array.from({ length: 50 }, () =>
      stack.query(RECORD_ORDER, { memberId, orderNo: 'POS-0001', amount: '88.80', channel: 'POS' }),
    );
    const results = await Promise.all(sends);
    for (const result of results) expect(result.errors).toBeUndefined();
    expect(results.filter((r) => r.data.recordOrder.replayed === false)).toHaveLength(1);
    expect(new Set(results.map((r) => r.data.recordOrder.pointsEarned))).toEqual(new Set([88]));
    expect(await ledger()).toEqual({ entries: 1, sum: 88, balance: 88 });
  });

  it('many different orders at once: every one applied, balance == Σ ledger', async () => {
    const amounts = Array.from({ length: 40 }, (_, i) => `${10 + i}.50`);
    const results = await Promise.all(
      amounts.map((amount, i) => stack.query(RECORD_ORDER, { memberId, orderNo: `POS-1${i}`, amount, channel: 'POS' })),
    );
    for (const result of results) expect(result.errors).toBeUndefined();
    const earned = amounts.reduce((sum, a) => sum + Math.floor(Number(a)), 0);
    expect(await ledger()).toEqual({ entries: 41, sum: 88 + earned, balance: 88 + earned });
  });
});
