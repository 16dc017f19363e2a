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

  it('/readyz turns 503 when the database is gone, while /healthz stays 200', async () => {
    const base = stack.services.risk.httpUrl.replace('/graphql', '');
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    await stack.services.risk.dataSource.destroy();
    expect((await fetch(`${base}/readyz`)).status).toBe(503);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });
});
