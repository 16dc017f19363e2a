import { loadGatewayConfig } from '../../gateway/src/config';
import { uniquePhone } from '../harness/operations';
import { postGraphQL, startStack, type Stack } from '../harness/startStack';

const SEND = 'mutation($p: String!) { requestLoginCode(phone: $p) { expiresIn } }';
const LOGIN = 'mutation($p: String!, $c: String!) { loginWithCode(phone: $p, code: $c) { accessToken } }';
const TIERS = '{ tiers { id } }';

/** The default per-address sign-in limits (the harness lifts them), and a small per-address rate limit. */
const LIMITS = {
  LOGIN_MAX_CODES_PER_HOUR_PER_ADDRESS: '5',
  LOGIN_MAX_FAILURES_PER_HOUR_PER_ADDRESS: '10',
  RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '40',
};

/** Every request of these tests comes from 127.0.0.1; `forwardedFor` is what a proxy would add. */
const from =
  (stack: Stack, forwardedFor: string) =>
  async (query: string, variables: Record<string, unknown> = {}) => {
    const { status, body } = await postGraphQL(stack.gatewayUrl, query, variables, { 'x-forwarded-for': forwardedFor });
    return { status, code: body.errors?.[0]?.extensions?.code };
  };

async function sendCodes(ask: ReturnType<typeof from>, count: number) {
  const codes = [];
  for (let i = 0; i < count; i += 1) codes.push((await ask(SEND, { p: uniquePhone() })).code);
  return codes;
}

async function wrongCodes(ask: ReturnType<typeof from>, count: number) {
  const codes = [];
  for (let i = 0; i < count; i += 1) codes.push((await ask(LOGIN, { p: uniquePhone(), c: '000000' })).code);
  return codes;
}

describe('behind trusted proxies (TRUSTED_PROXIES=loopback): each client has its own address', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ env: { ...LIMITS, TRUSTED_PROXIES: 'loopback' } });
  });
  afterAll(() => stack?.stop());

  it('two clients behind the proxy have separate code-send limits', async () => {
    const first = from(stack, '203.0.113.1');
    const second = from(stack, '203.0.113.2');
    expect(await sendCodes(first, 5)).toEqual(Array(5).fill(undefined));
    expect((await first(SEND, { p: uniquePhone() })).code).toBe('TOO_MANY_REQUESTS');
    expect(await sendCodes(second, 5)).toEqual(Array(5).fill(undefined));
    expect((await second(SEND, { p: uniquePhone() })).code).toBe('TOO_MANY_REQUESTS');
  });

  it('two clients behind the proxy have separate login-failure limits', async () => {
    const first = from(stack, '203.0.113.11');
    const second = from(stack, '203.0.113.12');
    expect(await wrongCodes(first, 10)).toEqual(Array(10).fill('UNAUTHENTICATED'));
    expect((await first(LOGIN, { p: uniquePhone(), c: '000000' })).code).toBe('TOO_MANY_REQUESTS');
    expect(await wrongCodes(second, 10)).toEqual(Array(10).fill('UNAUTHENTICATED'));
  });

  it('two clients behind the proxy have separate gateway rate limits', async () => {
    const first = from(stack, '203.0.113.21');
    for (let i = 0; i < 40; i += 1) expect((await first(TIERS)).status).toBe(200);
    expect((await first(TIERS)).status).toBe(429);
    expect((await from(stack, '203.0.113.22')(TIERS)).status).toBe(200);
  });

  it('an address a client wrote in front of the header is not believed: the last untrusted hop is the client', async () => {
    // The proxy appends the address it saw (203.0.113.31); whatever the client put before it is ignored.
    for (let i = 0; i < 5; i += 1)
      expect((await from(stack, `198.51.100.${i}, 203.0.113.31`)(SEND, { p: uniquePhone() })).code).toBe(undefined);
    expect((await from(stack, '198.51.100.99, 203.0.113.31')(SEND, { p: uniquePhone() })).code).toBe('TOO_MANY_REQUESTS');
  });
});

describe('without TRUSTED_PROXIES, X-Forwarded-For is ignored', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ env: LIMITS });
  });
  afterAll(() => stack?.stop());

  it('a client cannot escape the code-send and login-failure limits by spoofing the header', async () => {
    for (let i = 0; i < 5; i += 1) expect((await from(stack, `203.0.113.${i}`)(SEND, { p: uniquePhone() })).code).toBe(undefined);
    expect((await from(stack, '203.0.113.99')(SEND, { p: uniquePhone() })).code).toBe('TOO_MANY_REQUESTS');
    for (let i = 0; i < 10; i += 1) {
      expect((await from(stack, `203.0.113.${100 + i}`)(LOGIN, { p: uniquePhone(), c: '000000' })).code).toBe('UNAUTHENTICATED');
    }
    expect((await from(stack, '203.0.113.200')(LOGIN, { p: uniquePhone(), c: '000000' })).code).toBe('TOO_MANY_REQUESTS');
  });
});

describe('TRUSTED_PROXIES', () => {
  it('takes IPs, CIDRs and proxy-addr names, and refuses anything else naming the variable', () => {
    expect(loadGatewayConfig({ TRUSTED_PROXIES: '10.0.0.0/8, 192.168.1.7, loopback, ::1' }).trustedProxies).toEqual([
      '10.0.0.0/8',
      '192.168.1.7',
      'loopback',
      '::1',
    ]);
    expect(loadGatewayConfig({}).trustedProxies).toEqual([]);
    for (const bad of ['ingress.local', '10.0.0.0/33', '300.1.1.1'])
      expect(() => loadGatewayConfig({ TRUSTED_PROXIES: bad })).toThrow(/TRUSTED_PROXIES/);
  });
});
