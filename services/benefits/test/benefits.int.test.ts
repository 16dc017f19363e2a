import { grpcCall } from '../../../test/harness/grpc';
import { spendSent } from '../../../test/harness/spendSent';
import { RECORD_ORDER } from '../../../test/harness/operations';
import { startStack, type Stack } from '../../../test/harness/startStack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ withGateway: false });
});
afterAll(() => stack?.stop());

const MEMBER_BENEFITS = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Member { benefits { code score reasons } } } }`;

/** What the gateway brings from the member service with a tier (@requires): its γ in force. */
const inForce = (multiplier: number, pointsNeverExpire = false) => ({
  multiplier,
  pointsNeverExpire,
  effectiveFrom: '2026-01-01T00:00:00.000Z',
});

describe('benefits subgraph', () => {
  it('resolves Tier.benefits through _entities from the seeded matrix (DOMAIN.md §4)', async () => {
    const response = await stack.querySubgraph(
      'benefits',
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Tier { id benefits { id code level } } } }`,
      {
        r: [
          { __typename: 'Tier', id: 'GOLD', ...inForce(1.5) },
          { __typename: 'Tier', id: 'REGULAR', ...inForce(1.0) },
          { __typename: 'Tier', id: 'NO_SUCH_TIER', ...inForce(1.0) },
        ],
      },
    );
    expect(response.errors).toBeUndefined();
    const [gold, regular, none] = response.data._entities;
    expect(gold.benefits[0]).toEqual({ id: 'GOLD:DISCOUNT', code: 'DISCOUNT', level: '25% off' });
    expect(gold.benefits.map((b: { code: string }) => b.code)).toEqual([
      'DISCOUNT',
      'BIRTHDAY',
      'PRIORITY_SERVICE',
      'EXCLUSIVE_EVENTS',
      'POINTS_ACCELERATION',
      'COMMUNITY',
    ]);
    // The source matrix gives the entry tier no events and no community.
    expect(regular.benefits.map((b: { code: string }) => b.code)).toEqual([
      'DISCOUNT',
      'BIRTHDAY',
      'PRIORITY_SERVICE',
      'POINTS_ACCELERATION',
    ]);
    // Acceleration is the tier's γ, whatever the matrix holds for it (nothing).
    expect(none.benefits).toEqual([{ id: 'NO_SUCH_TIER:POINTS_ACCELERATION', code: 'POINTS_ACCELERATION', level: '1×' }]);
  });

  it('refuses to show Tier.benefits without the γ the gateway requires: never a figure of its own', async () => {
    const response = await stack.querySubgraph(
      'benefits',
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Tier { id benefits { level } } } }`,
      { r: [{ __typename: 'Tier', id: 'GOLD' }] },
    );
    expect(response.data._entities[0].benefits).toBeNull();
    expect(response.errors).toHaveLength(1);
  });

  it('resolves Member.benefits from the tier id alone: no registration known and no orders, the base values', async () => {
    const response = await stack.querySubgraph(
      'benefits',
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Member { id benefits { id code level score reasons } } } }`,
      {
        r: [{ __typename: 'Member', id: 'm1', tier: { id: 'DIAMOND', ...inForce(2.0, true) } }],
      },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data._entities[0].benefits[0]).toEqual({
      id: 'DIAMOND:DISCOUNT',
      code: 'DISCOUNT',
      level: '30% off',
      score: 3,
      reasons: ['base value of a DISCOUNT benefit: 3'],
    });
    // Acceleration shows the tier's γ the gateway required.
    expect(response.data._entities[0].benefits.find((b: { code: string }) => b.code === 'POINTS_ACCELERATION').level).toBe(
      '2× + never expire',
    );
  });

  it("answers a member's tier and its benefits from the member's key, in the same request as the member's own benefits", async () => {
    const response = await stack.querySubgraph(
      'benefits',
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Member { id tier { id multiplier benefits { code level } } benefits { code } } } }`,
      { r: [{ __typename: 'Member', id: 'm2', tier: { id: 'GOLD', ...inForce(1.5) }, registeredAt: '2020-01-01T00:00:00Z' }] },
    );
    expect(response.errors).toBeUndefined();
    const [member] = response.data._entities;
    expect(member.tier).toMatchObject({ id: 'GOLD', multiplier: 1.5 });
    expect(member.tier.benefits[0]).toEqual({ code: 'DISCOUNT', level: '25% off' });
    expect(member.tier.benefits.find((b: { code: string }) => b.code === 'POINTS_ACCELERATION').level).toBe('1.5×');
    expect(member.benefits.map((b: { code: string }) => b.code).sort()).toEqual(
      member.tier.benefits.map((b: { code: string }) => b.code).sort(),
    );
  });

  it("gives a partner the tier's benefits of a member's key (what the member service showed it) and nothing of the member's own", async () => {
    const partner = { kind: 'PARTNER' as const, subject: 'tea-house', partner: 'tea-house' };
    const representation = { __typename: 'Member', id: 'm3', tier: { id: 'GOLD', ...inForce(1.5) } };
    const tier = await stack.querySubgraph(
      'benefits',
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Member { tier { benefits { code } } } } }`,
      { r: [representation] },
      partner,
    );
    expect(tier.errors).toBeUndefined();
    expect(tier.data._entities[0].tier.benefits[0]).toEqual({ code: 'DISCOUNT' });
    for (const selection of ['benefits { code }', 'coupons { edges { node { id } } }', 'rewardRedemptions { edges { node { id } } }']) {
      const own = await stack.querySubgraph(
        'benefits',
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on Member { ${selection} } } }`,
        { r: [{ ...representation, registeredAt: '2020-01-01T00:00:00Z' }] },
        partner,
      );
      expect({ selection, code: own.errors?.[0]?.extensions?.code }).toEqual({ selection, code: 'FORBIDDEN' });
    }
  });

  it('ranks Member.benefits by the registration the gateway requires and the spend points sends from its outbox', async () => {
    const memberId = (await stack.querySubgraph('member', 'mutation { registerMember(phone: "13844440002", channel: WEB) { id } }')).data
      .registerMember.id;
    for (let i = 1; i <= 12; i += 1) {
      const order = await stack.querySubgraph('points', RECORD_ORDER, {
        memberId,
        orderNo: `RANKED-${i}`,
        amount: '1000.00',
        channel: 'WEB',
      });
      expect(order.errors).toBeUndefined();
    }
    // The figures reach benefits after the commits (RecordSpendStats, in the background): the ranking shows them once delivered.
    await spendSent(stack.services.points.dataSource);
    const response = await stack.querySubgraph('benefits', MEMBER_BENEFITS, {
      // A spend in the representation is not read: the figures are the points service's.
      r: [{ __typename: 'Member', id: memberId, tier: { id: 'GOLD', ...inForce(1.5) }, registeredAt: '2020-01-01T00:00:00Z', spend: null }],
    });
    expect(response.errors).toBeUndefined();
    const [top] = response.data._entities[0].benefits;
    // 12,000 CNY in 12 purchases: fully high value and frequent; service (1 + 3) and events (1 + 2 + 1) lead.
    expect(top).toEqual({
      code: 'PRIORITY_SERVICE',
      score: 4,
      reasons: ['base value of a PRIORITY_SERVICE benefit: 1', 'highValue 1 (12000.00 CNY spent in 12 months) × 3 = 3'],
    });
  });

  it('ListTierBenefits answers over gRPC', async () => {
    const response = await grpcCall('benefits', 'BenefitsService', stack.services.benefits.grpcAddress, 'listTierBenefits', {
      tierIds: ['SILVER'],
    });
    expect(response.benefits[0]).toEqual({
      tierId: 'SILVER',
      benefitCode: 'DISCOUNT',
      name: 'Member discount 會員折扣',
      level: '20% off',
      derivedFromMultiplier: false,
    });
    expect(response.benefits).toHaveLength(6);
    // Points acceleration is marked derived, without a figure: the caller shows the tier's γ.
    expect(response.benefits.filter((b: { derivedFromMultiplier: boolean }) => b.derivedFromMultiplier)).toEqual([
      {
        tierId: 'SILVER',
        benefitCode: 'POINTS_ACCELERATION',
        name: 'Points acceleration 積分加速',
        level: '',
        derivedFromMultiplier: true,
      },
    ]);
  });

  it('IssueCoupon issues once per key for a peer (a member the member service knows), refusing what the graph would', async () => {
    const registered = await stack.querySubgraph('member', 'mutation { registerMember(phone: "13844440001", channel: WEB) { id } }');
    const memberId = registered.data.registerMember.id;
    const defined = await stack.querySubgraph(
      'benefits',
      'mutation { defineCouponTemplate(input: { code: "REFER10", name: "Referral 10 off", kind: NO_THRESHOLD, amount: "10.00", validDays: 30, perMemberLimit: 1, stock: 5 }) { stockLeft } }',
    );
    expect(defined.errors).toBeUndefined();
    const call = (request: object) =>
      grpcCall('benefits', 'BenefitsService', stack.services.benefits.grpcAddress, 'issueCoupon', {
        templateCode: 'REFER10',
        memberId,
        idempotencyKey: 'referral-reward-1',
        source: 'REFERRAL',
        ...request,
      });
    const first = await call({});
    expect(first).toMatchObject({ couponId: expect.any(String), replayed: false });
    expect(Number(first.validToEpochMs) - Number(first.validFromEpochMs)).toBe(30 * 86_400_000);
    expect(await call({})).toEqual({ ...first, replayed: true });
    await expect(call({ idempotencyKey: 'referral-reward-2' })).rejects.toMatchObject({ code: 'CONFLICT' }); // one per member
    await expect(call({ idempotencyKey: 'referral-reward-3', source: 'STAFF' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(call({ idempotencyKey: 'referral-reward-4', memberId: 'no-such-member' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(call({ idempotencyKey: 'referral-reward-5', templateCode: 'NO_SUCH' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('benefits subgraph with the points service down', () => {
  beforeAll(() => stack.services.points.stop());

  it('still ranks Member.benefits, without the spend features, saying so on each', async () => {
    const response = await stack.querySubgraph('benefits', MEMBER_BENEFITS, {
      r: [{ __typename: 'Member', id: 'm3', tier: { id: 'GOLD', ...inForce(1.5) }, registeredAt: '2020-01-01T00:00:00Z' }],
    });
    expect(response.errors).toBeUndefined();
    const ranked = response.data._entities[0].benefits;
    // A long-standing member, nothing known of their spend: no one is dormant or high value by guess.
    expect(ranked[0]).toEqual({
      code: 'DISCOUNT',
      score: 3,
      reasons: ['base value of a DISCOUNT benefit: 3', 'spend unavailable: ranked without spend'],
    });
    expect(ranked.every((b: { reasons: string[] }) => b.reasons.includes('spend unavailable: ranked without spend'))).toBe(true);
  });
});
