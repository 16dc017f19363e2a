import { randomUUID } from 'node:crypto';
import { RECORD_ORDER, REGISTER, uniquePhone } from '../harness/operations';
import { startStack, type Stack } from '../harness/startStack';

/**
 * The growth playbook's analytics through the gateway, as an operator: an A/B test of two
 * registration offers read to a significant winner with its CAC and promoted; members by RFM
 * segment and K-means cluster from statistics streamed from points and member; channel CAC.
 */
let stack: Stack;
let operator: string;
let analyst: string;
const codeOf = (response: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => response.errors?.[0]?.extensions?.code;

beforeAll(async () => {
  stack = await startStack();
  for (const [username, roles] of [
    ['ops-growth', ['OPERATOR']],
    ['analyst-growth', ['ANALYST']],
  ] as const) {
    const created = await stack.query('mutation($input: StaffInput!) { createStaff(input: $input) { id } }', {
      input: { username, password: 'a-long-staff-password-1', roles },
    });
    expect(created.errors).toBeUndefined();
  }
  operator = (await stack.loginStaff('ops-growth', 'a-long-staff-password-1')).accessToken;
  analyst = (await stack.loginStaff('analyst-growth', 'a-long-staff-password-1')).accessToken;
});
afterAll(() => stack?.stop());

/** Runs `work` over `items` a few at a time: enough members for a test, without a storm of connections. */
async function inChunks<T, R>(items: T[], size: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size)
    out.push(...(await Promise.all(items.slice(i, i + size).map((item, j) => work(item, i + j)))));
  return out;
}

const register = async (channel: string) => {
  const response = await stack.query(REGISTER, { phone: uniquePhone(), channel });
  expect(response.errors).toBeUndefined();
  return response.data.registerMember.id as string;
};

const EXPERIMENT = /* GraphQL */ `
  query ($key: String!) {
    experiment(key: $key) {
      status
      winner
      variants {
        key
        weight
        control
      }
      results {
        significantWinner
        groups {
          key
          control
          exposures
          conversions
          conversionRate
          cost
          cac
          lift
          pValue
          differenceLow
          differenceHigh
          significant
        }
      }
    }
  }
`;

describe('an A/B test of two registration offers', () => {
  it('reads a significant winner with its CAC, promotes it, and every channel then shows it', async () => {
    const create = /* GraphQL */ `
      mutation ($input: CreateExperimentInput!) {
        createExperiment(input: $input) {
          id
          key
          status
          holdoutWeight
        }
      }
    `;
    const input = {
      key: 'REG_OFFER',
      name: 'Registration offer',
      holdoutWeight: '0.1',
      variants: [
        { key: 'SPEND100_GET20', name: 'spend 100 get 20 off', weight: '0.45', control: true },
        { key: 'FIRST_ORDER_20', name: '20 off the first order', weight: '0.45' },
      ],
    };
    expect(codeOf(await stack.queryAs(analyst, create, { input }))).toBe('FORBIDDEN');
    const bad = await stack.queryAs(operator, create, {
      input: { ...input, variants: input.variants.map((v) => ({ ...v, weight: '0.5' })) },
    });
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect((await stack.queryAs(analyst, EXPERIMENT, { key: 'REG_OFFER' })).data.experiment).toBeNull();
    const created = await stack.queryAs(operator, create, { input });
    expect(created.errors).toBeUndefined();
    expect(created.data.createExperiment).toMatchObject({ key: 'REG_OFFER', status: 'RUNNING', holdoutWeight: 0.1 });

    // 240 visitors register through the mini-program and see their offer; the first-order offer
    // converts 3 in 5, the other 1 in 5 (a known effect).
    const expose = `mutation ($m: ID!, $c: Channel!) { recordExperimentExposure(experimentKey: "REG_OFFER", memberId: $m, channel: $c) { variant recorded } }`;
    const convert = `mutation ($m: ID!) { recordExperimentConversion(experimentKey: "REG_OFFER", memberId: $m, channel: MINI_PROGRAM) { variant recorded } }`;
    const seen = { SPEND100_GET20: 0, FIRST_ORDER_20: 0, HOLDOUT: 0 } as Record<string, number>;
    await inChunks(Array.from({ length: 240 }), 12, async () => {
      const memberId = await register('MINI_PROGRAM');
      const exposure = await stack.queryAs(operator, expose, { m: memberId, c: 'MINI_PROGRAM' });
      expect(exposure.errors).toBeUndefined();
      const { variant } = exposure.data.recordExperimentExposure;
      // The same member in another channel: the same group, counted once.
      expect((await stack.queryAs(operator, expose, { m: memberId, c: 'WEB' })).data.recordExperimentExposure).toEqual({
        variant,
        recorded: false,
      });
      seen[variant] += 1;
      const converts = variant === 'FIRST_ORDER_20' ? seen[variant] % 5 < 3 : seen[variant] % 5 === 0;
      if (converts) expect((await stack.queryAs(operator, convert, { m: memberId })).data.recordExperimentConversion.recorded).toBe(true);
    });
    const cost = `mutation ($v: String!, $a: String!, $k: String!) { recordExperimentCost(experimentKey: "REG_OFFER", variant: $v, amount: $a, idempotencyKey: $k) { key } }`;
    expect((await stack.queryAs(operator, cost, { v: 'FIRST_ORDER_20', a: '1200.00', k: 'reg-offer-cost-b' })).errors).toBeUndefined();
    // A retried request records nothing more.
    expect((await stack.queryAs(operator, cost, { v: 'FIRST_ORDER_20', a: '1200.00', k: 'reg-offer-cost-b' })).errors).toBeUndefined();
    expect((await stack.queryAs(operator, cost, { v: 'SPEND100_GET20', a: '800.00', k: 'reg-offer-cost-a' })).errors).toBeUndefined();

    const read = await stack.queryAs(analyst, EXPERIMENT, { key: 'REG_OFFER' });
    expect(read.errors).toBeUndefined();
    const { results } = read.data.experiment;
    expect(results.significantWinner).toBe('FIRST_ORDER_20');
    const winner = results.groups.find((g: { key: string }) => g.key === 'FIRST_ORDER_20');
    const control = results.groups.find((g: { key: string }) => g.key === 'SPEND100_GET20');
    expect(results.groups.map((g: { key: string }) => g.key)).toEqual(['SPEND100_GET20', 'FIRST_ORDER_20', 'HOLDOUT']);
    expect(results.groups.reduce((n: number, g: { exposures: number }) => n + g.exposures, 0)).toBe(240);
    expect(winner).toMatchObject({ control: false, significant: true, cost: '1200.00', exposures: seen.FIRST_ORDER_20 });
    expect(winner.pValue).toBeLessThan(0.01);
    expect(winner.lift).toBeGreaterThan(1);
    expect(winner.differenceLow).toBeGreaterThan(0);
    expect(winner.cac).toBe((Math.round(120_000 / winner.conversions) / 100).toFixed(2));
    expect(control).toMatchObject({ control: true, cost: '800.00', lift: null, pValue: null });

    const stop = `mutation ($p: String) { stopExperiment(experimentKey: "REG_OFFER", promote: $p) { status winner } }`;
    expect(codeOf(await stack.queryAs(analyst, stop, { p: 'FIRST_ORDER_20' }))).toBe('FORBIDDEN');
    expect((await stack.queryAs(operator, stop, { p: 'FIRST_ORDER_20' })).data.stopExperiment).toEqual({
      status: 'STOPPED',
      winner: 'FIRST_ORDER_20',
    });
    expect(codeOf(await stack.queryAs(operator, stop, { p: 'SPEND100_GET20' }))).toBe('CONFLICT');
    // A member signing in on any channel now sees the winner.
    const signedIn = await stack.loginMember(uniquePhone(), 'WEB');
    const mine = await stack.queryAs(signedIn.accessToken, '{ me { id experimentVariant(experimentKey: "REG_OFFER") } }');
    expect(mine.errors).toBeUndefined();
    expect(mine.data.me.experimentVariant).toBe('FIRST_ORDER_20');
  });
});

describe('members by RFM segment and K-means cluster', () => {
  it('recomputes from streamed statistics and shows segments, clusters and Relay pages of members', async () => {
    // Heavy buyers (5 × 800 CNY), one-off small buyers (1 × 50 CNY), and members who never bought.
    const heavy = await inChunks(Array.from({ length: 12 }), 6, () => register('WEB'));
    const light = await inChunks(Array.from({ length: 12 }), 6, () => register('POS'));
    await inChunks(Array.from({ length: 6 }), 6, () => register('WEB'));
    const order = (memberId: string, amount: string) =>
      stack
        .query(RECORD_ORDER, { memberId, orderNo: `G-${randomUUID()}`, amount, channel: 'WEB' })
        .then((r) => expect(r.errors).toBeUndefined());
    await inChunks(
      heavy.flatMap((id) => Array.from({ length: 5 }, () => id)),
      10,
      (id) => order(id, '800.00'),
    );
    await inChunks(light, 6, (id) => order(id, '50.00'));

    const define = `mutation ($input: DefineSegmentInput!) { defineSegment(input: $input) { id key rules memberCount computedAt } }`;
    const rules = JSON.stringify({
      all: [
        { field: 'purchases', op: 'gte', value: 3 },
        { field: 'averageSpend', op: 'gte', value: '500.00' },
      ],
    });
    const malformed = await stack.queryAs(operator, define, { input: { key: 'BAD', name: 'bad', rules: '{"all":[' } });
    expect(codeOf(malformed)).toBe('BAD_USER_INPUT');
    const unknown = await stack.queryAs(operator, define, {
      input: { key: 'BAD', name: 'bad', rules: '{"field":"rfmSegment","op":"eq","value":"WHALES"}' },
    });
    expect(codeOf(unknown)).toBe('BAD_USER_INPUT');
    const defined = await stack.queryAs(operator, define, {
      input: { key: 'BRING_A_FRIEND', name: 'Double points for bringing a friend', rules },
    });
    expect(defined.errors).toBeUndefined();
    expect(defined.data.defineSegment).toMatchObject({ key: 'BRING_A_FRIEND', memberCount: 0, computedAt: null });

    const recompute = await stack.queryAs(
      operator,
      'mutation { recomputeSegments { members segments { key memberCount } clustering { k silhouette wcss candidates { k wcss silhouette } clusters { index name size } } } }',
    );
    expect(recompute.errors).toBeUndefined();
    const run = recompute.data.recomputeSegments;
    // Everyone registered in this stack (the A/B test's members too), scored.
    expect(run.members).toBeGreaterThanOrEqual(30);
    expect(run.segments).toEqual([{ key: 'BRING_A_FRIEND', memberCount: 12 }]);
    expect(run.clustering.k).toBeGreaterThanOrEqual(2);
    expect(run.clustering.candidates.length).toBeGreaterThanOrEqual(2);
    expect(run.clustering.clusters.reduce((n: number, c: { size: number }) => n + c.size, 0)).toBe(run.members);

    const summary = await stack.queryAs(
      analyst,
      '{ segmentSummary { members rfm { segment label members } customer { segment members } } }',
    );
    expect(summary.errors).toBeUndefined();
    const rfm = Object.fromEntries(
      summary.data.segmentSummary.rfm.map((s: { segment: string; members: number }) => [s.segment, s.members]),
    );
    expect(rfm.HIGH_VALUE).toBe(12);
    expect(summary.data.segmentSummary.rfm[0]).toMatchObject({ segment: 'HIGH_VALUE', label: '重要價值客戶' });
    const customer = Object.fromEntries(
      summary.data.segmentSummary.customer.map((s: { segment: string; members: number }) => [s.segment, s.members]),
    );
    expect(customer).toMatchObject({ LOYAL: 12, POTENTIAL: 12 });

    // Members of the HIGH_VALUE segment, two pages, with their cluster and a field from the member service.
    const page = /* GraphQL */ `
      query ($after: String) {
        membersBy(rfmSegment: HIGH_VALUE, first: 8, after: $after) {
          edges {
            cursor
            node {
              id
              maskedPhone
              segment {
                rfmSegment
                customerSegment
                recencyScore
                frequencyScore
                monetaryScore
                frequency
                monetary
                cluster {
                  name
                  description
                  size
                  averageSpend
                }
                segments {
                  key
                }
              }
            }
          }
          pageInfo {
            hasNextPage
            endCursor
          }
        }
      }
    `;
    const first = await stack.queryAs(operator, page);
    expect(first.errors).toBeUndefined();
    expect(first.data.membersBy.edges).toHaveLength(8);
    expect(first.data.membersBy.pageInfo.hasNextPage).toBe(true);
    const second = await stack.queryAs(operator, page, { after: first.data.membersBy.pageInfo.endCursor });
    expect(second.data.membersBy.edges).toHaveLength(4);
    expect(second.data.membersBy.pageInfo.hasNextPage).toBe(false);
    const all = [...first.data.membersBy.edges, ...second.data.membersBy.edges].map((e: { node: { id: string } }) => e.node);
    expect(new Set(all.map((m) => m.id))).toEqual(new Set(heavy));
    const one = all[0] as any;
    expect(one.maskedPhone).toMatch(/^\d{3}\*{4}\d{4}$/);
    expect(one.segment).toMatchObject({
      rfmSegment: 'HIGH_VALUE',
      customerSegment: 'LOYAL',
      recencyScore: 5,
      frequency: 5,
      monetary: '800.00',
      segments: [{ key: 'BRING_A_FRIEND' }],
    });
    expect(one.segment.cluster.name).toBe('HIGH_VALUE');
    expect(one.segment.cluster.description).toMatch(/^\d+ members/);

    // The segment's own Relay connection.
    const segment = await stack.queryAs(
      analyst,
      '{ segment(key: "BRING_A_FRIEND") { memberCount members(first: 100) { edges { node { id } } } } }',
    );
    expect(segment.data.segment.memberCount).toBe(12);
    expect(new Set(segment.data.segment.members.edges.map((e: { node: { id: string } }) => e.node.id))).toEqual(new Set(heavy));
    // A cursor from elsewhere is refused.
    expect(codeOf(await stack.queryAs(analyst, page, { after: 'not-a-cursor' }))).toBe('BAD_USER_INPUT');
  });
});

describe('channel CAC', () => {
  it('is spend over members who registered through the channel in the month', async () => {
    const month = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
    const spend = `mutation ($a: String!, $k: String!, $m: String!) { recordChannelSpend(channel: MINI_PROGRAM, month: $m, amount: $a, idempotencyKey: $k) { amount replayed } }`;
    expect(codeOf(await stack.queryAs(operator, spend, { a: '-1.00', k: 'spend-mp-bad-1', m: month }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await stack.queryAs(analyst, spend, { a: '1.00', k: 'spend-mp-analyst', m: month }))).toBe('FORBIDDEN');
    expect((await stack.queryAs(operator, spend, { a: '4800.00', k: 'spend-mp-1', m: month })).data.recordChannelSpend).toEqual({
      amount: '4800.00',
      replayed: false,
    });
    expect((await stack.queryAs(operator, spend, { a: '4800.00', k: 'spend-mp-1', m: month })).data.recordChannelSpend.replayed).toBe(true);
    const cac = await stack.queryAs(analyst, 'query ($m: String!) { channelCac(month: $m) { channel month spend membersAcquired cac } }', {
      m: month,
    });
    expect(cac.errors).toBeUndefined();
    const mini = cac.data.channelCac.find((c: { channel: string }) => c.channel === 'MINI_PROGRAM');
    // The A/B test registered 240 members through the mini-program this month: 4,800 / 240 = 20.
    expect(mini).toEqual({ channel: 'MINI_PROGRAM', month, spend: '4800.00', membersAcquired: 240, cac: '20.00' });
  });
});
