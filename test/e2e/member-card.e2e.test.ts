import { readCommonConfig, SERVICE_NAMES, SHARED_VALUE_TTL_MS, signIdentity, type ServiceName } from '../../services/kit/src';
import { scrape, total, type MetricSample } from '../../scripts/bench/metrics';
import { MEMBER_CARD, RECORD_ORDER, REGISTER, uniquePhone } from '../harness/operations';
import { spendSent } from '../harness/spendSent';
import { startStack, type Stack } from '../harness/startStack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack?.stop());

describe('the member card through the gateway', () => {
  it('resolves a member across all five subgraphs', async () => {
    const registered = await stack.query(REGISTER, { phone: '13812341234', channel: 'WEB' });
    expect(registered.errors).toBeUndefined();
    const id = registered.data.registerMember.id;
    expect(registered.data.registerMember).toEqual({ id, maskedPhone: '138****1234', tier: { id: 'REGULAR' } });

    const created = await stack.query(
      `mutation { createCampaign(input: { name: "Double points week", activityCoefficient: "2.0", startsAt: "2020-01-01T00:00:00Z", endsAt: "2099-01-01T00:00:00Z" }) { id live } }`,
    );
    expect(created.data.createCampaign.live).toBe(true);

    // 199.90 CNY × base 1 × γ(Regular) 1.0 × coefficient 2.0 = 399.8 → 399 points.
    const order = await stack.query(RECORD_ORDER, { memberId: id, orderNo: 'WEB-1', amount: '199.90', channel: 'WEB' });
    expect(order.errors).toBeUndefined();
    expect(order.data.recordOrder).toEqual({
      orderNo: 'WEB-1',
      amount: '199.90',
      pointsEarned: 399,
      replayed: false,
      member: { points: { balance: 399 } },
    });

    // The earn is assessed after its commit (EARN_RISK_CHECK=after-commit), in a batch after the
    // outbox's linger: the card counts the assessment once it has reached risk.
    const assessed = async () =>
      Number((await stack.services.risk.dataSource.query('SELECT COUNT(*) AS n FROM risk_events WHERE member_id = ?', [id]))[0].n);
    for (let i = 0; i < 200 && (await assessed()) === 0; i++) await new Promise((resolve) => setTimeout(resolve, 25));

    const card = await stack.query(MEMBER_CARD, { id });
    expect(card.errors).toBeUndefined();
    expect(card.data.member).toMatchObject({
      id,
      maskedPhone: '138****1234',
      tier: { id: 'REGULAR', name: 'Regular 普通會員' },
      points: { balance: 399 },
      liveCampaigns: [{ name: 'Double points week', activityCoefficient: 2 }],
      risk: { level: 'LOW', assessments: 1 },
    });
    expect(card.data.member.tier.benefits.map((b: { name: string }) => b.name)).toContain('Member discount 會員折扣');
    // The member's benefits are their tier's, ranked for them: a newcomer's discount first, then points acceleration.
    const names = (list: Array<{ name: string }>) => list.map((b) => b.name);
    expect(names(card.data.member.benefits).sort()).toEqual(names(card.data.member.tier.benefits).sort());
    expect(names(card.data.member.benefits).slice(0, 2)).toEqual(['Member discount 會員折扣', 'Points acceleration 積分加速']);
  });
});

/**
 * What one card costs each service, counted exactly from the services' /metrics (the bench reads the
 * same counters under load): the subgraph fetches of the gateway's plan, and the SQL statements. A
 * card is one fetch of each subgraph: benefits answers the member's ranked benefits and their tier's
 * benefits in one, from the member's key (`tier` as the member service answered it), where the plan
 * used to fetch the tier from benefits a second time. The statements are one read of the member's
 * own data in each service that holds some (campaign holds none the card shows), and the one read
 * of each shared definition (member's ladder, benefits' matrix, campaign's calendar), which is made
 * when its copy has expired: the card is asked once the copies have, so it makes each of them once.
 */
describe('what one member card costs each service', () => {
  it('one fetch of each subgraph, one statement of the member’s own data in each that holds some', async () => {
    const member = await stack.loginMember(uniquePhone());
    // An order, so that benefits holds the member's spend as points sent it (no call to points for it).
    const order = await stack.query(RECORD_ORDER, { memberId: member.memberId, orderNo: 'COST-1', amount: '88.00', channel: 'WEB' });
    expect(order.errors).toBeUndefined();
    await spendSent(stack.services.points.dataSource);
    expect((await stack.queryAs(member.accessToken, MEMBER_CARD, { id: member.memberId })).errors).toBeUndefined();

    await new Promise((resolve) => setTimeout(resolve, SHARED_VALUE_TTL_MS + 50));
    const scrapeAll = async () =>
      Object.fromEntries(
        await Promise.all(SERVICE_NAMES.map(async (s) => [s, await scrape(stack.services[s].httpUrl)] as const)),
      ) as Record<ServiceName, MetricSample[]>;
    const before = await scrapeAll();
    const card = await stack.queryAs(member.accessToken, MEMBER_CARD, { id: member.memberId });
    const after = await scrapeAll();
    expect(card.errors).toBeUndefined();
    expect(card.data.member.tier.benefits.length).toBeGreaterThan(0);
    const per = (name: string, where: Record<string, string> = {}) =>
      Object.fromEntries(SERVICE_NAMES.map((s) => [s, total(after[s], name, where) - total(before[s], name, where)]));

    expect(per('membergraph_http_requests_total', { route: '/graphql' })).toEqual({
      member: 1,
      points: 1,
      benefits: 1,
      campaign: 1,
      risk: 1,
    });
    // member: the member, the ladder; points: the account; benefits: the matrix, the spend; campaign: the calendar; risk: the profile.
    expect(per('membergraph_sql_statements_total')).toEqual({ member: 2, points: 1, benefits: 2, campaign: 1, risk: 1 });
  });
});

/**
 * A subgraph runs a document it has accepted before without Apollo Server's request pipeline
 * (kit knownOperations.ts): the second answer to the same request, and one of another member's
 * data, are the first path's in every byte, header and count.
 */
describe('a subgraph answers a document it knows as Apollo Server answered it', () => {
  it('the same status, headers and body the second time, FORBIDDEN for another member, each operation counted', async () => {
    const [alice, bob] = [await stack.loginMember(uniquePhone()), await stack.loginMember(uniquePhone())];
    const secret = readCommonConfig('risk', stack.env).identitySecret;
    const query = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Member { id risk { level assessments } } } }';
    const send = async (memberId: string) => {
      const body = JSON.stringify({ query, variables: { r: [{ __typename: 'Member', id: memberId }] } });
      const identity = { kind: 'MEMBER' as const, subject: alice.memberId, channel: 'WEB' };
      const response = await fetch(stack.services.risk.httpUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...signIdentity(identity, secret, body) },
        body,
      });
      const headers = ['content-type', 'cache-control', 'content-length'].map((h) => [h, response.headers.get(h)]);
      return { status: response.status, headers, body: await response.text() };
    };
    const operations = async () =>
      total(await scrape(stack.services.risk.httpUrl), 'membergraph_graphql_operations_total', { type: 'query' });
    const counted = await operations();
    // Another member's data first (Apollo learns the document on it), then again (the known path).
    const others = [await send(bob.memberId!), await send(bob.memberId!)];
    expect(others[0].status).toBe(200);
    expect(JSON.parse(others[0].body)).toMatchObject({ data: null, errors: [{ extensions: { code: 'FORBIDDEN' } }] });
    expect(others[1]).toEqual(others[0]);
    const own = await send(alice.memberId!);
    expect(own.status).toBe(200);
    expect(JSON.parse(own.body).data._entities[0]).toEqual({ id: alice.memberId, risk: { level: 'LOW', assessments: 1 } }); // her sign-in's
    expect(own.headers).toEqual(others[0].headers.map(([h, v]) => [h, h === 'content-length' ? String(Buffer.byteLength(own.body)) : v]));
    expect((await operations()) - counted).toBe(3);
  });
});
