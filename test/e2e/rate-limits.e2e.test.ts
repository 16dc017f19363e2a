import Redis from 'ioredis';
import { loadGatewayConfig } from '../../gateway/src/config';
import { createGateway, type GatewayHandle } from '../../gateway/src/server';
import { createLogger, SERVICE_NAMES } from '../../services/kit/src';
import { uniquePhone } from '../harness/operations';
import { postGraphQL, startStack, type Stack } from '../harness/startStack';

const ME = '{ me { id } }';
const THREE = '{ a: me { id } b: me { id } c: me { id } }';

const ask = (url: string, token: string | null, query: string) =>
  postGraphQL(url, query, {}, token ? { authorization: `Bearer ${token}` } : {});

describe('rate limits per identity, counted in root fields (in memory)', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ env: { RATE_LIMIT_PER_IDENTITY_PER_MINUTE: '5', RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '1000' } });
  });
  afterAll(() => stack?.stop());

  it('5 root fields a minute: three aliases count three; the 6th field is 429 with Retry-After; another member is unaffected', async () => {
    const member = await stack.loginMember(uniquePhone());
    expect((await ask(stack.gatewayUrl, member.accessToken, THREE)).status).toBe(200);
    expect((await ask(stack.gatewayUrl, member.accessToken, ME)).status).toBe(200);
    expect((await ask(stack.gatewayUrl, member.accessToken, ME)).status).toBe(200);
    const refused = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${member.accessToken}` },
      body: JSON.stringify({ query: ME }),
    });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    const body = (await refused.json()) as { data?: unknown; errors: Array<{ extensions: { code: string } }> };
    expect(body.errors[0].extensions.code).toBe('TOO_MANY_REQUESTS');
    expect(body.data ?? null).toBeNull();
    const other = await stack.loginMember(uniquePhone());
    expect((await ask(stack.gatewayUrl, other.accessToken, ME)).status).toBe(200);
  });
});

describe('rate limits per client address', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ env: { RATE_LIMIT_PER_IDENTITY_PER_MINUTE: '1000', RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '4' } });
  });
  afterAll(() => stack?.stop());

  it('anonymous callers from one address share 4 root fields a minute', async () => {
    for (let i = 0; i < 4; i += 1) expect((await ask(stack.gatewayUrl, null, '{ tiers { id } }')).status).toBe(200);
    const refused = await ask(stack.gatewayUrl, null, '{ tiers { id } }');
    expect(refused.status).toBe(429);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('TOO_MANY_REQUESTS');
  });
});

const redisUrl = process.env.TEST_REDIS_URL ?? process.env.REDIS_URL;
// .ci/run starts Redis and sets TEST_REDIS_URL; elsewhere this part runs where Redis is at hand.
(redisUrl ? describe : describe.skip)('rate limits shared through Redis by every gateway replica', () => {
  let stack: Stack;
  let second: GatewayHandle;
  let redis: Redis;
  beforeAll(async () => {
    const env = { RATE_LIMIT_PER_IDENTITY_PER_MINUTE: '5', RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '100000', REDIS_URL: redisUrl };
    stack = await startStack({ env });
    const urls = Object.fromEntries(SERVICE_NAMES.map((s) => [`${s.toUpperCase()}_URL`, stack.services[s].httpUrl]));
    second = await createGateway(loadGatewayConfig({ ...stack.env, ...urls, GATEWAY_PORT: '0' }), createLogger('gateway-2', 'silent'));
    redis = new Redis(redisUrl!);
  });
  afterAll(async () => {
    await second?.stop();
    await stack?.stop();
    await redis?.quit();
  });

  it('counts a member’s fields across two gateways: 3 through one and 2 through the other, then both refuse', async () => {
    const member = await stack.loginMember(uniquePhone());
    expect((await ask(stack.gatewayUrl, member.accessToken, THREE)).status).toBe(200);
    expect((await ask(second.url, member.accessToken, ME)).status).toBe(200);
    expect((await ask(second.url, member.accessToken, ME)).status).toBe(200);
    expect((await ask(stack.gatewayUrl, member.accessToken, ME)).status).toBe(429);
    expect((await ask(second.url, member.accessToken, ME)).status).toBe(429);
    expect(Number(await redis.get(`mg:rl:identity:MEMBER:${member.memberId}`))).toBeGreaterThanOrEqual(5);
  });
});
