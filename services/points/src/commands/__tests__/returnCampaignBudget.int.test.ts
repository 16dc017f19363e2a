import { openPointsCommands, RULES, type PointsCommands } from '../../../test/commandFixture';
import { recordOrder } from '../recordOrder';
import { refundOrder } from '../refundOrder';
import { BUDGET_RETURN_TOPIC, returnRefusedReservation } from '../returnCampaignBudget';

/*
 * Campaign budget reserved for an order comes back exactly once when the order does not keep it:
 * its earn refused (RISK_DENIED, any failure before the commit), or the order refunded.
 * The in-memory campaign reserves and returns as the campaign service does (test/memoryPorts.ts).
 */
let c: PointsCommands;
let m: string;
beforeEach(async () => {
  c = await openPointsCommands();
  m = c.peers.member.add('m-1');
  // A double-points campaign with 1,000 extra points to give: 100.00 CNY takes 100 of them.
  c.peers.campaign.coefficientMilli = 2000;
  c.peers.campaign.budgetPoints = 1000;
});
afterEach(() => c.close());

const record = (orderNo: string, amount = '100.00') =>
  recordOrder(c.dataSource, c.peers, c.outbox, RULES, { memberId: m, orderNo, amount, channel: 'WEB' }, 'staff:test');
const refund = (orderNo: string, refundNo: string, amount: string) =>
  refundOrder(c.dataSource, { orderNo, refundNo, amount }, c.outbox, RULES, 'staff:test');
const budgetEvents = () => c.events(`campaign-budget:${m}`);
/** A dispatcher pass after every backoff has passed. */
const dispatchLater = () => c.outbox.dispatch(new Date(Date.now() + 3_600_000));

describe('a refused earn gives its reservation back', () => {
  it('RISK_DENIED: at once, through the outbox, once; a retry that earns reserves again and keeps it', async () => {
    c.peers.risk.decision = 'DENY';
    await expect(record('O-1')).rejects.toMatchObject({ code: 'RISK_DENIED' });
    expect(c.peers.campaign.spentPoints).toBe(0);
    expect(await budgetEvents()).toEqual([
      {
        type: BUDGET_RETURN_TOPIC,
        payload: { orderNo: 'O-1', key: 'REFUSED:reservation-1', reservationId: 'reservation-1' },
        delivered: true,
        attempts: 0,
      },
    ]);
    expect(await c.scalar('SELECT COUNT(*) FROM orders')).toBe(0);

    // The order is sent again and allowed: it reserves afresh, earns double, and nothing of it goes back.
    c.peers.risk.decision = 'ALLOW';
    expect(await record('O-1')).toMatchObject({ replayed: false, order: { pointsEarned: 200 } });
    expect(c.peers.campaign.spentPoints).toBe(100);
    await dispatchLater();
    expect(c.peers.campaign.returnsAsked).toHaveLength(1);
    expect(c.peers.campaign.spentPoints).toBe(100);
  });

  it('any failure before the commit returns it too, and the earn’s own error is what the caller sees', async () => {
    jest.spyOn(c.peers.risk, 'assess').mockRejectedValueOnce(new Error('risk answered garbage'));
    await expect(record('O-2')).rejects.toThrow('risk answered garbage');
    expect(c.peers.campaign.spentPoints).toBe(0);
    expect(c.peers.campaign.reservations.size).toBe(0);
  });

  it('campaign down when the earn is refused: the return waits in the outbox and is given once when campaign is back', async () => {
    c.peers.risk.decision = 'DENY';
    c.peers.campaign.down = true;
    await expect(record('O-3')).rejects.toMatchObject({ code: 'RISK_DENIED' });
    expect(c.peers.campaign.spentPoints).toBe(100);
    expect(await budgetEvents()).toMatchObject([{ delivered: false, attempts: 1 }]);
    c.peers.campaign.down = false;
    await dispatchLater();
    await dispatchLater();
    expect(c.peers.campaign.spentPoints).toBe(0);
    expect(await budgetEvents()).toMatchObject([{ delivered: true }]);
    expect(c.peers.campaign.returnsAsked).toHaveLength(1);
  });

  it('never returns the reservation of an order that was recorded: a racing duplicate refused with CONFLICT keeps it', async () => {
    // The same order number sent twice at once with different amounts: one is recorded with the reservation, the other conflicts.
    const both = await Promise.allSettled([record('O-4', '100.00'), record('O-4', '200.00')]);
    expect(both.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(c.peers.campaign.spentPoints).toBe(100);
    // The conflicting attempt had the same reservation and sent it back; delivery found the order recorded and dropped it.
    expect(await budgetEvents()).toMatchObject([{ payload: { key: 'REFUSED:reservation-1' }, delivered: true }]);
    expect(c.peers.campaign.returnsAsked).toEqual([]);
    // A return for it delivered late (the refused attempt's event) is dropped: the order exists.
    await returnRefusedReservation(c.dataSource, c.peers.campaign, c.outbox, { memberId: m, orderNo: 'O-4' }, 'reservation-1');
    await dispatchLater();
    expect(c.peers.campaign.returnsAsked).toEqual([]);
    expect(c.peers.campaign.spentPoints).toBe(100);
  });

  it('writes nothing when nothing was reserved (no budgeted campaign applied)', async () => {
    c.peers.campaign.budgetPoints = null;
    c.peers.risk.decision = 'DENY';
    await expect(record('O-5')).rejects.toMatchObject({ code: 'RISK_DENIED' });
    expect(await c.scalar('SELECT COUNT(*) FROM outbox_events')).toBe(0);
  });
});

describe('a refund gives back the refunded share of the budget', () => {
  it('partial then full: the share of each, once per refundNo, whatever is replayed or redelivered', async () => {
    await record('O-6');
    expect(c.peers.campaign.spentPoints).toBe(100);
    await refund('O-6', 'R-1', '30.00');
    expect(c.peers.campaign.spentPoints).toBe(70);
    // The refund replayed, the outbox redelivering: nothing more.
    expect(await refund('O-6', 'R-1', '30.00')).toMatchObject({ replayed: true });
    await c.dataSource.query('UPDATE outbox_events SET delivered_at = NULL WHERE type = ?', [BUDGET_RETURN_TOPIC]);
    await dispatchLater();
    expect(c.peers.campaign.spentPoints).toBe(70);
    await refund('O-6', 'R-2', '70.00');
    expect(c.peers.campaign.spentPoints).toBe(0);
    expect((await budgetEvents()).map((e) => e.payload)).toEqual([
      { orderNo: 'O-6', key: 'REFUND:R-1', refundedFen: 3000, amountFen: 10_000 },
      { orderNo: 'O-6', key: 'REFUND:R-2', refundedFen: 10_000, amountFen: 10_000 },
    ]);
    expect(await c.account(m)).toEqual({ balance: 0, debt: 0 });
  });

  it('campaign down at the refund: the refund is recorded and the budget follows when campaign is back', async () => {
    await record('O-7');
    c.peers.campaign.down = true;
    expect(await refund('O-7', 'R-7', '100.00')).toMatchObject({ replayed: false, refund: { pointsClawed: 200 } });
    expect(c.peers.campaign.spentPoints).toBe(100);
    c.peers.campaign.down = false;
    await dispatchLater();
    expect(c.peers.campaign.spentPoints).toBe(0);
  });
});
