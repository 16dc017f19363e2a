import { randomUUID } from 'node:crypto';
import { Order } from '../../services/points/src/db/entities/Order';
import { Member } from '../../services/member/src/db/entities/Member';
import { MemberTierCopy } from '../../services/points/src/db/entities/MemberTierCopy';
import { endExpiredGrants } from '../../services/member/src/commands/endGrants';
import { enqueueActivity } from '../../services/points/src/commands/publishActivity';
import { outboxesSettled } from '../harness/outboxEvents';
import { RECORD_ORDER, REGISTER, uniquePhone } from '../harness/operations';
import { startStack, type Stack } from '../harness/startStack';

const STATUS = /* GraphQL */ `
  query Status($id: ID!) {
    member(id: $id) {
      tier {
        id
      }
      tierStatus {
        current {
          id
        }
        source
        progress {
          nextTier {
            id
          }
          spendNeeded
          purchasesNeeded
          spend
          purchases
        }
        projected {
          id
        }
      }
      tierHistory {
        from {
          id
        }
        to {
          id
        }
        reason
        actor
      }
    }
  }
`;

const ADMIN = { kind: 'STAFF' as const, subject: 'staff-1', roles: ['ADMIN'] };

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ env: { OUTBOX_INTERVAL_MS: '50' } });
});
afterAll(() => stack?.stop());

async function memberWithOrders(amounts: string[]): Promise<string> {
  const id = (await stack.query(REGISTER, { phone: uniquePhone(), channel: 'WEB' })).data.registerMember.id;
  for (const amount of amounts) {
    const response = await stack.query(RECORD_ORDER, { memberId: id, orderNo: `T-${randomUUID()}`, amount, channel: 'WEB' });
    expect(response.errors).toBeUndefined();
  }
  return id;
}

const tierOf = async (id: string) => (await stack.query(STATUS, { id })).data.member;

describe('upgrades on qualifying purchases', () => {
  it('3,000.00 over 5 purchases reaches Silver at once, visible through the gateway as the order returns', async () => {
    const id = await memberWithOrders(['600.00', '600.00', '600.00', '600.00']);
    expect((await tierOf(id)).tier.id).toBe('REGULAR');
    const card = await stack.query(
      'mutation($m: ID!) { recordOrder(memberId: $m, orderNo: "SILVER-5", amount: "600.00", channel: WEB) { pointsEarned } }',
      { m: id },
    );
    expect(card.data.recordOrder.pointsEarned).toBe(600);
    const status = await tierOf(id);
    expect(status.tier.id).toBe('SILVER');
    expect(status.tierStatus).toMatchObject({
      current: { id: 'SILVER' },
      source: 'EARNED',
      progress: { nextTier: { id: 'GOLD' }, spendNeeded: '7000.00', purchasesNeeded: 10, spend: '3000.00', purchases: 5 },
      projected: { id: 'SILVER' },
    });
    expect(status.tierHistory[0]).toEqual({ from: { id: 'REGULAR' }, to: { id: 'SILVER' }, reason: 'UPGRADE', actor: 'system' });
    // The next order earns with Silver's γ = 1.2.
    const next = await stack.query(RECORD_ORDER, { memberId: id, orderNo: 'SILVER-6', amount: '100.00', channel: 'WEB' });
    expect(next.data.recordOrder.pointsEarned).toBe(120);
  });

  it('2,999.99 stays Regular; so does 3,000.00 with 4 purchases under the AND rule', async () => {
    expect((await tierOf(await memberWithOrders(['600.00', '600.00', '600.00', '600.00', '599.99']))).tier.id).toBe('REGULAR');
    expect((await tierOf(await memberWithOrders(['750.00', '750.00', '750.00', '750.00']))).tier.id).toBe('REGULAR');
  });

  it('under an OR rule set by staff, the spend alone is enough', async () => {
    const edit = await stack.querySubgraph(
      'member',
      'mutation { updateTier(id: "SILVER", input: { rule: OR }, reason: "spring programme: spend alone qualifies") { id rule } }',
      {},
      ADMIN,
    );
    expect(edit.errors).toBeUndefined();
    expect(edit.data.updateTier).toEqual({ id: 'SILVER', rule: 'OR' });
    try {
      expect((await tierOf(await memberWithOrders(['3000.00']))).tier.id).toBe('SILVER');
    } finally {
      await stack.querySubgraph(
        'member',
        'mutation { updateTier(id: "SILVER", input: { rule: AND }, reason: "back to the default rule") { id } }',
        {},
        ADMIN,
      );
    }
  });

  it('a refund within the order’s return window takes the tier it reached away at once (reason REFUND)', async () => {
    const id = await memberWithOrders(['600.00', '600.00', '600.00', '600.00', '600.00']);
    expect((await tierOf(id)).tier.id).toBe('SILVER');
    const db = stack.services.points.dataSource;
    const [order] = await db.query('SELECT order_no FROM orders WHERE member_id = ? LIMIT 1', [id]);
    const refund = await stack.query(
      'mutation($o: String!) { refundOrder(orderNo: $o, refundNo: "TR-0", amount: "600.00") { pointsClawedBack } }',
      {
        o: order.order_no,
      },
    );
    expect(refund.errors).toBeUndefined();
    const status = await tierOf(id);
    expect(status.tier.id).toBe('REGULAR');
    expect(status.tierStatus).toMatchObject({ current: { id: 'REGULAR' }, source: 'EARNED', progress: { spend: '2400.00', purchases: 4 } });
    expect(status.tierHistory[0]).toEqual({ from: { id: 'SILVER' }, to: { id: 'REGULAR' }, reason: 'REFUND', actor: 'system' });
  });

  it('a refund of an order whose return window ended before the tier was reached lowers the figures but not the tier', async () => {
    const id = await memberWithOrders(['600.00', '600.00', '600.00', '600.00']);
    const db = stack.services.points.dataSource;
    // Placed 60 days ago: their 30-day window was over before the fifth order reached Silver.
    await db
      .getRepository(Order)
      .update({ memberId: id }, { createdAt: new Date(Date.now() - 60 * 86_400_000), orderedAt: new Date(Date.now() - 60 * 86_400_000) });
    await stack.query(RECORD_ORDER, { memberId: id, orderNo: `T-${randomUUID()}`, amount: '600.00', channel: 'WEB' });
    expect((await tierOf(id)).tier.id).toBe('SILVER');
    const [order] = await db.query('SELECT order_no FROM orders WHERE member_id = ? ORDER BY created_at LIMIT 1', [id]);
    await stack.query('mutation($o: String!) { refundOrder(orderNo: $o, refundNo: "TR-1", amount: "600.00") { pointsClawedBack } }', {
      o: order.order_no,
    });
    const status = await tierOf(id);
    expect(status.tier.id).toBe('SILVER');
    expect(status.tierStatus.progress).toMatchObject({ spend: '2400.00', purchases: 4 });
    expect(status.tierStatus.projected.id).toBe('REGULAR');
  });
});

describe('the yearly re-evaluation', () => {
  it('steps down one tier at most, never below what qualifies, and once per cycle', async () => {
    const gold = await memberWithOrders(Array(15).fill('700.00'));
    const silver = await memberWithOrders(Array(5).fill('700.00'));
    expect((await tierOf(gold)).tier.id).toBe('GOLD');
    // Refund everything of both: their 12 months no longer qualify for anything above Regular. The
    // orders were placed 60 days ago, so their return windows are over and the tiers stay until the yearly run.
    const db = stack.services.points.dataSource;
    for (const memberId of [gold, silver])
      await db
        .getRepository(Order)
        .update({ memberId }, { createdAt: new Date(Date.now() - 60 * 86_400_000), orderedAt: new Date(Date.now() - 60 * 86_400_000) });
    const orders: Array<{ order_no: string }> = await db.query('SELECT order_no FROM orders WHERE member_id IN (?, ?)', [gold, silver]);
    for (const { order_no } of orders)
      await stack.query('mutation($o: String!) { refundOrder(orderNo: $o, refundNo: $o, amount: "700.00") { refundNo } }', { o: order_no });

    const run = 'mutation { reevaluateTiers(cycle: "2031") { cycle members changed } }';
    const first = await stack.querySubgraph('points', run, {}, ADMIN);
    expect(first.errors).toBeUndefined();
    expect(first.data.reevaluateTiers.changed).toBeGreaterThanOrEqual(2);
    expect((await tierOf(gold)).tier.id).toBe('SILVER');
    expect((await tierOf(silver)).tier.id).toBe('REGULAR');
    expect((await tierOf(gold)).tierHistory[0]).toMatchObject({ from: { id: 'GOLD' }, to: { id: 'SILVER' }, reason: 'REEVALUATION' });

    const again = await stack.querySubgraph('points', run, {}, ADMIN);
    expect(again.data.reevaluateTiers.changed).toBe(0);
    expect((await tierOf(gold)).tier.id).toBe('SILVER');
  });

  it('is for ADMIN staff only', async () => {
    const run = 'mutation { reevaluateTiers { members } }';
    expect((await stack.queryAs(null, run)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const operator = await stack.querySubgraph('points', run, {}, { kind: 'STAFF', subject: 's2', roles: ['OPERATOR'] });
    expect(operator.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('staff grants', () => {
  it('put a member on a tier with a reason, recorded in the history; the re-evaluation leaves a live grant alone', async () => {
    const id = await memberWithOrders(['10.00']);
    const grant = `mutation($m: ID!) { grantTier(memberId: $m, tierId: "GOLD", reason: "VIP complaint resolution", expiresAt: "2099-01-01T00:00:00Z") { tier { id } tierStatus { source } } }`;
    expect((await stack.queryAs(null, grant, { m: id })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const member = await stack.querySubgraph('member', grant, { m: id }, { kind: 'MEMBER', subject: id });
    expect(member.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const granted = await stack.querySubgraph('member', grant, { m: id }, ADMIN);
    expect(granted.data.grantTier).toEqual({ tier: { id: 'GOLD' }, tierStatus: { source: 'GRANTED' } });
    expect((await tierOf(id)).tierHistory[0]).toEqual({ from: { id: 'REGULAR' }, to: { id: 'GOLD' }, reason: 'GRANT', actor: 'staff-1' });
    await stack.querySubgraph('points', 'mutation { reevaluateTiers(cycle: "2032") { members } }', {}, ADMIN);
    expect((await tierOf(id)).tier.id).toBe('GOLD');
  });
});

describe('a grant that expires', () => {
  const grantDiamond = `mutation($m: ID!) { grantTier(memberId: $m, tierId: "DIAMOND", reason: "launch event guest", expiresAt: "2099-01-01T00:00:00Z") { tier { id } } }`;
  // The grant's end passes: as time passing would, for the member service and for the copy of the tier points keeps alike.
  const expireGrantOf = async (id: string) => {
    const past = new Date(Date.now() - 1000);
    await stack.services.member.dataSource.getRepository(Member).update({ id }, { grantExpiresAt: past });
    await stack.services.points.dataSource.getRepository(MemberTierCopy).update({ memberId: id }, { grantExpiresAt: past });
  };
  const SILVER_ORDERS = Array(5).fill('600.00');

  it('returns the member to the tier they had earned, on the next read and for the next earn', async () => {
    const id = await memberWithOrders(SILVER_ORDERS);
    expect((await tierOf(id)).tier.id).toBe('SILVER');
    expect((await stack.querySubgraph('member', grantDiamond, { m: id }, ADMIN)).data.grantTier.tier.id).toBe('DIAMOND');
    await expireGrantOf(id);
    const after = await tierOf(id);
    expect(after.tier.id).toBe('SILVER');
    expect(after.tierStatus.source).toBe('EARNED');
    expect(after.tierHistory[0]).toEqual({ from: { id: 'DIAMOND' }, to: { id: 'SILVER' }, reason: 'GRANT_EXPIRED', actor: 'system' });
    // Silver's γ (1.2), not Diamond's (2.0), applies to the next order.
    const order = await stack.query(RECORD_ORDER, { memberId: id, orderNo: `T-${randomUUID()}`, amount: '100.00', channel: 'WEB' });
    expect(order.data.recordOrder.pointsEarned).toBe(120);
    // Ended once: further reads add no history.
    expect((await tierOf(id)).tierHistory.filter((c: { reason: string }) => c.reason === 'GRANT_EXPIRED')).toHaveLength(1);
  });

  it('is ended by the sweep for a member nobody reads, and the yearly run steps down from the earned tier, not the granted one', async () => {
    const id = await memberWithOrders([]);
    await stack.querySubgraph('member', grantDiamond, { m: id }, ADMIN);
    await expireGrantOf(id);
    expect(await endExpiredGrants(stack.services.member.dataSource)).toBeGreaterThanOrEqual(1);
    const [row] = await stack.services.member.dataSource.query('SELECT tier_id, tier_source FROM members WHERE id = ?', [id]);
    expect(row).toEqual({ tier_id: 'REGULAR', tier_source: 'EARNED' });

    const silver = await memberWithOrders(SILVER_ORDERS);
    await stack.querySubgraph('member', grantDiamond, { m: silver }, ADMIN);
    await expireGrantOf(silver);
    await stack.querySubgraph('points', 'mutation { reevaluateTiers(cycle: "2033") { members } }', {}, ADMIN);
    expect((await tierOf(silver)).tier.id).toBe('SILVER');
  });
});

describe('milestones and delivery', () => {
  it('the first earned Diamond records a milestone; a Diamond granted by staff does not', async () => {
    const earned = await memberWithOrders(Array(30).fill('1000.00'));
    expect((await tierOf(earned)).tier.id).toBe('DIAMOND');
    const granted = await memberWithOrders(['10.00']);
    await stack.querySubgraph(
      'member',
      'mutation($m: ID!) { grantTier(memberId: $m, tierId: "DIAMOND", reason: "ambassador") { id } }',
      { m: granted },
      ADMIN,
    );
    await stack.query(RECORD_ORDER, { memberId: granted, orderNo: `T-${randomUUID()}`, amount: '10.00', channel: 'WEB' });
    const kinds = async (id: string) =>
      (await stack.services.member.dataSource.query('SELECT kind FROM member_milestones WHERE member_id = ?', [id])).map(
        (r: { kind: string }) => r.kind,
      );
    expect(await kinds(earned)).toContain('FIRST_TOP_TIER');
    expect(await kinds(granted)).not.toContain('FIRST_TOP_TIER');
  });

  it('the 12th purchase in a year records a milestone once', async () => {
    const id = await memberWithOrders(Array(13).fill('10.00'));
    // Earns that cannot upgrade report their activity just after their answer, batched: the 12th
    // purchase reaches member once its report is delivered, which may be after the 13th's answer.
    await outboxesSettled([stack.services.points.dataSource]);
    const rows = await stack.services.member.dataSource.query('SELECT kind FROM member_milestones WHERE member_id = ?', [id]);
    expect(rows).toEqual([{ kind: 'TWELFTH_PURCHASE' }]);
  });

  it('an activity event left undelivered is delivered by the dispatcher', async () => {
    const id = await memberWithOrders([]);
    const db = stack.services.points.dataSource;
    // An order whose delivery never happened (the process stopped right after commit).
    const now = new Date();
    await db.getRepository(Order).insert({
      orderNo: `LOST-${id}`,
      memberId: id,
      amountFen: 1_000_000,
      channel: 'WEB',
      pointsEarned: 0,
      refundedFen: 0,
      pointsClawed: 0,
      createdAt: now,
      orderedAt: now,
      announcedAt: now,
    });
    await enqueueActivity(db.manager, id, now);
    const pending = async () =>
      Number((await db.query('SELECT COUNT(*) AS n FROM outbox_events WHERE event_key = ? AND delivered_at IS NULL', [id]))[0].n);
    for (let i = 0; i < 200 && (await pending()) > 0; i += 1) await new Promise((r) => setTimeout(r, 25));
    expect(await pending()).toBe(0);
    // 10,000.00 in one purchase: the figures arrived (Silver would also need 5 purchases).
    expect((await tierOf(id)).tierStatus.progress).toMatchObject({ spend: '10000.00', purchases: 1 });
  });
});
