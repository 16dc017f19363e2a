import { MEMBER_CARD, RECORD_ORDER, uniquePhone } from '../harness/operations';
import { grpcCall } from '../harness/grpc';
import { startStack, type Stack } from '../harness/startStack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack?.stop());

const MERGE =
  'mutation($s: ID!, $t: ID!, $r: String!) { mergeMembers(sourceId: $s, targetId: $t, reason: $r) { id tier { id } profile { name } } }';
const WECHAT = 'mutation($c: String!, $p: String) { loginWithWeChat(code: $c, phoneCode: $p) { member { id } } }';
const codeOf = (response: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => response.errors?.[0]?.extensions?.code;

async function pointsOf(memberId: string) {
  const db = stack.services.points.dataSource;
  const [{ ledger }] = await db.query('SELECT COALESCE(SUM(points), 0) AS ledger FROM points_ledger WHERE member_id = ?', [memberId]);
  const [{ lots }] = await db.query('SELECT COALESCE(SUM(remaining), 0) AS lots FROM points_lots WHERE member_id = ?', [memberId]);
  const [account] = await db.query('SELECT balance FROM points_accounts WHERE member_id = ?', [memberId]);
  return { balance: Number(account?.balance ?? 0), ledger: Number(ledger), lots: Number(lots) };
}

describe('a staff merge of two members', () => {
  it('moves points, lots, orders, identities and the higher tier to the target, exactly once, with an audit row', async () => {
    const sourcePhone = uniquePhone();
    const source = await stack.loginMember(sourcePhone);
    const target = await stack.loginMember(uniquePhone());
    for (let i = 0; i < 5; i += 1) {
      await stack.query(RECORD_ORDER, { memberId: source.memberId, orderNo: `MS-${i}`, amount: '600.00', channel: 'WEB' });
    }
    await stack.query(RECORD_ORDER, { memberId: target.memberId, orderNo: 'MT-1', amount: '200.00', channel: 'WEB' });
    await stack.queryAs(null, WECHAT, { c: 'dev:openid-merge-source', p: `dev:${sourcePhone}` });
    await stack.query('mutation($m: ID!) { bindCard(memberId: $m, cardNo: "MERGE-CARD-1") { id } }', { m: source.memberId });
    await stack.queryAs(source.accessToken, 'mutation($m: ID!) { updateProfile(memberId: $m, input: { name: "王芳" }) { id } }', {
      m: source.memberId,
    });
    expect((await stack.query(MEMBER_CARD, { id: source.memberId })).data.member.tier.id).toBe('SILVER');

    // Not for members, nor without a reason, nor into itself.
    expect(codeOf(await stack.queryAs(target.accessToken, MERGE, { s: source.memberId, t: target.memberId, r: 'same person' }))).toBe(
      'FORBIDDEN',
    );
    expect(codeOf(await stack.query(MERGE, { s: source.memberId, t: target.memberId, r: '' }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await stack.query(MERGE, { s: source.memberId, t: source.memberId, r: 'same person' }))).toBe('BAD_USER_INPUT');

    const merged = await stack.query(MERGE, {
      s: source.memberId,
      t: target.memberId,
      r: 'same person: two phones, verified at the store',
    });
    expect(merged.errors).toBeUndefined();
    expect(merged.data.mergeMembers).toEqual({ id: target.memberId, tier: { id: 'SILVER' }, profile: { name: '王芳' } });

    // Points: 3,000 moved to the target with their lots; each account still adds up.
    expect(await pointsOf(target.memberId!)).toEqual({ balance: 3200, ledger: 3200, lots: 3200 });
    expect(await pointsOf(source.memberId!)).toEqual({ balance: 0, ledger: 0, lots: 0 });
    // A refund of one of the source's orders now claws back from the target.
    const refund = await stack.query('mutation { refundOrder(orderNo: "MS-0", refundNo: "MSR-0", amount: "600.00") { pointsClawedBack } }');
    expect(refund.data.refundOrder.pointsClawedBack).toBe(600);
    expect((await pointsOf(target.memberId!)).balance).toBe(2600);

    // Every way in to the source now leads to the target.
    expect((await stack.loginMember(sourcePhone)).memberId).toBe(target.memberId);
    expect((await stack.queryAs(null, WECHAT, { c: 'dev:openid-merge-source' })).data.loginWithWeChat.member.id).toBe(target.memberId);
    expect((await stack.query('{ memberByCard(cardNo: "MERGE-CARD-1") { id } }')).data.memberByCard.id).toBe(target.memberId);
    expect((await stack.query(MEMBER_CARD, { id: source.memberId })).data.member.id).toBe(target.memberId);
    const refreshed = await stack.queryAs(null, 'mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken } }', {
      t: source.refreshToken,
    });
    expect(codeOf(refreshed)).toBe('UNAUTHENTICATED');
    const order = await stack.query(RECORD_ORDER, { memberId: source.memberId, orderNo: 'MS-AFTER', amount: '10.00', channel: 'WEB' });
    expect(codeOf(order)).toBe('NOT_FOUND');

    // Once only: merging the tombstone again is CONFLICT; a repeated delivery to points is a replay.
    expect(codeOf(await stack.query(MERGE, { s: source.memberId, t: target.memberId, r: 'again' }))).toBe('CONFLICT');
    const [audit] = await stack.services.member.dataSource.query('SELECT id, source_id, target_id, actor, reason FROM member_merges');
    expect(audit).toMatchObject({ source_id: source.memberId, target_id: target.memberId, reason: expect.stringContaining('verified') });
    expect(audit.actor).toMatch(/^staff:/);
    const again = await grpcCall('points', 'PointsService', stack.services.points.grpcAddress, 'mergeAccounts', {
      mergeId: audit.id,
      sourceMemberId: source.memberId,
      targetMemberId: target.memberId,
    });
    expect(again).toMatchObject({ replayed: true, pointsMoved: '3000' });
    expect(await pointsOf(target.memberId!)).toEqual({ balance: 2600, ledger: 2600, lots: 2600 });
    const history = (await stack.query('query($id: ID!) { member(id: $id) { tierHistory { reason } } }', { id: target.memberId })).data
      .member.tierHistory;
    expect(history.map((h: { reason: string }) => h.reason)).toContain('MERGED');
  });

  it('keeps a merged staff grant a grant, with its expiry, and nets a merged debt against the merged balance', async () => {
    const source = await stack.loginMember(uniquePhone());
    const target = await stack.loginMember(uniquePhone());
    const expiresAt = new Date(Date.now() + 30 * 86_400_000).toISOString();
    const grant = await stack.query(
      'mutation($m: ID!, $e: String!) { grantTier(memberId: $m, tierId: "GOLD", reason: "VIP complaint resolution", expiresAt: $e) { id } }',
      { m: source.memberId, e: expiresAt },
    );
    expect(grant.errors).toBeUndefined();
    // The source owes 80 points: 100 earned, 80 redeemed, the order refunded.
    await stack.query(RECORD_ORDER, { memberId: source.memberId, orderNo: 'MD-S', amount: '100.00', channel: 'WEB' });
    await grpcCall('points', 'PointsService', stack.services.points.grpcAddress, 'debit', {
      memberId: source.memberId,
      points: '80',
      source: 'REDEMPTION',
      sourceRef: 'merge-debt-1',
      reason: 'a reward',
      idempotencyKey: 'merge-debt-redemption-1',
    });
    await stack.query('mutation { refundOrder(orderNo: "MD-S", refundNo: "MD-SR", amount: "100.00") { debtAdded } }');
    await stack.query(RECORD_ORDER, { memberId: target.memberId, orderNo: 'MD-T', amount: '200.00', channel: 'WEB' });

    const merged = await stack.query(MERGE, { s: source.memberId, t: target.memberId, r: 'same person: two phones, verified' });
    expect(merged.errors).toBeUndefined();
    const status = await stack.query(
      'query($id: ID!) { member(id: $id) { tier { id } tierStatus { source grantExpiresAt } tierHistory { reason } points { balance debt } } }',
      { id: target.memberId },
    );
    expect(status.data.member).toMatchObject({
      tier: { id: 'GOLD' },
      tierStatus: { source: 'GRANTED', grantExpiresAt: expiresAt },
      points: { balance: 120, debt: 0 },
    });
    expect(status.data.member.tierHistory[0]).toEqual({ reason: 'MERGED' });
    expect(await pointsOf(target.memberId!)).toEqual({ balance: 120, ledger: 120, lots: 120 });
  });
});
