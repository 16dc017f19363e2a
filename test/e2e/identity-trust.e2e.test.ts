import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLogger, signIdentity, type ServiceHandle, type ServiceName } from '../../services/kit/src';
import { loadRiskConfig } from '../../services/risk/src/config';
import { createRiskService } from '../../services/risk/src/server';
import { grpcCall } from '../harness/grpc';
import { postGraphQL, startStack, testDatabaseEnv, type Stack } from '../harness/startStack';

const DEV_SECRET = 'membergraph-development-secret-change-me';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ withGateway: false });
});
afterAll(() => stack?.stop());

const SUBGRAPHS: ServiceName[] = ['member', 'points', 'benefits', 'campaign', 'risk'];
const PROBE = '{ _service { sdl } }';
const BODY_OF_PROBE = JSON.stringify({ query: PROBE, variables: {} });

describe('subgraphs cannot be reached around the gateway', () => {
  it.each(SUBGRAPHS)('%s answers 401 without a signature', async (service) => {
    const { status, body } = await postGraphQL(stack.services[service].httpUrl, PROBE);
    expect(status).toBe(401);
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(body.data).toBeUndefined();
    // Outside development the answer does not say which check failed (it is in the log).
    expect(body.errors?.[0]?.message).toBe('unauthenticated');
  });

  it.each(SUBGRAPHS)('%s answers 401 to a signature made with another secret', async (service) => {
    const forged = signIdentity({ kind: 'STAFF', subject: 'mallory', roles: ['ADMIN'] }, 'not-the-real-secret-at-all', BODY_OF_PROBE);
    const { status, body } = await postGraphQL(stack.services[service].httpUrl, PROBE, {}, forged);
    expect(status).toBe(401);
    expect(body.errors?.[0]?.message).toBe('unauthenticated');
  });

  it('answers 401 when a signed identity is altered (promoted to ADMIN)', async () => {
    const genuine = signIdentity({ kind: 'MEMBER', subject: 'm1' }, DEV_SECRET, BODY_OF_PROBE);
    const tampered = {
      ...genuine,
      'x-mg-identity': Buffer.from(JSON.stringify({ kind: 'STAFF', roles: ['ADMIN'] })).toString('base64url'),
    };
    const { status } = await postGraphQL(stack.services.member.httpUrl, PROBE, {}, tampered);
    expect(status).toBe(401);
  });

  it('answers 401 to a replayed signature older than a minute', async () => {
    const stale = signIdentity({ kind: 'ANONYMOUS' }, DEV_SECRET, BODY_OF_PROBE, Date.now() - 120_000);
    const { status, body } = await postGraphQL(stack.services.points.httpUrl, PROBE, {}, stale);
    expect(status).toBe(401);
    expect(body.errors?.[0]?.message).toBe('unauthenticated');
  });

  it('answers 401 to a signature older than the default window of a few seconds', async () => {
    const replayed = signIdentity({ kind: 'ANONYMOUS' }, DEV_SECRET, BODY_OF_PROBE, Date.now() - 10_000);
    expect((await postGraphQL(stack.services.points.httpUrl, PROBE, {}, replayed)).status).toBe(401);
    const fresh = signIdentity({ kind: 'ANONYMOUS' }, DEV_SECRET, BODY_OF_PROBE);
    expect((await postGraphQL(stack.services.points.httpUrl, PROBE, {}, fresh)).status).toBe(200);
  });

  it('answers 401 to signed headers sent with another body than the one they were signed for', async () => {
    const signed = signIdentity({ kind: 'STAFF', subject: 's1', roles: ['ADMIN'] }, DEV_SECRET, BODY_OF_PROBE);
    const { status } = await postGraphQL(stack.services.member.httpUrl, '{ tiers { id } }', {}, signed);
    expect(status).toBe(401);
    // The same headers with the body they were made for are fine.
    expect((await postGraphQL(stack.services.member.httpUrl, PROBE, {}, signed)).status).toBe(200);
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

/** Records what the gateway sends to one subgraph (GraphQL and its key set), and forwards it there unchanged. */
function recordingForwarder(): { server: Server; target: { url: string }; seen: Array<{ headers: IncomingHttpHeaders; body: string }> } {
  const target = { url: '' };
  const seen: Array<{ headers: IncomingHttpHeaders; body: string }> = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      seen.push({ headers: req.headers, body });
      const onward = request(new URL(req.url ?? '/', target.url), { method: req.method, headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      onward.end(body);
    });
  });
  return { server, target, seen };
}

describe('a captured gateway request cannot be replayed', () => {
  let viaGateway: Stack;
  const forwarder = recordingForwarder();
  beforeAll(async () => {
    await new Promise<void>((resolve) => forwarder.server.listen(0, '127.0.0.1', resolve));
    const port = (forwarder.server.address() as AddressInfo).port;
    viaGateway = await startStack({
      env: { MEMBER_URL: `http://127.0.0.1:${port}/graphql`, IDENTITY_SIGNATURE_MAX_AGE_MS: '800', IDENTITY_SIGNATURE_CLOCK_SKEW_MS: '0' },
    });
    forwarder.target.url = viaGateway.services.member.httpUrl;
  });
  afterAll(async () => {
    await viaGateway?.stop();
    await new Promise((resolve) => forwarder.server.close(resolve));
  });

  it('is refused with another body at once, and with its own body once the window has passed', async () => {
    const answer = await viaGateway.query('{ tiers { id } }');
    expect(answer.data?.tiers.length).toBeGreaterThan(0);
    const captured = forwarder.seen.find((call) => call.body.includes('tiers'))!;
    expect(captured).toBeDefined();
    const headers = Object.fromEntries(
      ['x-mg-identity', 'x-mg-timestamp', 'x-mg-signature'].map((name) => [name, String(captured.headers[name])]),
    );
    const send = (body: string) =>
      fetch(viaGateway.services.member.httpUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    // The captured ADMIN headers, reused for another operation: refused.
    expect((await send(JSON.stringify({ query: '{ partnerKeys { prefix } }' }))).status).toBe(401);
    // The very same request, once the window (800 ms here) has passed: refused as well.
    const issued = Number(headers['x-mg-timestamp']);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, issued + 900 - Date.now())));
    expect((await send(captured.body)).status).toBe(401);
  });
});

describe('in development', () => {
  let risk: ServiceHandle;
  const database = testDatabaseEnv();
  beforeAll(async () => {
    const env = { ...database.env, NODE_ENV: 'development', LOG_LEVEL: 'silent', RISK_HTTP_PORT: '0', RISK_GRPC_PORT: '0' };
    risk = await createRiskService(loadRiskConfig(env), createLogger('risk', 'silent'));
  });
  afterAll(async () => {
    await risk?.stop();
    await database.cleanup();
  });

  it('a 401 says which check failed', async () => {
    expect((await postGraphQL(risk.httpUrl, PROBE)).body.errors?.[0]?.message).toBe('missing identity signature');
    const forged = signIdentity({ kind: 'ANONYMOUS' }, 'not-the-real-secret-at-all', BODY_OF_PROBE);
    expect((await postGraphQL(risk.httpUrl, PROBE, {}, forged)).body.errors?.[0]?.message).toBe('forged identity signature');
  });
});
