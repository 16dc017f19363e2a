/**
 * Points keeps a copy of each member's tier (member.tier_changed events from the member service's
 * outbox, and the member service's answers) so an earn sent without its time asks member nothing.
 * On a quiet stack (no dispatcher): every tier change must reach the copy by the delivery its own
 * write makes, before the next earn.
 */
import { randomUUID } from 'node:crypto';
import { scrape, total } from '../../scripts/bench/metrics';
import { Member } from '../../services/member/src/db/entities/Member';
import { MemberTierCopy } from '../../services/points/src/db/entities/MemberTierCopy';
import { grpcCall } from '../harness/grpc';
import { RECORD_ORDER, REGISTER, uniquePhone } from '../harness/operations';
import { outboxesSettled } from '../harness/outboxEvents';
import { startStack, type Stack } from '../harness/startStack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack?.stop());

const register = async () => (await stack.query(REGISTER, { phone: uniquePhone(), channel: 'WEB' })).data.registerMember.id as string;

/** Earns an order sent without its time (the till's common case); answers the points earned. */
async function earn(memberId: string, amount: string): Promise<number> {
  const response = await stack.query(RECORD_ORDER, { memberId, orderNo: `TC-${randomUUID()}`, amount, channel: 'WEB' });
  expect(response.errors).toBeUndefined();
  return response.data.recordOrder.pointsEarned;
}

const tierLookups = async () =>
  total(await scrape(stack.services.points.httpUrl), 'membergraph_grpc_client_calls_total', {
    method: '/membergraph.member.v1.MemberService/GetMemberTiers',
  });

/** Earns and says how many times points asked member for the tier on the way. */
async function earnCounting(memberId: string, amount: string): Promise<{ points: number; asked: number }> {
  const before = await tierLookups();
  const points = await earn(memberId, amount);
  return { points, asked: (await tierLookups()) - before };
}

async function copyOf(memberId: string): Promise<{ tierId: string; version: number } | undefined> {
  const [row] = await stack.services.points.dataSource.query('SELECT tier_id, tier_version FROM member_tier_copies WHERE member_id = ?', [
    memberId,
  ]);
  return row ? { tierId: row.tier_id, version: Number(row.tier_version) } : undefined;
}

const FIGURES = 'query($id: ID!) { member(id: $id) { tier { id } tierStatus { progress { spend purchases } } } }';
const figuresOf = async (id: string) => (await stack.query(FIGURES, { id })).data.member;

/** Points' earns whose activity report went before their answer, or after it (membergraph_activity_reports_total). */
const reportsBy = async (when: 'before_answer' | 'after_answer') =>
  total(await scrape(stack.services.points.httpUrl), 'membergraph_activity_reports_total', { when });

/** Points' earns whose activity report was decided by the bound of the 12-month figures on the account, or by the figures read. */
const decidedBy = async (by: 'bound' | 'figures') =>
  total(await scrape(stack.services.points.httpUrl), 'membergraph_activity_reports_total', { decided_by: by });

const recordMemberTiers = (changes: object[]) =>
  grpcCall('points', 'PointsService', stack.services.points.grpcAddress, 'recordMemberTiers', { changes });

describe("points' copy of the member's tier", () => {
  it('a member without a copy earns as before (member is asked, once), and the answer is kept for the next earn', async () => {
    const id = await register();
    expect(await copyOf(id)).toBeUndefined();
    expect(await earnCounting(id, '100.00')).toEqual({ points: 100, asked: 1 });
    expect(await copyOf(id)).toEqual({ tierId: 'REGULAR', version: 0 });
    expect(await earnCounting(id, '100.00')).toEqual({ points: 100, asked: 0 });
  });

  it('an unknown member is still NOT_FOUND', async () => {
    const response = await stack.query(RECORD_ORDER, {
      memberId: randomUUID(),
      orderNo: `TC-${randomUUID()}`,
      amount: '1.00',
      channel: 'WEB',
    });
    expect(response.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('a staff grant reaches the copy before the mutation answers: the next earn has the granted γ without asking', async () => {
    const id = await register();
    await earn(id, '1.00');
    const granted = await stack.query(
      'mutation($m: ID!) { grantTier(memberId: $m, tierId: "GOLD", reason: "VIP complaint resolution", expiresAt: "2099-01-01T00:00:00Z") { tier { id } } }',
      { m: id },
    );
    expect(granted.data.grantTier.tier.id).toBe('GOLD');
    expect(await copyOf(id)).toEqual({ tierId: 'GOLD', version: 1 });
    expect(await earnCounting(id, '100.00')).toEqual({ points: 150, asked: 0 });
  });

  it('an upgrade by an earn is in the copy when the earn answers: the very next earn has the new γ', async () => {
    const id = await register();
    await earn(id, '600.00');
    // The first earn's delivery read the figures and set the bound on the account: the next three decide from it, without reading.
    const byBound = await decidedBy('bound');
    for (let i = 0; i < 3; i += 1) await earn(id, '600.00');
    expect((await decidedBy('bound')) - byBound).toBe(3);
    // The fifth purchase crosses Silver's thresholds (3,000.00 and 5 purchases): the bound says it can,
    // so the figures are read and it is reported before the answer: the upgrade shows through the gateway at once.
    const [before, after, byFigures] = [await reportsBy('before_answer'), await reportsBy('after_answer'), await decidedBy('figures')];
    expect(await earn(id, '600.00')).toBe(600);
    expect([(await reportsBy('before_answer')) - before, (await reportsBy('after_answer')) - after]).toEqual([1, 0]);
    expect((await decidedBy('figures')) - byFigures).toBe(1);
    expect((await figuresOf(id)).tier.id).toBe('SILVER');
    expect((await copyOf(id))?.tierId).toBe('SILVER');
    expect(await earnCounting(id, '100.00')).toEqual({ points: 120, asked: 0 });
  });

  it('an earn that cannot upgrade answers first; its 12-month figures reach member right after', async () => {
    const id = await register();
    await earn(id, '100.00');
    // That earn's own report (and any earlier test's) goes after its answer too: all of them delivered
    // (the call answered, its events marked) before the calls are counted, or one could fall in the count.
    await outboxesSettled([stack.services.points.dataSource, stack.services.member.dataSource]);
    // Sent after the answer with other members' deferred reports, in one RecordQualifyingActivities call.
    const reportCalls = async () => {
      const samples = await scrape(stack.services.points.httpUrl);
      const calls = (rpc: string) =>
        total(samples, 'membergraph_grpc_client_calls_total', { method: `/membergraph.member.v1.MemberService/${rpc}` });
      return [calls('RecordQualifyingActivity'), calls('RecordQualifyingActivities')];
    };
    const before = await reportCalls();
    const reportedAfter = await reportsBy('after_answer');
    expect(await earn(id, '250.00')).toBe(250);
    expect((await reportsBy('after_answer')) - reportedAfter).toBe(1);
    // Sent in the background: poll (bounded) until it is delivered.
    await outboxesSettled([stack.services.points.dataSource, stack.services.member.dataSource]);
    const figures = await figuresOf(id);
    expect(figures).toEqual({ tier: { id: 'REGULAR' }, tierStatus: { progress: { spend: '350.00', purchases: 2 } } });
    const after = await reportCalls();
    expect([after[0] - before[0], after[1] - before[1]]).toEqual([0, 1]);
  });

  it('a refund within the return window takes the tier back in the copy at once', async () => {
    const id = await register();
    const orders: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const orderNo = `TCR-${randomUUID()}`;
      orders.push(orderNo);
      await stack.query(RECORD_ORDER, { memberId: id, orderNo, amount: '600.00', channel: 'WEB' });
    }
    expect((await copyOf(id))?.tierId).toBe('SILVER');
    const refunded = await stack.query(
      'mutation($o: String!) { refundOrder(orderNo: $o, refundNo: $o, amount: "600.00") { pointsClawedBack } }',
      { o: orders[4] },
    );
    expect(refunded.errors).toBeUndefined();
    expect((await copyOf(id))?.tierId).toBe('REGULAR');
    expect(await earnCounting(id, '100.00')).toEqual({ points: 100, asked: 0 });
  });

  it('a merge gives the target the higher tier in the copy, and the merged-away member earns no more (NOT_FOUND)', async () => {
    const source = await register();
    const target = await register();
    await earn(source, '1.00');
    await earn(target, '1.00');
    await stack.query(
      'mutation($m: ID!) { grantTier(memberId: $m, tierId: "DIAMOND", reason: "launch event guest", expiresAt: "2099-01-01T00:00:00Z") { id } }',
      { m: source },
    );
    const merged = await stack.query(
      'mutation($s: ID!, $t: ID!) { mergeMembers(sourceId: $s, targetId: $t, reason: "one person") { tier { id } } }',
      {
        s: source,
        t: target,
      },
    );
    expect(merged.data.mergeMembers.tier.id).toBe('DIAMOND');
    expect((await copyOf(target))?.tierId).toBe('DIAMOND');
    expect(await earnCounting(target, '100.00')).toEqual({ points: 200, asked: 0 });
    const gone = await stack.query(RECORD_ORDER, { memberId: source, orderNo: `TC-${randomUUID()}`, amount: '1.00', channel: 'WEB' });
    expect(gone.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('keeps the highest version: an older change arriving late, or a repeat, changes nothing', async () => {
    const id = randomUUID();
    const change = (tierId: string, version: number) => ({ memberId: id, tierId, tierVersion: String(version), granted: false });
    await recordMemberTiers([change('GOLD', 5)]);
    await recordMemberTiers([change('SILVER', 3)]);
    expect(await copyOf(id)).toEqual({ tierId: 'GOLD', version: 5 });
    // In one batch too, whatever the order within it.
    await recordMemberTiers([change('DIAMOND', 7), change('REGULAR', 6), change('DIAMOND', 7)]);
    expect(await copyOf(id)).toEqual({ tierId: 'DIAMOND', version: 7 });
    // Racing deliveries (two member replicas, a retry) of a new member's changes: the highest wins whatever the order.
    const racing = randomUUID();
    const tiers = ['REGULAR', 'SILVER', 'GOLD', 'DIAMOND'];
    const versions = Array.from({ length: 24 }, (_, i) => (i * 7) % 24);
    await Promise.all(
      versions.map((v) => recordMemberTiers([{ memberId: racing, tierId: tiers[v % 4], tierVersion: String(v), granted: false }])),
    );
    expect(await copyOf(racing)).toEqual({ tierId: tiers[23 % 4], version: 23 });
  });

  it('a grant past its end in the copy is not used: member is asked (and ends it), and the answer is kept', async () => {
    const id = await register();
    await earn(id, '1.00');
    await stack.query(
      'mutation($m: ID!) { grantTier(memberId: $m, tierId: "GOLD", reason: "VIP complaint resolution", expiresAt: "2099-01-01T00:00:00Z") { id } }',
      { m: id },
    );
    expect(await copyOf(id)).toEqual({ tierId: 'GOLD', version: 1 });
    // The grant's end passes (in both services' rows) before any sweep has ended it and announced that.
    const past = new Date(Date.now() - 1000);
    await stack.services.member.dataSource.getRepository(Member).update({ id }, { grantExpiresAt: past });
    await stack.services.points.dataSource.getRepository(MemberTierCopy).update({ memberId: id }, { grantExpiresAt: past });
    expect(await earnCounting(id, '100.00')).toEqual({ points: 100, asked: 1 });
    expect(await copyOf(id)).toEqual({ tierId: 'REGULAR', version: 2 });
    expect(await earnCounting(id, '100.00')).toEqual({ points: 100, asked: 0 });
  });

  it('an order sent with its time still asks member for the tier held then', async () => {
    const id = await register();
    await earn(id, '1.00');
    const before = await tierLookups();
    const response = await stack.query(
      'mutation($m: ID!, $o: String!, $t: String!) { recordOrder(memberId: $m, orderNo: $o, amount: "100.00", channel: POS, orderedAt: $t) { pointsEarned } }',
      { m: id, o: `TC-${randomUUID()}`, t: new Date(Date.now() - 3_600_000).toISOString() },
    );
    expect(response.data.recordOrder.pointsEarned).toBe(100);
    expect((await tierLookups()) - before).toBe(1);
  });
});
