import { randomUUID } from 'node:crypto';
import { signIdentity, type Identity, type ServiceName } from '../../services/kit/src';
import { MEMBER_CARD, RECORD_ORDER, REGISTER, uniquePhone } from '../harness/operations';
import { postGraphQL, startStack, type GraphQLResponse, type SignedIn, type Stack } from '../harness/startStack';

let stack: Stack;
let alice: SignedIn;
let bob: SignedIn;
beforeAll(async () => {
  // No caching of partner-key checks, so a revocation shows at once.
  stack = await startStack({ env: { PARTNER_KEY_CACHE_MS: '0' } });
  alice = await stack.loginMember(uniquePhone());
  bob = await stack.loginMember(uniquePhone());
  await stack.query(RECORD_ORDER, { memberId: bob.memberId, orderNo: 'BOB-1', amount: '300.00', channel: 'WEB' });
});
afterAll(() => stack?.stop());

const codeOf = (response: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => response.errors?.[0]?.extensions?.code;
const STAFF = (role: string): Identity => ({ kind: 'STAFF', subject: `staff-${role.toLowerCase()}`, roles: [role] });

describe('a member reads only their own data', () => {
  it('through member(id): Bob’s card is FORBIDDEN to Alice, with no data from any subgraph', async () => {
    const response = await stack.queryAs(alice.accessToken, MEMBER_CARD, { id: bob.memberId });
    expect(codeOf(response)).toBe('FORBIDDEN');
    expect(response.data?.member ?? null).toBeNull();
    expect(JSON.stringify(response)).not.toContain('300');
  });

  it('through the staff list and the look-ups', async () => {
    expect(codeOf(await stack.queryAs(alice.accessToken, '{ members(first: 5) { id } }'))).toBe('FORBIDDEN');
    expect(codeOf(await stack.queryAs(alice.accessToken, '{ memberByPhone(phone: "13800000001") { id } }'))).toBe('FORBIDDEN');
    expect(codeOf(await stack.queryAs(alice.accessToken, '{ memberByCard(cardNo: "CARD-0001") { id } }'))).toBe('FORBIDDEN');
  });

  it.each<[ServiceName, string]>([
    ['member', 'maskedPhone'],
    ['points', 'points { balance }'],
    ['campaign', 'liveCampaigns { name }'],
    ['risk', 'risk { level }'],
  ])('through _entities on the %s subgraph (a request made around the gateway’s plan)', async (service, selection) => {
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Member { id ${selection} } } }`;
    const asAlice: Identity = { kind: 'MEMBER', subject: alice.memberId, channel: 'WEB' };
    const others = await stack.querySubgraph(service, query, { r: [{ __typename: 'Member', id: bob.memberId }] }, asAlice);
    expect(codeOf(others)).toBe('FORBIDDEN');
    expect(others.data?._entities?.[0] ?? null).toBeNull();
    const own = await stack.querySubgraph(service, query, { r: [{ __typename: 'Member', id: alice.memberId }] }, asAlice);
    expect(own.errors).toBeUndefined();
    expect(own.data._entities[0].id).toBe(alice.memberId);
  });

  it('through _entities on benefits (which is handed the tier by the gateway)', async () => {
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Member { id benefits { name } } } }`;
    const asAlice: Identity = { kind: 'MEMBER', subject: alice.memberId, channel: 'WEB' };
    const others = await stack.querySubgraph(
      'benefits',
      query,
      { r: [{ __typename: 'Member', id: bob.memberId, tier: { id: 'GOLD' } }] },
      asAlice,
    );
    expect(codeOf(others)).toBe('FORBIDDEN');
  });

  it('anonymous callers see no member at all', async () => {
    expect(codeOf(await stack.queryAs(null, MEMBER_CARD, { id: bob.memberId }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await stack.queryAs(null, '{ members(first: 1) { id } }'))).toBe('UNAUTHENTICATED');
    expect(codeOf(await stack.queryAs(null, '{ me { id } }'))).toBe('UNAUTHENTICATED');
    // The ladder and the campaigns are public.
    expect((await stack.queryAs(null, '{ tiers { id } campaigns { name } }')).errors).toBeUndefined();
  });
});

describe('a member changes only their own data', () => {
  const OFFSET =
    'mutation($m: ID!) { offsetCheckout(memberId: $m, orderNo: "ALICE-1", offset: "1.00", idempotencyKey: "access-offset-1") { pointsUsed } }';

  it('cannot spend another member’s points, record orders, refund, register, or edit another profile', async () => {
    expect(codeOf(await stack.queryAs(alice.accessToken, OFFSET, { m: bob.memberId }))).toBe('FORBIDDEN');
    const order = await stack.queryAs(alice.accessToken, RECORD_ORDER, {
      memberId: alice.memberId,
      orderNo: 'SELF-1',
      amount: '9999.00',
      channel: 'WEB',
    });
    expect(codeOf(order)).toBe('FORBIDDEN');
    const refund = await stack.queryAs(
      alice.accessToken,
      'mutation { refundOrder(orderNo: "BOB-1", refundNo: "R-1", amount: "300.00") { pointsClawedBack } }',
    );
    expect(codeOf(refund)).toBe('FORBIDDEN');
    expect(codeOf(await stack.queryAs(alice.accessToken, REGISTER, { phone: uniquePhone(), channel: 'WEB' }))).toBe('FORBIDDEN');
    const profile = 'mutation($m: ID!) { updateProfile(memberId: $m, input: { name: "Mallory" }) { id } }';
    expect(codeOf(await stack.queryAs(alice.accessToken, profile, { m: bob.memberId }))).toBe('FORBIDDEN');
    expect((await stack.queryAs(alice.accessToken, profile, { m: alice.memberId })).errors).toBeUndefined();
    const card = await stack.query(MEMBER_CARD, { id: bob.memberId });
    expect(card.data.member.points.balance).toBe(300);
  });

  it('spends their own points at checkout', async () => {
    await stack.query(RECORD_ORDER, { memberId: alice.memberId, orderNo: 'ALICE-1', amount: '500.00', channel: 'WEB' });
    const own = await stack.queryAs(alice.accessToken, OFFSET, { m: alice.memberId });
    expect(own.data.offsetCheckout.pointsUsed).toBe(100);
  });
});

describe('staff by role', () => {
  it('POS staff find a member by phone or card; the full phone is for ADMIN and SERVICE_AGENT only, and audited', async () => {
    const phone = uniquePhone();
    const id = (await stack.query(REGISTER, { phone, channel: 'POS' })).data.registerMember.id;
    const bind = await stack.query('mutation($m: ID!) { bindCard(memberId: $m, cardNo: "mg-0042") { id } }', { m: id });
    expect(bind.errors).toBeUndefined();
    expect(codeOf(await stack.query('mutation($m: ID!) { bindCard(memberId: $m, cardNo: "MG-0042") { id } }', { m: alice.memberId }))).toBe(
      'CONFLICT',
    );
    const byCard = await stack.querySubgraph('member', '{ memberByCard(cardNo: "MG-0042") { id maskedPhone } }', {}, STAFF('OPERATOR'));
    expect(byCard.data.memberByCard).toEqual({ id, maskedPhone: `${phone.slice(0, 3)}****${phone.slice(-4)}` });
    const byPhone = await stack.querySubgraph('member', `{ memberByPhone(phone: "${phone}") { id } }`, {}, STAFF('SERVICE_AGENT'));
    expect(byPhone.data.memberByPhone.id).toBe(id);
    const analyst = await stack.querySubgraph('member', `{ memberByPhone(phone: "${phone}") { id } }`, {}, STAFF('ANALYST'));
    expect(codeOf(analyst)).toBe('FORBIDDEN');

    const full = `query($id: ID!) { member(id: $id) { phone } }`;
    expect(codeOf(await stack.querySubgraph('member', full, { id }, STAFF('OPERATOR')))).toBe('FORBIDDEN');
    expect((await stack.querySubgraph('member', full, { id }, STAFF('SERVICE_AGENT'))).data.member.phone).toBe(phone);
    const audit = await stack.services.member.dataSource.query('SELECT actor, fields FROM pii_access_log WHERE member_id = ? ORDER BY at', [
      id,
    ]);
    expect(audit).toEqual(
      expect.arrayContaining([
        { actor: 'staff:staff-service_agent', fields: 'phone-lookup' },
        { actor: 'staff:staff-service_agent', fields: 'phone' },
      ]),
    );
  });

  it('analysts read members but change nothing', async () => {
    const list = await stack.querySubgraph('member', '{ members(first: 2) { id tier { id } } }', {}, STAFF('ANALYST'));
    expect(list.data.members.length).toBeGreaterThan(0);
    const order = await stack.querySubgraph(
      'points',
      'mutation($m: ID!) { recordOrder(memberId: $m, orderNo: "AN-1", amount: "1.00", channel: WEB) { pointsEarned } }',
      { m: alice.memberId },
      STAFF('ANALYST'),
    );
    expect(codeOf(order)).toBe('FORBIDDEN');
    const campaign = await stack.querySubgraph(
      'campaign',
      'mutation { createCampaign(input: { name: "x", activityCoefficient: "2", startsAt: "2026-01-01T00:00:00Z", endsAt: "2027-01-01T00:00:00Z" }) { id } }',
      {},
      STAFF('ANALYST'),
    );
    expect(codeOf(campaign)).toBe('FORBIDDEN');
  });
});

describe('a partner brand', () => {
  const PARTNER: Identity = { kind: 'PARTNER', subject: 'key-1', partner: 'tea-house' };

  it('sees masked data of a member who consented, and nothing else; every read is audited', async () => {
    const masked = 'query($id: ID!) { member(id: $id) { id maskedPhone tier { id } } }';
    expect(codeOf(await stack.querySubgraph('member', masked, { id: alice.memberId }, PARTNER))).toBe('FORBIDDEN');
    const consent = 'mutation($m: ID!, $c: Boolean!) { setPartnerSharing(memberId: $m, consent: $c) { partnerSharing } }';
    expect(codeOf(await stack.queryAs(bob.accessToken, consent, { m: alice.memberId, c: true }))).toBe('FORBIDDEN');
    expect((await stack.queryAs(alice.accessToken, consent, { m: alice.memberId, c: true })).data.setPartnerSharing.partnerSharing).toBe(
      true,
    );
    const seen = await stack.querySubgraph('member', masked, { id: alice.memberId }, PARTNER);
    expect(seen.errors).toBeUndefined();
    expect(seen.data.member.maskedPhone).toMatch(/^\d{3}\*{4}\d{4}$/);
    for (const field of ['phone', 'profile { name }', 'tierHistory { reason }', 'tierStatus { source }']) {
      const response = await stack.querySubgraph(
        'member',
        `query($id: ID!) { member(id: $id) { ${field} } }`,
        { id: alice.memberId },
        PARTNER,
      );
      expect({ field, code: codeOf(response) }).toEqual({ field, code: 'FORBIDDEN' });
    }
    for (const service of ['points', 'risk'] as const) {
      const selection = service === 'points' ? 'points { balance }' : 'risk { level }';
      const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Member { ${selection} } } }`;
      expect(codeOf(await stack.querySubgraph(service, query, { r: [{ __typename: 'Member', id: alice.memberId }] }, PARTNER))).toBe(
        'FORBIDDEN',
      );
    }
    const audit = await stack.services.member.dataSource.query(
      "SELECT fields FROM pii_access_log WHERE actor = 'partner:tea-house' AND member_id = ?",
      [alice.memberId],
    );
    expect(audit.map((row: { fields: string }) => row.fields)).toContain('maskedPhone,tier');
    await stack.queryAs(alice.accessToken, consent, { m: alice.memberId, c: false });
    expect(codeOf(await stack.querySubgraph('member', masked, { id: alice.memberId }, PARTNER))).toBe('FORBIDDEN');
  });
});

describe('partner API keys', () => {
  it('an ADMIN issues one (shown once, stored hashed); through the gateway it reads consenting members masked; revoked, it is 401', async () => {
    const issue = 'mutation($p: String!) { issuePartnerKey(partner: $p) { id partner prefix key } }';
    expect(codeOf(await stack.queryAs(alice.accessToken, issue, { p: 'tea-house' }))).toBe('FORBIDDEN');
    expect(codeOf(await stack.query(issue, { p: 'Not A Partner!' }))).toBe('BAD_USER_INPUT');
    const issued = (await stack.query(issue, { p: 'tea-house' })).data.issuePartnerKey;
    expect(issued.key).toMatch(/^mgp_[\w-]{43}$/);
    expect(issued.key.startsWith(issued.prefix)).toBe(true);
    const stored = await stack.services.member.dataSource.query('SELECT * FROM partner_keys');
    expect(JSON.stringify(stored)).not.toContain(issued.key);
    const listed = await stack.query('{ partnerKeys { id partner prefix revokedAt } }');
    expect(listed.data.partnerKeys).toEqual([{ id: issued.id, partner: 'tea-house', prefix: issued.prefix, revokedAt: null }]);

    const carol = await stack.loginMember(uniquePhone());
    await stack.queryAs(carol.accessToken, 'mutation($m: ID!) { setPartnerSharing(memberId: $m, consent: true) { id } }', {
      m: carol.memberId,
    });
    const asPartner = (query: string, variables: Record<string, unknown> = {}, key = issued.key) =>
      postGraphQL(stack.gatewayUrl, query, variables, { 'x-api-key': key });
    const masked = await asPartner('query($id: ID!) { member(id: $id) { maskedPhone tier { name } } }', { id: carol.memberId });
    expect(masked.status).toBe(200);
    expect(masked.body.errors).toBeUndefined();
    expect(masked.body.data.member.maskedPhone).toMatch(/^\d{3}\*{4}\d{4}$/);
    const points = await asPartner('query($id: ID!) { member(id: $id) { points { balance } } }', { id: carol.memberId });
    expect(points.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const notShared = await asPartner('query($id: ID!) { member(id: $id) { maskedPhone } }', { id: bob.memberId });
    expect(notShared.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await asPartner('{ members(first: 1) { id } }')).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const [audit] = await stack.services.member.dataSource.query('SELECT actor FROM pii_access_log WHERE member_id = ?', [carol.memberId]);
    expect(audit.actor).toBe('partner:tea-house');

    expect((await asPartner('{ tiers { id } }', {}, 'mgp_made-up-key')).status).toBe(401);
    expect((await stack.query('mutation($id: ID!) { revokePartnerKey(id: $id) }', { id: issued.id })).data.revokePartnerKey).toBe(true);
    const revoked = await asPartner('{ tiers { id } }');
    expect(revoked.status).toBe(401);
    expect(revoked.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('what a partner sees, through the gateway with its API key', () => {
  let asPartner: (query: string, variables?: Record<string, unknown>) => Promise<{ status: number; body: GraphQLResponse }>;
  let sharing: SignedIn;
  let private_: SignedIn;
  beforeAll(async () => {
    const key = (await stack.query('mutation { issuePartnerKey(partner: "book-shop") { key } }')).data.issuePartnerKey.key as string;
    asPartner = (query, variables = {}) => postGraphQL(stack.gatewayUrl, query, variables, { 'x-api-key': key });
    sharing = await stack.loginMember(uniquePhone());
    private_ = await stack.loginMember(uniquePhone());
    await stack.queryAs(sharing.accessToken, 'mutation($m: ID!) { setPartnerSharing(memberId: $m, consent: true) { id } }', {
      m: sharing.memberId,
    });
  });

  it('only the masked phone and the tier of a member who shares', async () => {
    const seen = await asPartner('query($id: ID!) { member(id: $id) { id maskedPhone tier { id name } } }', { id: sharing.memberId });
    expect(seen.body.errors).toBeUndefined();
    expect(seen.body.data.member).toEqual({
      id: sharing.memberId,
      maskedPhone: expect.stringMatching(/^\d{3}\*{4}\d{4}$/),
      tier: expect.any(Object),
    });
    for (const field of ['registeredVia', 'registeredAt', 'partnerSharing']) {
      const response = await asPartner(`query($id: ID!) { member(id: $id) { ${field} } }`, { id: sharing.memberId });
      expect({ field, code: codeOf(response.body), data: response.body.data?.member ?? null }).toEqual({
        field,
        code: 'FORBIDDEN',
        data: null,
      });
    }
  });

  it('the same answer for an id that names no member and for a member who does not share', async () => {
    const ask = async (id: string) => {
      const { status, body } = await asPartner('query($id: ID!) { member(id: $id) { maskedPhone tier { id } } }', { id });
      return { status, data: body.data, errors: body.errors?.map(({ message, extensions }) => ({ message, code: extensions?.code })) };
    };
    const unknown = await ask('00000000-0000-4000-8000-000000000000');
    expect(unknown.errors?.[0]?.code).toBe('FORBIDDEN');
    expect(await ask(private_.memberId!)).toEqual(unknown);
  });
});

describe('what a partner is recorded as reading (pii_access_log), through the gateway', () => {
  let key: string;
  let sharing: SignedIn;
  beforeAll(async () => {
    key = (await stack.query('mutation { issuePartnerKey(partner: "tea-shop") { key } }')).data.issuePartnerKey.key as string;
    sharing = await stack.loginMember(uniquePhone());
    await stack.queryAs(sharing.accessToken, 'mutation($m: ID!) { setPartnerSharing(memberId: $m, consent: true) { id } }', {
      m: sharing.memberId,
    });
  });

  /** Runs `query` as the partner and answers the fields its request was recorded as reading (its own request id). */
  const recorded = async (query: string) => {
    const requestId = randomUUID();
    const { body } = await postGraphQL(stack.gatewayUrl, query, { id: sharing.memberId }, { 'x-api-key': key, 'x-request-id': requestId });
    const rows: Array<{ actor: string; fields: string }> = await stack.services.member.dataSource.query(
      'SELECT actor, fields FROM pii_access_log WHERE member_id = ? AND purpose = ?',
      [sharing.memberId, `GraphQL read, request ${requestId}`],
    );
    expect(rows.every((row) => row.actor === 'partner:tea-shop')).toBe(true);
    return { fields: rows.flatMap((row) => row.fields.split(',')).sort(), body };
  };

  // Every benefits field of Member makes the gateway fetch benefits' key (the member's tier) from
  // the member service, which resolves the tier whether or not the partner selected it.
  it.each<[string, string, string[]]>([
    ['only coupons (FORBIDDEN): not the tier', 'query($id: ID!) { member(id: $id) { coupons { edges { node { id } } } } }', []],
    [
      'only partnerOffers (its @requires refused): not the tier',
      'query($id: ID!) { member(id: $id) { partnerOffers { pageInfo { hasNextPage } } } }',
      [],
    ],
    [
      'rewardRedemptions and benefits: not the tier',
      'query($id: ID!) { member(id: $id) { id rewardRedemptions { pageInfo { hasNextPage } } benefits { name } } }',
      [],
    ],
    ['tier { name }: the tier', 'query($id: ID!) { member(id: $id) { tier { name } } }', ['tier']],
    ['maskedPhone: the masked phone only', 'query($id: ID!) { member(id: $id) { maskedPhone } }', ['maskedPhone']],
    [
      'maskedPhone and coupons: the masked phone only',
      'query($id: ID!) { member(id: $id) { maskedPhone coupons { edges { node { id } } } } }',
      ['maskedPhone'],
    ],
    [
      'tier { benefits } (answered by benefits from the key): the tier',
      'query($id: ID!) { member(id: $id) { tier { benefits { name } } } }',
      ['tier'],
    ],
    [
      'the tier under an alias, beside coupons: the tier',
      'query($id: ID!) { member(id: $id) { coupons { edges { node { id } } } level: tier { id } } }',
      ['tier'],
    ],
    [
      'the tier in a named fragment, beside coupons: the tier',
      'query($id: ID!) { member(id: $id) { coupons { edges { node { id } } } ...Grade } } fragment Grade on Member { tier { benefits { name } } }',
      ['tier'],
    ],
    [
      'both, in an inline fragment: both',
      'query($id: ID!) { member(id: $id) { ... on Member { maskedPhone t: tier { id } } } }',
      ['maskedPhone', 'tier'],
    ],
  ])('%s', async (_, query, expected) => {
    expect((await recorded(query)).fields).toEqual(expected);
  });

  it('the answer to coupons alone carries no tier, and is FORBIDDEN', async () => {
    const { body, fields } = await recorded('query($id: ID!) { member(id: $id) { coupons { edges { node { id } } } } }');
    expect(codeOf(body)).toBe('FORBIDDEN');
    expect(JSON.stringify(body.data)).not.toContain('tier');
    expect(fields).toEqual([]);
  });

  it('identity headers a client sends along are not believed: the gateway signs its own', async () => {
    const claim = {
      ...signIdentity({ kind: 'PARTNER', subject: 'key-x', partner: 'tea-shop', selects: [] }, 'a-secret-guessed-by-the-client', ''),
    };
    const requestId = randomUUID();
    const { body } = await postGraphQL(
      stack.gatewayUrl,
      'query($id: ID!) { member(id: $id) { tier { name } } }',
      { id: sharing.memberId },
      { 'x-api-key': key, 'x-request-id': requestId, ...claim },
    );
    expect(body.errors).toBeUndefined();
    const rows = await stack.services.member.dataSource.query('SELECT fields FROM pii_access_log WHERE purpose = ?', [
      `GraphQL read, request ${requestId}`,
    ]);
    expect(rows.map((row: { fields: string }) => row.fields)).toEqual(['tier']);
  });

  it('a request signed without the selection (not through the gateway) records everything it resolved, as before', async () => {
    const PARTNER: Identity = { kind: 'PARTNER', subject: 'key-x', partner: 'direct-shop' };
    const keyOfBenefits = 'query($id: ID!) { member(id: $id) { __typename id tier { id multiplier pointsNeverExpire effectiveFrom } } }';
    expect((await stack.querySubgraph('member', keyOfBenefits, { id: sharing.memberId }, PARTNER)).errors).toBeUndefined();
    const rows = await stack.services.member.dataSource.query(
      "SELECT fields FROM pii_access_log WHERE actor = 'partner:direct-shop' AND member_id = ?",
      [sharing.memberId],
    );
    expect(rows.map((row: { fields: string }) => row.fields)).toEqual(['tier']);
  });
});

describe('personal data of minors (PIPL)', () => {
  it('a birthday under 14 needs a guardian’s consent', async () => {
    const child = await stack.loginMember(uniquePhone());
    const year = new Date().getUTCFullYear() - 10;
    const profile = 'mutation($m: ID!, $i: ProfileInput!) { updateProfile(memberId: $m, input: $i) { profile { birthday } } }';
    const refused = await stack.queryAs(child.accessToken, profile, { m: child.memberId, i: { birthday: `${year}-06-01` } });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'guardianConsent' });
    const [row] = await stack.services.member.dataSource.query('SELECT birthday FROM members WHERE id = ?', [child.memberId]);
    expect(row.birthday).toBeNull();
    const allowed = await stack.queryAs(child.accessToken, profile, {
      m: child.memberId,
      i: { birthday: `${year}-06-01`, guardianConsent: true },
    });
    expect(allowed.data.updateProfile.profile.birthday).toBe(`${year}-06-01`);
    const adult = await stack.queryAs(alice.accessToken, profile, { m: alice.memberId, i: { birthday: '1990-06-01' } });
    expect(adult.errors).toBeUndefined();
  });
});
