import { outboxesSettled } from '../harness/outboxEvents';
import { RECORD_ORDER, REGISTER, uniquePhone } from '../harness/operations';
import { startStack, type Stack } from '../harness/startStack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack?.stop());

const isMysql = () => stack.services.points.dataSource.options.type === 'mysql';

/**
 * A database trigger that fails the transaction at its last write (the lot), *after* the order, the
 * balance update and the ledger entry were written in it — a crash between the ledger write and
 * the rest, caused inside the real database rather than by a mock.
 */
async function crashOnLotFor(memberId: string): Promise<void> {
  const db = stack.services.points.dataSource;
  if (isMysql()) {
    await db.query(
      `CREATE TRIGGER crash_on_lot BEFORE INSERT ON points_lots FOR EACH ROW
       BEGIN IF NEW.member_id = '${memberId}' THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'simulated crash'; END IF; END`,
    );
  } else {
    await db.query(
      `CREATE TRIGGER crash_on_lot BEFORE INSERT ON points_lots WHEN NEW.member_id = '${memberId}' BEGIN SELECT RAISE(ABORT, 'simulated crash'); END`,
    );
  }
}

describe('a failure half-way through an earn', () => {
  it('leaves nothing of it behind, and the retry applies it exactly once', async () => {
    const id = (await stack.query(REGISTER, { phone: uniquePhone(), channel: 'POS' })).data.registerMember.id;
    await stack.query(RECORD_ORDER, { memberId: id, orderNo: 'CRASH-0', amount: '50.00', channel: 'POS' });
    const db = stack.services.points.dataSource;
    const snapshot = async () => ({
      orders: Number((await db.query('SELECT COUNT(*) AS n FROM orders WHERE member_id = ?', [id]))[0].n),
      entries: Number((await db.query('SELECT COUNT(*) AS n FROM points_ledger WHERE member_id = ?', [id]))[0].n),
      balance: Number((await db.query('SELECT balance FROM points_accounts WHERE member_id = ?', [id]))[0].balance),
      outbox: Number((await db.query('SELECT COUNT(*) AS n FROM outbox_events WHERE event_key = ?', [id]))[0].n),
    });
    const before = await snapshot();

    await crashOnLotFor(id);
    try {
      const failed = await stack.query(RECORD_ORDER, { memberId: id, orderNo: 'CRASH-1', amount: '80.00', channel: 'POS' });
      expect(failed.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
      expect(JSON.stringify(failed.errors)).not.toContain('simulated crash');
      expect(await snapshot()).toEqual(before);
    } finally {
      await db.query('DROP TRIGGER crash_on_lot');
    }

    const retried = await stack.query(RECORD_ORDER, { memberId: id, orderNo: 'CRASH-1', amount: '80.00', channel: 'POS' });
    expect(retried.data.recordOrder).toMatchObject({ pointsEarned: 80, replayed: false, member: { points: { balance: 130 } } });
    // What the two orders announce reached member once they are delivered: both count, once each
    // (the retry's order carried its announcements: no outbox event of its own, announceOrders.ts).
    expect(await snapshot()).toMatchObject({ orders: 2, entries: 2, balance: 130 });
    await outboxesSettled([db, stack.services.member.dataSource]);
    const figures = await stack.query('query($id: ID!) { member(id: $id) { tierStatus { progress { spend purchases } } } }', { id });
    expect(figures.data.member.tierStatus.progress).toEqual({ spend: '130.00', purchases: 2 });
  });
});
