import { IsNull } from 'typeorm';
import { Agent, request } from 'undici';
import { LoginCode } from '../../services/member/src/db/entities/LoginCode';
import { uniquePhone } from '../harness/operations';
import { startStack, type Stack } from '../harness/startStack';

const SEND = 'mutation($p: String!) { requestLoginCode(phone: $p) { expiresIn } }';
const LOGIN = 'mutation($p: String!, $c: String!) { loginWithCode(phone: $p, code: $c) { accessToken member { id } } }';

const codeOf = (response: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => response.errors?.[0]?.extensions?.code;

/** A wrong code for `right`: every digit shifted, so it can never match by chance. */
const wrongFor = (right: string) => right.replace(/\d/g, (d) => String((Number(d) + 1) % 10));

describe('sign-in codes, per phone (the address limits are lifted here: every test runs from 127.0.0.1)', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack?.stop());

  const lastCode = (phone: string) => [...stack.sms].reverse().find((m) => m.phone === phone)!.code;

  it('are random 6-digit codes, stored only as an HMAC, that work once', async () => {
    const phone = uniquePhone();
    expect((await stack.queryAs(null, SEND, { p: phone })).data.requestLoginCode.expiresIn).toBe(300);
    const code = lastCode(phone);
    const rows = await stack.services.member.dataSource.query('SELECT * FROM login_codes');
    expect(JSON.stringify(rows)).not.toContain(code);
    expect(JSON.stringify(rows)).not.toContain(phone);
    expect((await stack.queryAs(null, LOGIN, { p: phone, c: code })).data.loginWithCode.member.id).toEqual(expect.any(String));
    expect(codeOf(await stack.queryAs(null, LOGIN, { p: phone, c: code }))).toBe('UNAUTHENTICATED');
  });

  it('expire after 5 minutes', async () => {
    const phone = uniquePhone();
    await stack.queryAs(null, SEND, { p: phone });
    await stack.services.member.dataSource
      .getRepository(LoginCode)
      .update({ consumedAt: IsNull() }, { expiresAt: new Date(Date.now() - 1000) });
    expect(codeOf(await stack.queryAs(null, LOGIN, { p: phone, c: lastCode(phone) }))).toBe('UNAUTHENTICATED');
  });

  it('only the newest code counts', async () => {
    const phone = uniquePhone();
    await stack.queryAs(null, SEND, { p: phone });
    const older = lastCode(phone);
    await stack.queryAs(null, SEND, { p: phone });
    const newer = lastCode(phone);
    if (older !== newer) expect(codeOf(await stack.queryAs(null, LOGIN, { p: phone, c: older }))).toBe('UNAUTHENTICATED');
    expect((await stack.queryAs(null, LOGIN, { p: phone, c: newer })).errors).toBeUndefined();
  });

  it('at most 5 are sent to a phone in an hour; the 6th is TOO_MANY_REQUESTS and sends nothing', async () => {
    const phone = uniquePhone();
    for (let i = 0; i < 5; i += 1) expect((await stack.queryAs(null, SEND, { p: phone })).errors).toBeUndefined();
    const sent = stack.sms.filter((m) => m.phone === phone).length;
    expect(codeOf(await stack.queryAs(null, SEND, { p: phone }))).toBe('TOO_MANY_REQUESTS');
    expect(stack.sms.filter((m) => m.phone === phone)).toHaveLength(sent);
  });

  it('the 11th try after 10 wrong codes is refused even with the right code; aliases in one document never add tries', async () => {
    const phone = uniquePhone();
    await stack.queryAs(null, SEND, { p: phone });
    const right = lastCode(phone);
    const wrong = wrongFor(right);
    for (let i = 0; i < 5; i += 1) expect(codeOf(await stack.queryAs(null, LOGIN, { p: phone, c: wrong }))).toBe('UNAUTHENTICATED');
    // Five documents of four aliased tries each: mutations run one after another and the first
    // failure ends the document, so each counts one try — and each try is counted.
    const aliased = (code: string) =>
      `mutation { ${[...Array(4).keys()].map((i) => `t${i}: loginWithCode(phone: "${phone}", code: "${code}") { accessToken }`).join(' ')} }`;
    for (let i = 0; i < 5; i += 1) {
      const response = await stack.queryAs(null, aliased(wrong));
      expect((response.errors ?? []).map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    }
    // The lock falls on this address's tries at this phone (the pair), not on the phone itself.
    const [pair] = await stack.services.member.dataSource.query(
      "SELECT failures, locked_until FROM login_guards WHERE guard_key LIKE 'pair:%' AND failures >= 10",
    );
    expect(Number(pair.failures)).toBe(10);
    expect(pair.locked_until).not.toBeNull();
    const [own] = await stack.services.member.dataSource.query(
      "SELECT failures, locked_until FROM login_guards WHERE guard_key LIKE 'phone:%' AND failures >= 10",
    );
    expect(Number(own.failures)).toBe(10);
    expect(own.locked_until).toBeNull();
    // The 11th try, with the right code, hidden as an alias: refused; so is a plain request and a new code.
    expect((await stack.queryAs(null, aliased(right))).errors?.[0]?.extensions?.code).toBe('TOO_MANY_REQUESTS');
    expect(codeOf(await stack.queryAs(null, LOGIN, { p: phone, c: right }))).toBe('TOO_MANY_REQUESTS');
    expect(codeOf(await stack.queryAs(null, SEND, { p: phone }))).toBe('TOO_MANY_REQUESTS');
  });

  it('concurrent wrong tries are all counted: 30 at once lock this address out of the phone after exactly 10', async () => {
    const phone = uniquePhone();
    await stack.queryAs(null, SEND, { p: phone });
    const wrong = wrongFor(lastCode(phone));
    const answers = await Promise.all([...Array(30).keys()].map(() => stack.queryAs(null, LOGIN, { p: phone, c: wrong })));
    const codes = answers.map(codeOf);
    expect(codes.filter((c) => c === 'UNAUTHENTICATED')).toHaveLength(10);
    expect(codes.filter((c) => c === 'TOO_MANY_REQUESTS')).toHaveLength(20);
    const [guard] = await stack.services.member.dataSource.query(
      "SELECT failures FROM login_guards WHERE guard_key LIKE 'pair:%' AND failures = 10 AND locked_until IS NOT NULL",
    );
    expect(guard).toBeDefined();
  });

  it('malformed phones and codes are BAD_USER_INPUT or a failed try, never a crash', async () => {
    expect(codeOf(await stack.queryAs(null, SEND, { p: '12345' }))).toBe('BAD_USER_INPUT');
    const phone = uniquePhone();
    await stack.queryAs(null, SEND, { p: phone });
    for (const c of ['', '12345', '1234567', "1' OR '1'='1", 'x'.repeat(5000)]) {
      expect(codeOf(await stack.queryAs(null, LOGIN, { p: phone, c }))).toBe('UNAUTHENTICATED');
    }
  });
});

describe('sign-in codes, per client address (default limits)', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ env: { LOGIN_MAX_CODES_PER_HOUR_PER_ADDRESS: '5', LOGIN_MAX_FAILURES_PER_HOUR_PER_ADDRESS: '10' } });
  });
  afterAll(() => stack?.stop());

  it('at most 5 codes an hour from one address, whatever the phones', async () => {
    for (let i = 0; i < 5; i += 1) expect((await stack.queryAs(null, SEND, { p: uniquePhone() })).errors).toBeUndefined();
    expect(codeOf(await stack.queryAs(null, SEND, { p: uniquePhone() }))).toBe('TOO_MANY_REQUESTS');
  });

  it('10 wrong codes from one address, spread over many phones, lock the address', async () => {
    for (let i = 0; i < 10; i += 1)
      expect(codeOf(await stack.queryAs(null, LOGIN, { p: uniquePhone(), c: '000000' }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await stack.queryAs(null, LOGIN, { p: uniquePhone(), c: '000000' }))).toBe('TOO_MANY_REQUESTS');
  });
});

describe('staff passwords', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack?.stop());

  it('10 wrong passwords lock this address out of the account for the hour, even with the right one', async () => {
    await stack.query(
      'mutation { createStaff(input: { username: "locked.out", password: "the-right-passphrase", roles: [ANALYST] }) { id } }',
    );
    const attempt = (password: string) =>
      stack.queryAs(null, 'mutation($p: String!) { staffLogin(username: "locked.out", password: $p) { accessToken } }', { p: password });
    for (let i = 0; i < 10; i += 1) expect(codeOf(await attempt(`wrong-passphrase-${i}`))).toBe('UNAUTHENTICATED');
    expect(codeOf(await attempt('the-right-passphrase'))).toBe('TOO_MANY_REQUESTS');
  });
});

describe('an attacker at one address', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack?.stop());

  /** A staff sign-in sent from a given loopback address, so the gateway sees it as that client. */
  async function staffLoginFrom(localAddress: string, password: string): Promise<string | undefined> {
    const dispatcher = new Agent({ localAddress });
    try {
      const response = await request(stack.gatewayUrl, {
        method: 'POST',
        dispatcher,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: 'mutation($p: String!) { staffLogin(username: "front.desk", password: $p) { accessToken } }',
          variables: { p: password },
        }),
      });
      const body = (await response.body.json()) as {
        data?: { staffLogin?: { accessToken: string } };
        errors?: Array<{ extensions?: { code?: string } }>;
      };
      return body.data?.staffLogin?.accessToken ? 'signed in' : body.errors?.[0]?.extensions?.code;
    } finally {
      await dispatcher.close();
    }
  }

  it('cannot keep a staff member at another address from signing in', async () => {
    await stack.query(
      'mutation { createStaff(input: { username: "front.desk", password: "the-right-passphrase", roles: [ANALYST] }) { id } }',
    );
    for (let i = 0; i < 12; i += 1)
      expect(await staffLoginFrom('127.0.0.2', `wrong-passphrase-${i}`)).toMatch(/UNAUTHENTICATED|TOO_MANY_REQUESTS/);
    expect(await staffLoginFrom('127.0.0.2', 'the-right-passphrase')).toBe('TOO_MANY_REQUESTS');
    expect(await staffLoginFrom('127.0.0.3', 'the-right-passphrase')).toBe('signed in');
  });
});
