import { grpcCall } from '../../../test/harness/grpc';
import { startStack, type Stack } from '../../../test/harness/startStack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ withGateway: false });
});
afterAll(() => stack?.stop());

const assess = (request: object) => grpcCall('risk', 'RiskService', stack.services.risk.grpcAddress, 'assess', request);

describe('risk subgraph', () => {
  it('Assess allows by default and records the decision; a retry with the same key returns the same decision', async () => {
    const request = { action: 'EARN', memberId: 'm1', amountFen: '19990', channel: 'WEB', idempotencyKey: 'EARN:O-1' };
    const first = await assess(request);
    expect(first).toMatchObject({ decision: 'ALLOW', reason: 'no rule matched' });
    const concurrent = await Promise.all([assess(request), assess(request), assess(request)]);
    for (const again of concurrent) expect(again.eventId).toBe(first.eventId);
    const [{ n }] = await stack.services.risk.dataSource.query('SELECT COUNT(*) AS n FROM risk_events');
    expect(Number(n)).toBe(1);
  });

  it('Assess refuses malformed requests with INVALID_ARGUMENT', async () => {
    await expect(assess({ action: 'earn!', memberId: 'm1', amountFen: '1', channel: 'WEB', idempotencyKey: 'k' })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    await expect(assess({ action: 'EARN', memberId: 'm1', amountFen: '1', channel: 'WEB', idempotencyKey: '' })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
  });

  it('resolves Member.risk through _entities: LOW without a profile, with the count of assessments', async () => {
    const { RiskProfile } = await import('../src/db/entities/RiskProfile');
    await stack.services.risk.dataSource.getRepository(RiskProfile).insert({ memberId: 'm2', level: 'HIGH', updatedAt: new Date() });
    const response = await stack.querySubgraph(
      'risk',
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Member { id risk { level assessments } } } }`,
      {
        r: [
          { __typename: 'Member', id: 'm1' },
          { __typename: 'Member', id: 'm2' },
          { __typename: 'Member', id: 'm3' },
        ],
      },
    );
    expect(response.data._entities).toEqual([
      { id: 'm1', risk: { level: 'LOW', assessments: 1 } },
      { id: 'm2', risk: { level: 'HIGH', assessments: 0 } },
      { id: 'm3', risk: { level: 'LOW', assessments: 0 } },
    ]);
  });

  it('Assess answers the decision with its score and reasons over gRPC', async () => {
    const register = (n: number) =>
      assess({
        action: 'REGISTER',
        memberId: `dev-m${n}`,
        amountFen: '0',
        channel: 'WEB',
        deviceId: 'dev-shared',
        idempotencyKey: `REG:dev-m${n}`,
      });
    for (let n = 1; n <= 3; n++) expect(await register(n)).toMatchObject({ decision: 'ALLOW', score: 0, reasons: [] });
    expect(await register(4)).toMatchObject({
      decision: 'REVIEW',
      score: 40,
      reason: 'device-shared: 4 members on device dev-shared within 30 d (limit 3)',
      reasons: [
        {
          rule: 'device-shared',
          outcome: 'REVIEW',
          score: 40,
          detail: '4 members on device dev-shared within 30 d (limit 3)',
          relatedMemberIds: expect.arrayContaining(['dev-m1', 'dev-m2', 'dev-m3']),
        },
      ],
    });
    await expect(
      assess({ action: 'REGISTER', memberId: 'dev-m5', amountFen: '0', channel: 'WEB', idempotencyKey: 'REG:dev-m5' }),
    ).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      message: 'REGISTER needs a device_id or an ip',
    });
  });

  it('staff read Member.risk with score, reasons and last decisions; a member sees the level only', async () => {
    const RISK = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Member { risk { level score reasons { rule detail relatedMemberIds } lastDecisions(first: 2) { action decision score reasons { rule } review { status } } } } } }`;
    const response = await stack.querySubgraph(
      'risk',
      RISK,
      { r: [{ __typename: 'Member', id: 'dev-m4' }] },
      { kind: 'STAFF', subject: 'agent', roles: ['SERVICE_AGENT'] },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data._entities[0].risk).toEqual({
      level: 'MEDIUM',
      score: 40,
      reasons: [
        {
          rule: 'device-shared',
          detail: '4 members on device dev-shared within 30 d (limit 3)',
          relatedMemberIds: expect.arrayContaining(['dev-m1']),
        },
      ],
      lastDecisions: [
        { action: 'REGISTER', decision: 'REVIEW', score: 40, reasons: [{ rule: 'device-shared' }], review: { status: 'PENDING' } },
      ],
    });
    const asMember = await stack.querySubgraph(
      'risk',
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Member { risk { level score } } } }`,
      { r: [{ __typename: 'Member', id: 'dev-m4' }] },
      { kind: 'MEMBER', subject: 'dev-m4' },
    );
    expect(asMember.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const level = await stack.querySubgraph(
      'risk',
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Member { risk { level } } } }`,
      { r: [{ __typename: 'Member', id: 'dev-m4' }] },
      { kind: 'MEMBER', subject: 'dev-m4' },
    );
    expect(level).toEqual({ data: { _entities: [{ risk: { level: 'MEDIUM' } }] } });
  });

  it('the review queue: pages of pending decisions, approved or rejected with a reason by ADMIN or SERVICE_AGENT only', async () => {
    for (let n = 5; n <= 7; n++) {
      await assess({
        action: 'REGISTER',
        memberId: `dev-m${n}`,
        amountFen: '0',
        channel: 'WEB',
        deviceId: 'dev-shared',
        idempotencyKey: `REG:dev-m${n}`,
      });
    }
    const QUEUE = `query($after: String) { riskReviews(first: 2, after: $after) { edges { node { id memberId decision reasons { rule } } } pageInfo { hasNextPage endCursor } } }`;
    const first = await stack.querySubgraph('risk', QUEUE);
    expect(first.data.riskReviews.edges.map((e: any) => e.node.memberId)).toEqual(['dev-m4', 'dev-m5']);
    expect(first.data.riskReviews.pageInfo.hasNextPage).toBe(true);
    const second = await stack.querySubgraph('risk', QUEUE, { after: first.data.riskReviews.pageInfo.endCursor });
    expect(second.data.riskReviews.edges.map((e: any) => e.node.memberId)).toEqual(['dev-m6', 'dev-m7']);
    expect(second.data.riskReviews.pageInfo.hasNextPage).toBe(false);

    const REVIEW = `mutation($id: ID!, $verdict: RiskReviewVerdict!, $reason: String!) { reviewRiskDecision(id: $id, verdict: $verdict, reason: $reason) { memberId review { status reviewedBy reason } } }`;
    const id = first.data.riskReviews.edges[0].node.id;
    const analyst = await stack.querySubgraph(
      'risk',
      REVIEW,
      { id, verdict: 'REJECT', reason: 'farm device' },
      { kind: 'STAFF', subject: 'a', roles: ['ANALYST'] },
    );
    expect(analyst.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const rejected = await stack.querySubgraph(
      'risk',
      REVIEW,
      { id, verdict: 'REJECT', reason: 'farm device' },
      { kind: 'STAFF', subject: 'agent-7', roles: ['SERVICE_AGENT'] },
    );
    expect(rejected).toEqual({
      data: {
        reviewRiskDecision: { memberId: 'dev-m4', review: { status: 'REJECTED', reviewedBy: 'staff:agent-7', reason: 'farm device' } },
      },
    });
    const after = await stack.querySubgraph('risk', QUEUE);
    expect(after.data.riskReviews.edges.map((e: any) => e.node.memberId)).toEqual(['dev-m5', 'dev-m6']);
    const level = await stack.querySubgraph(
      'risk',
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Member { risk { level } } } }`,
      { r: [{ __typename: 'Member', id: 'dev-m4' }] },
    );
    expect(level.data._entities[0].risk.level).toBe('HIGH');
  });

  it('rules: staff read them; ADMIN saves one, a definition that does not parse is BAD_USER_INPUT', async () => {
    const rules = await stack.querySubgraph(
      'risk',
      `{ riskRules { id enabled outcome score definition version } }`,
      {},
      { kind: 'STAFF', subject: 'a', roles: ['ANALYST'] },
    );
    expect(rules.data.riskRules.map((r: any) => r.id)).toContain('burn-velocity-ip');
    const SAVE = `mutation($input: RiskRuleInput!) { saveRiskRule(input: $input) { id version definition updatedBy } }`;
    const input = {
      id: 'login-velocity-ip',
      description: 'Logins from one IP',
      enabled: true,
      outcome: 'REVIEW',
      score: 20,
      definition: '{"kind":"VELOCITY","actions":["LOGIN"],"by":"IP","windowSeconds":600,"max":100}',
    };
    expect(await stack.querySubgraph('risk', SAVE, { input })).toEqual({
      data: {
        saveRiskRule: {
          id: 'login-velocity-ip',
          version: 2,
          definition: '{"kind":"VELOCITY","actions":["LOGIN"],"by":"IP","windowSeconds":600,"max":100}',
          updatedBy: 'staff:test-admin',
        },
      },
    });
    const bad = await stack.querySubgraph('risk', SAVE, { input: { ...input, definition: '{"kind":"VELOCITY"' } });
    expect(bad.errors?.[0]).toMatchObject({
      message: 'definition is not valid JSON',
      extensions: { code: 'BAD_USER_INPUT', field: 'definition' },
    });
    const agent = await stack.querySubgraph('risk', SAVE, { input }, { kind: 'STAFF', subject: 'a', roles: ['SERVICE_AGENT'] });
    expect(agent.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('/readyz turns 503 when the database is gone, while /healthz stays 200', async () => {
    const base = stack.services.risk.httpUrl.replace('/graphql', '');
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    await stack.services.risk.dataSource.destroy();
    expect((await fetch(`${base}/readyz`)).status).toBe(503);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });
});
