import { signIdentity, type ServiceName } from '../../services/kit/src';
import { grpcCall } from '../harness/grpc';
import { postGraphQL, startStack, type Stack } from '../harness/startStack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ withGateway: false });
});
afterAll(() => stack?.stop());

const SUBGRAPHS: ServiceName[] = ['member', 'points', 'benefits', 'campaign', 'risk'];
const PROBE = '{ _service { sdl } }';

describe('subgraphs cannot be reached around the gateway', () => {
  it.each(SUBGRAPHS)('%s answers 401 without a signature', async (service) => {
    const { status, body } = await postGraphQL(stack.services[service].httpUrl, PROBE);
    expect(status).toBe(401);
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(body.data).toBeUndefined();
  });

  it.each(SUBGRAPHS)('%s answers 401 to a signature made with another secret', async (service) => {
    const forged = signIdentity({ kind: 'STAFF', subject: 'mallory', roles: ['ADMIN'] }, 'not-the-real-secret-at-all');
    const { status } = await postGraphQL(stack.services[service].httpUrl, PROBE, {}, forged);
    expect(status).toBe(401);
  });

  it('answers 401 when a signed identity is altered (promoted to ADMIN)', async () => {
    const genuine = signIdentity({ kind: 'MEMBER', subject: 'm1' }, 'membergraph-development-secret-change-me');
    const tampered = {
      ...genuine,
      'x-mg-identity': Buffer.from(JSON.stringify({ kind: 'STAFF', roles: ['ADMIN'] })).toString('base64url'),
    };
    const { status } = await postGraphQL(stack.services.member.httpUrl, PROBE, {}, tampered);
    expect(status).toBe(401);
  });

  it('answers 401 to a replayed signature older than a minute', async () => {
    const stale = signIdentity({ kind: 'ANONYMOUS' }, 'membergraph-development-secret-change-me', Date.now() - 120_000);
    const { status } = await postGraphQL(stack.services.points.httpUrl, PROBE, {}, stale);
    expect(status).toBe(401);
  });

  it('accepts the gateway’s signature', async () => {
    const response = await stack.querySubgraph('risk', PROBE);
    expect(response.data?._service.sdl).toContain('RiskProfile');
  });
});

const CALLS: Array<[ServiceName, string, string, object]> = [
  ['member', 'MemberService', 'getMemberTiers', { memberIds: ['m1'] }],
  ['points', 'PointsService', 'getBalances', { memberIds: ['m1'] }],
  ['benefits', 'BenefitsService', 'listTierBenefits', { tierIds: ['GOLD'] }],
  ['campaign', 'CampaignService', 'getActivityCoefficient', { memberId: 'm1' }],
  ['risk', 'RiskService', 'assess', { action: 'EARN', memberId: 'm1', amountFen: '1', channel: 'WEB', idempotencyKey: 'trust-1' }],
];

describe('gRPC between services needs the service credential', () => {
  it.each(CALLS)('%s refuses a call without it, or with another one, and answers with it', async (service, name, method, request) => {
    const address = stack.services[service].grpcAddress;
    await expect(grpcCall(service, name, address, method, request, 2000, '')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(grpcCall(service, name, address, method, request, 2000, 'not-the-service-token-at-all')).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
    await expect(grpcCall(service, name, address, method, request)).resolves.toBeDefined();
  });
});
