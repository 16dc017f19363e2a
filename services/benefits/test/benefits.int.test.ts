import { grpcCall } from '../../../test/harness/grpc';
import { startStack, type Stack } from '../../../test/harness/startStack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ withGateway: false });
});
afterAll(() => stack?.stop());

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

  it('resolves Member.benefits from the tier id alone, ranked with every feature unknown (and said so)', async () => {
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

  it('ranks Member.benefits from the fields the gateway requires of member and points', async () => {
    const response = await stack.querySubgraph(
      'benefits',
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Member { benefits { code score } } } }`,
      {
        r: [
          {
            __typename: 'Member',
            id: 'm2',
            tier: { id: 'GOLD', ...inForce(1.5) },
            registeredAt: '2020-01-01T00:00:00Z',
            spend: { spend: '0.00', purchases: 0, lastPurchaseAt: '2020-02-01T00:00:00Z' },
          },
        ],
      },
    );
    expect(response.errors).toBeUndefined();
    // Dormant for years: the discount (3 + 3) leads; a long-standing member is not new.
    expect(response.data._entities[0].benefits[0]).toEqual({ code: 'DISCOUNT', score: 6 });
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
