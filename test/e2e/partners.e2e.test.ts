import { periodOf } from '../../services/benefits/src/domain/partners';
import { postGraphQL, startStack, type GraphQLResponse, type SignedIn, type Stack } from '../harness/startStack';

/**
 * Cross-brand partners through the gateway: a partner brand with its API key sees and redeems only
 * its own cross-brand offers, for our members who allow partner sharing, links its members to ours
 * by phone, and reads its monthly statement, which sums exactly to the redemptions; everything else
 * of the benefits service is refused to it. Our members who share see the partners' offers.
 */
let stack: Stack;
let asHotel: (query: string, variables?: Record<string, unknown>) => Promise<GraphQLResponse>;
let sharing: SignedIn;
let private_: SignedIn;
const SHARING_PHONE = '13844400001';
const PRIVATE_PHONE = '13844400002';
const offers: Record<string, string> = {};

const codeOf = (response: GraphQLResponse) => response.errors?.[0]?.extensions?.code;
const OFFER = 'mutation($i: PartnerOfferInput!) { definePartnerOffer(input: $i) { id title price fundedBy partner { code } } }';
const REDEEM = `mutation($o: ID!, $m: ID, $p: String, $k: String!) { redeemPartnerOffer(offerId: $o, memberId: $m, partnerMemberId: $p, redemptionKey: $k) {
  id memberId partnerMemberId replayed offer { title } clearing { payer amount period } } }`;
const STATEMENT = `query($p: ID!, $m: String!) { partnerStatement(partner: $p, month: $m) {
  partner { code } month receivable payable net redemptions entries { redemptionId payer amount } } }`;
const WINDOW = { validFrom: '2026-01-01T00:00:00+08:00', validTo: '2099-01-01T00:00:00+08:00' };

beforeAll(async () => {
  stack = await startStack();
  const key = (await stack.query('mutation { issuePartnerKey(partner: "lakeside-hotel") { key } }')).data.issuePartnerKey.key as string;
  asHotel = async (query, variables = {}) => (await postGraphQL(stack.gatewayUrl, query, variables, { 'x-api-key': key })).body;
  for (const [code, name] of [
    ['lakeside-hotel', 'Lakeside Hotels'],
    ['blue-sky', 'Blue Sky Air'],
  ]) {
    expect(
      (await stack.query('mutation($c: ID!, $n: String!) { definePartner(code: $c, name: $n) { code } }', { c: code, n: name })).errors,
    ).toBeUndefined();
  }
  for (const [name, input] of Object.entries({
    lateCheckout: { partner: 'lakeside-hotel', direction: 'PARTNER_TO_US', title: 'Late checkout', price: '30.00', ...WINDOW },
    teaForGuests: { partner: 'lakeside-hotel', direction: 'US_TO_PARTNER', title: 'Tea for hotel guests', price: '12.50', ...WINDOW },
    lounge: { partner: 'blue-sky', direction: 'PARTNER_TO_US', title: 'Airport lounge', price: '80.00', ...WINDOW },
  })) {
    const defined = await stack.query(OFFER, { i: input });
    expect(defined.errors).toBeUndefined();
    offers[name] = defined.data.definePartnerOffer.id;
  }
  sharing = await stack.loginMember(SHARING_PHONE);
  private_ = await stack.loginMember(PRIVATE_PHONE);
  const consent = await stack.queryAs(sharing.accessToken, 'mutation($m: ID!) { setPartnerSharing(memberId: $m, consent: true) { id } }', {
    m: sharing.memberId,
  });
  expect(consent.errors).toBeUndefined();
});
afterAll(() => stack?.stop());

describe('our members', () => {
  it('see the partners’ offers only when they allow partner sharing', async () => {
    const seen = await stack.queryAs(
      sharing.accessToken,
      '{ me { partnerOffers { edges { node { title partner { name } direction } } } } }',
    );
    expect(seen.errors).toBeUndefined();
    expect(seen.data.me.partnerOffers.edges.map((e: any) => e.node.title).sort()).toEqual(['Airport lounge', 'Late checkout']);
    const none = await stack.queryAs(
      private_.accessToken,
      '{ me { partnerOffers { edges { node { title } } pageInfo { hasNextPage } } } }',
    );
    expect(none.data.me.partnerOffers).toEqual({ edges: [], pageInfo: { hasNextPage: false } });
  });

  it('page through them newest first, a cursor at a time', async () => {
    const PAGE =
      'query($a: String) { me { partnerOffers(first: 1, after: $a) { edges { cursor node { title } } pageInfo { hasNextPage hasPreviousPage endCursor } } } }';
    const first = (await stack.queryAs(sharing.accessToken, PAGE, {})).data.me.partnerOffers;
    // The lounge was defined after the late checkout.
    expect(first.edges.map((e: any) => e.node.title)).toEqual(['Airport lounge']);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false, endCursor: first.edges[0].cursor });
    const second = (await stack.queryAs(sharing.accessToken, PAGE, { a: first.pageInfo.endCursor })).data.me.partnerOffers;
    expect(second.edges.map((e: any) => e.node.title)).toEqual(['Late checkout']);
    expect(second.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    expect(codeOf(await stack.queryAs(sharing.accessToken, PAGE, { a: 'not-a-cursor' }))).toBe('BAD_USER_INPUT');
  });
});

describe('a partner brand with its API key', () => {
  it('sees only its own cross-brand offers, both ways', async () => {
    const own = await asHotel('{ partnerOffers { edges { node { title direction fundedBy price stock remaining perMemberLimit } } } }');
    expect(own.errors).toBeUndefined();
    const nodes = own.data.partnerOffers.edges.map((e: any) => e.node);
    const unlimited = { stock: null, remaining: null, perMemberLimit: null };
    expect(nodes).toEqual([
      { title: 'Tea for hotel guests', direction: 'US_TO_PARTNER', fundedBy: 'PARTNER', price: '12.50', ...unlimited },
      { title: 'Late checkout', direction: 'PARTNER_TO_US', fundedBy: 'US', price: '30.00', ...unlimited },
    ]);
    expect(codeOf(await asHotel('{ partnerOffers(partner: "blue-sky") { edges { node { title } } } }'))).toBe('FORBIDDEN');
  });

  it.each([
    ['the benefit catalogue', '{ benefitCatalogue { code } }'],
    ['coupon templates', '{ couponTemplates { edges { node { code } } } }'],
    ['benefit ratings', '{ benefitRatings { average } }'],
    ['occasion rewards', '{ occasionRewards { occasion } }'],
    ['partner brands', '{ partnerBrands { code } }'],
    ['another partner’s statement', '{ partnerStatement(partner: "blue-sky", month: "2026-11") { net } }'],
    ['a member’s benefits', 'query($m: ID!) { member(id: $m) { benefits { name } } }'],
    ['a member’s coupons', 'query($m: ID!) { member(id: $m) { coupons { edges { node { id } } } } }'],
    ['a member’s partner offers', 'query($m: ID!) { member(id: $m) { partnerOffers { edges { node { title } } } } }'],
    [
      'a checkout',
      'query($m: ID!) { validateCoupons(memberId: $m, cart: { channel: WEB, items: [{ sku: "A", quantity: 1, unitPrice: "1.00" }] }) { payable } }',
    ],
    [
      'a tier benefit edit',
      'mutation { setTierBenefit(tierId: "GOLD", benefitCode: "DISCOUNT", level: "5% off", discountPercent: 5, reason: "x") { revision } }',
    ],
    [
      'defining an offer',
      'mutation { definePartnerOffer(input: { partner: "lakeside-hotel", direction: PARTNER_TO_US, title: "x", price: "1.00", validFrom: "2026-01-01T00:00:00Z", validTo: "2099-01-01T00:00:00Z" }) { id } }',
    ],
  ])('is refused %s (not cross-brand data)', async (_, query) => {
    const response = await asHotel(query, query.includes('$m') ? { m: sharing.memberId } : {});
    // Nothing but nulls comes back (a member's shared fields hold the refused one as null).
    const leaves = (value: unknown): unknown[] =>
      value && typeof value === 'object' ? Object.values(value).flatMap(leaves) : value === null ? [] : [value];
    expect({ code: codeOf(response), leaked: leaves(response.data ?? null) }).toEqual({ code: 'FORBIDDEN', leaked: [] });
  });

  it('links its member to ours by a phone, for a member who shares; a phone of one who does not is refused alike', async () => {
    const LINK =
      'mutation($p: String!, $phone: String!) { linkPartnerMember(partnerMemberId: $p, phone: $phone) { partnerMemberId replayed member { id maskedPhone } } }';
    const linked = await asHotel(LINK, { p: 'H-1001', phone: SHARING_PHONE });
    expect(linked.errors).toBeUndefined();
    expect(linked.data.linkPartnerMember).toEqual({
      partnerMemberId: 'H-1001',
      replayed: false,
      member: { id: sharing.memberId, maskedPhone: '138****0001' },
    });
    expect((await asHotel(LINK, { p: 'H-1001', phone: SHARING_PHONE })).data.linkPartnerMember.replayed).toBe(true);
    const refused = await asHotel(LINK, { p: 'H-1002', phone: PRIVATE_PHONE });
    const unknown = await asHotel(LINK, { p: 'H-1003', phone: '13844409999' });
    expect([codeOf(refused), codeOf(unknown)]).toEqual(['FORBIDDEN', 'FORBIDDEN']);
    expect(refused.errors?.[0]?.message).toBe(unknown.errors?.[0]?.message);
    // Members and staff do not link partner members.
    expect(codeOf(await stack.queryAs(sharing.accessToken, LINK, { p: 'H-9', phone: SHARING_PHONE }))).toBe('FORBIDDEN');
  });
});

describe('cross-brand redemptions and the monthly statement', () => {
  const month = periodOf(new Date(), 480);

  it('the partner records its offer used by our consenting member, once per key; we owe the agreed price', async () => {
    const vars = { o: offers.lateCheckout, m: sharing.memberId, k: 'stay-000001' };
    const first = await asHotel(REDEEM, vars);
    expect(first.errors).toBeUndefined();
    expect(first.data.redeemPartnerOffer).toMatchObject({
      memberId: sharing.memberId,
      replayed: false,
      clearing: { payer: 'US', amount: '30.00', period: month },
    });
    const again = await asHotel(REDEEM, vars);
    expect(again.data.redeemPartnerOffer).toEqual({ ...first.data.redeemPartnerOffer, replayed: true });
    expect(codeOf(await asHotel(REDEEM, { o: offers.lateCheckout, m: private_.memberId, k: 'stay-000002' }))).toBe('FORBIDDEN');
    expect(codeOf(await asHotel(REDEEM, { o: offers.lounge, m: sharing.memberId, k: 'stay-000003' }))).toBe('NOT_FOUND');
  });

  it("our checkout redeems our offer for the hotel's guest, known by the hotel's member id; the hotel owes us", async () => {
    const tea = await stack.query(REDEEM, { o: offers.teaForGuests, p: 'H-1001', k: 'till-000001' });
    expect(tea.errors).toBeUndefined();
    expect(tea.data.redeemPartnerOffer).toMatchObject({
      memberId: sharing.memberId,
      partnerMemberId: 'H-1001',
      clearing: { payer: 'PARTNER', amount: '12.50' },
    });
    expect(codeOf(await asHotel(REDEEM, { o: offers.teaForGuests, p: 'H-1001', k: 'till-000002' }))).toBe('FORBIDDEN');
    expect(codeOf(await stack.query(REDEEM, { o: offers.teaForGuests, p: 'H-404', k: 'till-000003' }))).toBe('NOT_FOUND');
  });

  it('the statement sums exactly to the redemptions, for the partner and for staff', async () => {
    const own = await asHotel(STATEMENT, { p: 'lakeside-hotel', m: month });
    expect(own.errors).toBeUndefined();
    const statement = own.data.partnerStatement;
    expect(statement).toMatchObject({
      partner: { code: 'lakeside-hotel' },
      month,
      receivable: '12.50',
      payable: '30.00',
      net: '-17.50',
      redemptions: 2,
    });
    const fen = (text: string) => Math.round(Number(text) * 100);
    const sum = (payer: string) =>
      statement.entries.filter((e: any) => e.payer === payer).reduce((n: number, e: any) => n + fen(e.amount), 0);
    expect([sum('PARTNER'), sum('US')]).toEqual([fen(statement.receivable), fen(statement.payable)]);
    const rows = await stack.services.benefits.dataSource.query('SELECT id FROM partner_redemptions WHERE partner_code = ?', [
      'lakeside-hotel',
    ]);
    expect(statement.entries.map((e: any) => e.redemptionId).sort()).toEqual(rows.map((r: { id: string }) => r.id).sort());
    const staff = await stack.query(STATEMENT, { p: 'lakeside-hotel', m: month });
    expect(staff.data.partnerStatement).toEqual(statement);
    expect(codeOf(await stack.queryAs(sharing.accessToken, STATEMENT, { p: 'lakeside-hotel', m: month }))).toBe('FORBIDDEN');
  });
});

describe('an offer with a stock and a per-member limit', () => {
  const remaining = async (id: string) =>
    (
      await asHotel('{ partnerOffers(direction: PARTNER_TO_US) { edges { node { id stock remaining perMemberLimit } } } }')
    ).data.partnerOffers.edges
      .map((e: any) => e.node)
      .find((o: any) => o.id === id);
  const define = async (limits: Record<string, number>) => {
    const defined = await stack.query(OFFER, {
      i: { partner: 'lakeside-hotel', direction: 'PARTNER_TO_US', title: 'Spa day', price: '50.00', ...WINDOW, ...limits },
    });
    expect(defined.errors).toBeUndefined();
    return defined.data.definePartnerOffer.id as string;
  };
  const clearingRows = async (offerId: string) =>
    (await stack.services.benefits.dataSource.query('SELECT id FROM clearing_entries WHERE offer_id = ?', [offerId])).length;

  it('redeems down to its stock, then refuses with CONFLICT OUT_OF_STOCK and writes nothing', async () => {
    const id = await define({ stock: 1 });
    expect(await remaining(id)).toEqual({ id, stock: 1, remaining: 1, perMemberLimit: null });
    expect((await asHotel(REDEEM, { o: id, m: sharing.memberId, k: 'spa-stock-01' })).errors).toBeUndefined();
    expect((await asHotel(REDEEM, { o: id, m: sharing.memberId, k: 'spa-stock-01' })).data.redeemPartnerOffer.replayed).toBe(true);
    const over = await asHotel(REDEEM, { o: id, m: sharing.memberId, k: 'spa-stock-02' });
    expect(over.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'OUT_OF_STOCK' });
    expect(await remaining(id)).toMatchObject({ remaining: 0 });
    expect(await clearingRows(id)).toBe(1);
  });

  it("refuses a member's redemption over the limit with CONFLICT PER_MEMBER_LIMIT, taking no stock", async () => {
    const id = await define({ stock: 5, perMemberLimit: 1 });
    expect((await asHotel(REDEEM, { o: id, m: sharing.memberId, k: 'spa-limit-01' })).errors).toBeUndefined();
    const over = await asHotel(REDEEM, { o: id, m: sharing.memberId, k: 'spa-limit-02' });
    expect(over.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'PER_MEMBER_LIMIT' });
    expect(await remaining(id)).toEqual({ id, stock: 5, remaining: 4, perMemberLimit: 1 });
    expect(await clearingRows(id)).toBe(1);
  });

  it('refuses a negative stock or limit with BAD_USER_INPUT', async () => {
    for (const limits of [{ stock: -1 }, { perMemberLimit: -1 }]) {
      const refused = await stack.query(OFFER, {
        i: { partner: 'lakeside-hotel', direction: 'PARTNER_TO_US', title: 'Bad', price: '1.00', ...WINDOW, ...limits },
      });
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: Object.keys(limits)[0] });
    }
  });
});
