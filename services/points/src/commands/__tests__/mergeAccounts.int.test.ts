import { openPointsCommands, RULES, type PointsCommands } from '../../../test/commandFixture';
import { mergeAccounts } from '../mergeAccounts';
import { recordOrder } from '../recordOrder';
import { refundOrder } from '../refundOrder';

let c: PointsCommands;
let source: string;
let target: string;
beforeEach(async () => {
  c = await openPointsCommands();
  source = c.peers.member.add('m-source');
  target = c.peers.member.add('m-target');
});
afterEach(() => c.close());

const order = (memberId: string, orderNo: string, amount: string) =>
  recordOrder(c.dataSource, c.peers, c.outbox, RULES, { memberId, orderNo, amount, channel: 'WEB' }, 'staff:test');
const merge = (mergeId = 'merge-1', from = source, into = target) =>
  mergeAccounts(c.dataSource, { mergeId, sourceMemberId: from, targetMemberId: into }, 'service:member');

describe('mergeAccounts', () => {
  it('moves balance, lots, debt (netted against the merged balance), orders and pending points to the target, and announces the target’s new figures', async () => {
    await order(source, 'O-S', '80.00');
    await order(target, 'O-T', '20.00');
    await c.dataSource.query("UPDATE points_accounts SET debt = 7 WHERE member_id = 'm-source'");
    expect(await merge()).toEqual({ pointsMoved: 80, targetBalanceAfter: 93, replayed: false });
    expect(await c.account(source)).toEqual({ balance: 0, debt: 0 });
    expect(await c.account(target)).toEqual({ balance: 93, debt: 0 });
    expect(await c.scalar('SELECT COUNT(*) FROM points_lots WHERE member_id = ?', [target])).toBe(2);
    expect(await c.scalar('SELECT COUNT(*) FROM orders WHERE member_id = ?', [target])).toBe(2);
    expect(
      await c.dataSource.query(
        "SELECT member_id, points, source, idempotency_key FROM points_ledger WHERE source = 'MERGE' ORDER BY points",
      ),
    ).toEqual([
      { member_id: source, points: -80, source: 'MERGE', idempotency_key: 'MERGE:merge-1:out' },
      { member_id: target, points: -7, source: 'MERGE', idempotency_key: 'MERGE:merge-1:DEBT' },
      { member_id: target, points: 80, source: 'MERGE', idempotency_key: 'MERGE:merge-1:in' },
    ]);
    // Enqueued in the merge's transaction; the rpc handler delivers it after the commit.
    expect((await c.events(target)).map((e) => e.delivered)).toEqual([true, false]);
    await c.outbox.deliverNow(target);
    expect(c.peers.member.reports.at(-1)).toMatchObject({ memberId: target, spendFen: 10000, purchases: 2 });
    // A refund of the source's order now claws back from the target.
    await refundOrder(c.dataSource, { orderNo: 'O-S', refundNo: 'R-1', amount: '80.00' }, c.outbox, RULES, 'staff:test');
    expect(await c.account(target)).toEqual({ balance: 13, debt: 0 });
  });

  it('nets a merged debt against the merged balance, either way round, keeping balance = Σ ledger = Σ lots', async () => {
    await order(target, 'O-T', '20.00');
    await c.dataSource.query("INSERT INTO points_accounts (member_id, balance, debt, version) VALUES ('m-source', 0, 150, 0)");
    await merge();
    expect(await c.account(target)).toEqual({ balance: 0, debt: 130 });
    const sums = async (memberId: string) => ({
      ledger: await c.scalar('SELECT COALESCE(SUM(points), 0) FROM points_ledger WHERE member_id = ?', [memberId]),
      lots: await c.scalar('SELECT COALESCE(SUM(remaining), 0) FROM points_lots WHERE member_id = ?', [memberId]),
    });
    expect(await sums(target)).toEqual({ ledger: 0, lots: 0 });
    // The target's own debt against the source's balance.
    const other = c.peers.member.add('m-other');
    await order(other, 'O-X', '300.00');
    await mergeAccounts(c.dataSource, { mergeId: 'merge-2', sourceMemberId: other, targetMemberId: target }, 'service:member');
    expect(await c.account(target)).toEqual({ balance: 170, debt: 0 });
    expect(await sums(target)).toEqual({ ledger: 170, lots: 170 });
  });

  it('is exactly once by merge id: a replay answers the first result; the id for other members is CONFLICT', async () => {
    await order(source, 'O-S', '50.00');
    await merge();
    await order(target, 'O-T', '10.00');
    expect(await merge()).toEqual({ pointsMoved: 50, targetBalanceAfter: 60, replayed: true });
    const other = c.peers.member.add('m-other');
    await expect(merge('merge-1', other, target)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await c.scalar("SELECT COUNT(*) FROM points_ledger WHERE source = 'MERGE'")).toBe(2);
  });

  it('records a merge of a member without points too, and refuses a merge into itself', async () => {
    expect(await merge()).toEqual({ pointsMoved: 0, targetBalanceAfter: 0, replayed: false });
    await expect(merge('merge-2', target, target)).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(merge('', source, target)).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});
