import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { readPiiCipher, TOKEN_AUDIENCE, TOKEN_ISSUER } from '../../services/kit/src';
import { SigningKeys } from '../../services/member/src/auth/signingKeys';
import { MEMBER_CARD, uniquePhone } from '../harness/operations';
import { postGraphQL, startStack, type Stack } from '../harness/startStack';

let stack: Stack;
beforeAll(async () => {
  // A short activation delay and key-fetch cooldown, so a rotation completes within the test.
  stack = await startStack({ env: { AUTH_KEY_ACTIVATION_DELAY_SECONDS: '1', JWKS_COOLDOWN_MS: '100' } });
});
afterAll(() => stack?.stop());

const ME = '{ me { id maskedPhone phone } }';
const REFRESH = 'mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken refreshToken member { id } } }';

/** The gateway's raw answer to a query sent with this Authorization header. */
const withHeader = (authorization: string) => postGraphQL(stack.gatewayUrl, ME, {}, { authorization });

/** A token signed with the member service's real active key, with claims of the test's choosing. */
async function signedWithRealKey(claims: Record<string, unknown>, expiresAt: number): Promise<string> {
  const keys = new SigningKeys(stack.services.member.dataSource, readPiiCipher(stack.env));
  const signer = await keys.active();
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'ES256', kid: signer.kid })
    .setIssuer(TOKEN_ISSUER)
    .setAudience(typeof claims.aud === 'string' ? claims.aud : TOKEN_AUDIENCE)
    .setIssuedAt(expiresAt - 900)
    .setExpirationTime(expiresAt)
    .sign(signer.key);
}

describe('a member signed in with an SMS code', () => {
  it('reads their own card across all five subgraphs with their token, and sees their full phone', async () => {
    const phone = uniquePhone();
    const member = await stack.loginMember(phone);
    const card = await stack.queryAs(member.accessToken, MEMBER_CARD, { id: member.memberId });
    expect(card.errors).toBeUndefined();
    expect(card.data.member).toMatchObject({
      id: member.memberId,
      tier: { id: 'REGULAR' },
      points: { balance: 0 },
      risk: { level: 'LOW' },
    });
    expect(card.data.member.benefits.length).toBeGreaterThan(0);
    const me = await stack.queryAs(member.accessToken, ME);
    expect(me.data.me).toEqual({ id: member.memberId, maskedPhone: `${phone.slice(0, 3)}****${phone.slice(-4)}`, phone });
  });

  it('is the same member on the next sign-in, from another channel too', async () => {
    const phone = uniquePhone();
    const first = await stack.loginMember(phone);
    const again = await stack.loginMember(phone, 'MINI_PROGRAM');
    expect(again.memberId).toBe(first.memberId);
  });
});

describe('access tokens the gateway refuses with 401 before anything runs', () => {
  it('an expired one', async () => {
    const member = await stack.loginMember(uniquePhone());
    const expired = await signedWithRealKey({ sub: member.memberId, kind: 'MEMBER', channel: 'WEB' }, Math.floor(Date.now() / 1000) - 60);
    const { status, body } = await withHeader(`Bearer ${expired}`);
    expect(status).toBe(401);
    expect(body.errors?.[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' }, message: expect.stringContaining('expired') });
    expect(body.data).toBeUndefined();
  });

  it('a tampered one (another member put in a validly signed token)', async () => {
    const mine = await stack.loginMember(uniquePhone());
    const victim = await stack.loginMember(uniquePhone());
    const [header, payload, signature] = mine.accessToken.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const forged = Buffer.from(JSON.stringify({ ...claims, sub: victim.memberId })).toString('base64url');
    const { status, body } = await withHeader(`Bearer ${header}.${forged}.${signature}`);
    expect(status).toBe(401);
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('one signed with another key, under the real key id or an unknown one', async () => {
    const member = await stack.loginMember(uniquePhone());
    const realKid = JSON.parse(Buffer.from(member.accessToken.split('.')[0], 'base64url').toString()).kid;
    const { privateKey } = await generateKeyPair('ES256');
    for (const kid of [realKid, 'someone-elses-key']) {
      const token = await new SignJWT({ kind: 'STAFF', roles: ['ADMIN'] })
        .setProtectedHeader({ alg: 'ES256', kid })
        .setSubject('mallory')
        .setIssuer(TOKEN_ISSUER)
        .setAudience(TOKEN_AUDIENCE)
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(privateKey as CryptoKey);
      const { status } = await withHeader(`Bearer ${token}`);
      expect(status).toBe(401);
    }
  });

  it('one with alg "none", an HMAC one keyed with the public key, another audience, or a malformed header', async () => {
    const member = await stack.loginMember(uniquePhone());
    const [header, payload] = member.accessToken.split('.');
    const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    const { keys } = (await (await fetch(stack.services.member.httpUrl.replace('/graphql', '/.well-known/jwks.json'))).json()) as {
      keys: Array<Record<string, string>>;
    };
    const hmac = await new SignJWT({ kind: 'STAFF', roles: ['ADMIN'] })
      .setProtectedHeader({ alg: 'HS256', kid: keys[0].kid })
      .setSubject('mallory')
      .setIssuer(TOKEN_ISSUER)
      .setAudience(TOKEN_AUDIENCE)
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(JSON.stringify(keys[0])));
    const otherAudience = await signedWithRealKey(
      { sub: member.memberId, kind: 'MEMBER', channel: 'WEB', aud: 'another-app' },
      Math.floor(Date.now() / 1000) + 600,
    );
    for (const authorization of [
      `Bearer ${none}.${payload}.`,
      `Bearer ${hmac}`,
      `Bearer ${otherAudience}`,
      `Bearer ${header}`,
      `Basic ${Buffer.from('admin:membergraph-dev-admin').toString('base64')}`,
      'Bearer ',
    ]) {
      const { status, body } = await withHeader(authorization);
      expect({ authorization, status }).toEqual({ authorization, status: 401 });
      expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
  });

  it('a staff claim the token does not carry cannot be added: roles outside the four are malformed', async () => {
    const forged = await signedWithRealKey({ sub: 'x', kind: 'STAFF', roles: ['ROOT'] }, Math.floor(Date.now() / 1000) + 600);
    expect((await withHeader(`Bearer ${forged}`)).status).toBe(401);
    const partner = await signedWithRealKey({ sub: 'x', kind: 'PARTNER' }, Math.floor(Date.now() / 1000) + 600);
    expect((await withHeader(`Bearer ${partner}`)).status).toBe(401);
  });
});

describe('sessions', () => {
  it('a refresh token works once; reusing it ends the whole session, including the token it was traded for', async () => {
    const member = await stack.loginMember(uniquePhone());
    const first = await stack.queryAs(null, REFRESH, { t: member.refreshToken });
    expect(first.data.refreshSession.member.id).toBe(member.memberId);
    expect((await stack.queryAs(first.data.refreshSession.accessToken, ME)).data.me.id).toBe(member.memberId);
    const reuse = await stack.queryAs(null, REFRESH, { t: member.refreshToken });
    expect(reuse.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const next = await stack.queryAs(null, REFRESH, { t: first.data.refreshSession.refreshToken });
    expect(next.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('two concurrent uses of one refresh token: exactly one gets a session', async () => {
    const member = await stack.loginMember(uniquePhone());
    const both = await Promise.all([1, 2].map(() => stack.queryAs(null, REFRESH, { t: member.refreshToken })));
    expect(both.filter((r) => r.data?.refreshSession)).toHaveLength(1);
    expect(both.filter((r) => r.errors?.[0]?.extensions?.code === 'UNAUTHENTICATED')).toHaveLength(1);
  });

  it('logout revokes the refresh token', async () => {
    const member = await stack.loginMember(uniquePhone());
    const out = await stack.queryAs(member.accessToken, 'mutation($t: String!) { logout(refreshToken: $t) }', { t: member.refreshToken });
    expect(out.data.logout).toBe(true);
    expect((await stack.queryAs(null, REFRESH, { t: member.refreshToken })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('a key rotation logs nobody out: the new key is published first, signs after its delay, and both verify', async () => {
    const kidOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString()).kid;
    const jwksKids = async () =>
      (
        (await (await fetch(stack.services.member.httpUrl.replace('/graphql', '/.well-known/jwks.json'))).json()) as {
          keys: Array<{ kid: string; d?: string }>;
        }
      ).keys;
    const before = await stack.loginMember(uniquePhone());
    const rotated = await stack.query('mutation { rotateSigningKey }');
    expect(rotated.errors).toBeUndefined();
    const newKid = rotated.data.rotateSigningKey;
    expect(newKid).not.toBe(kidOf(before.accessToken));
    const published = await jwksKids();
    expect(published.map((k) => k.kid)).toEqual(expect.arrayContaining([newKid, kidOf(before.accessToken)]));
    expect(published.every((k) => k.d === undefined)).toBe(true); // public halves only
    // Until its activation the new key is only published; then sign-ins use it.
    let after = await stack.loginMember(uniquePhone());
    expect(kidOf(after.accessToken)).toBe(kidOf(before.accessToken));
    for (const deadline = Date.now() + 10_000; kidOf(after.accessToken) !== newKid && Date.now() < deadline;) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      after = await stack.loginMember(uniquePhone());
    }
    expect(kidOf(after.accessToken)).toBe(newKid);
    expect((await stack.queryAs(after.accessToken, ME)).data?.me?.id).toBe(after.memberId);
    expect((await stack.queryAs(before.accessToken, ME)).data?.me?.id).toBe(before.memberId);
    const byMember = await stack.queryAs(after.accessToken, 'mutation { rotateSigningKey }');
    expect(byMember.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('keeps no private key in clear in the database', async () => {
    const rows = await stack.services.member.dataSource.query('SELECT private_jwk_enc FROM signing_keys');
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.private_jwk_enc).not.toContain('"d"');
    const { privateKey } = await generateKeyPair('ES256', { extractable: true });
    expect(Object.keys(await exportJWK(privateKey))).toContain('d'); // what a clear key would show
  });
});

describe('staff accounts', () => {
  it('an ADMIN creates them; others may not; the token carries roles and store; a wrong password is refused', async () => {
    const create = 'mutation($i: StaffInput!) { createStaff(input: $i) { id username roles store } }';
    const input = { username: 'cashier.sh01', password: 'a-cashier-passphrase', roles: ['OPERATOR'], store: 'SH-01' };
    const created = await stack.query(create, { i: input });
    expect(created.data.createStaff).toMatchObject({ username: 'cashier.sh01', roles: ['OPERATOR'], store: 'SH-01' });
    expect((await stack.query(create, { i: input })).errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const cashier = await stack.loginStaff('cashier.sh01', 'a-cashier-passphrase');
    const claims = JSON.parse(Buffer.from(cashier.accessToken.split('.')[1], 'base64url').toString());
    expect(claims).toMatchObject({ kind: 'STAFF', roles: ['OPERATOR'], store: 'SH-01', iss: TOKEN_ISSUER, aud: TOKEN_AUDIENCE });
    const byCashier = await stack.queryAs(cashier.accessToken, create, { i: { ...input, username: 'another.one' } });
    expect(byCashier.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const wrong = await stack.queryAs(
      null,
      'mutation { staffLogin(username: "cashier.sh01", password: "not-the-passphrase") { accessToken } }',
    );
    expect(wrong.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const weak = await stack.query(create, { i: { ...input, username: 'weak.one', password: 'short' } });
    expect(weak.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'password' });
    const [row] = await stack.services.member.dataSource.query("SELECT password_hash FROM staff_accounts WHERE username = 'cashier.sh01'");
    expect(row.password_hash).toMatch(/^scrypt\$/);
    expect(row.password_hash).not.toContain('a-cashier-passphrase');
  });
});

describe('the mini-program (development WeChat stand-in)', () => {
  const WECHAT = 'mutation($c: String!, $p: String) { loginWithWeChat(code: $c, phoneCode: $p) { accessToken member { id } } }';

  it('binds a WeChat account to the member who has the shared phone; later sign-ins need only the code; a unionid joins apps', async () => {
    const phone = uniquePhone();
    const web = await stack.loginMember(phone);
    const first = await stack.queryAs(null, WECHAT, { c: 'dev:openid-a1:union-1' });
    expect(first.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'PHONE_REQUIRED' });
    const bound = await stack.queryAs(null, WECHAT, { c: 'dev:openid-a1:union-1', p: `dev:${phone}` });
    expect(bound.data.loginWithWeChat.member.id).toBe(web.memberId);
    expect((await stack.queryAs(null, WECHAT, { c: 'dev:openid-a1' })).data.loginWithWeChat.member.id).toBe(web.memberId);
    // Another app of the brand: another openid, the same unionid.
    expect((await stack.queryAs(null, WECHAT, { c: 'dev:openid-b2:union-1' })).data.loginWithWeChat.member.id).toBe(web.memberId);
    const token = (await stack.queryAs(null, WECHAT, { c: 'dev:openid-b2' })).data.loginWithWeChat.accessToken;
    expect(JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()).channel).toBe('MINI_PROGRAM');
    const rows = await stack.services.member.dataSource.query('SELECT secret_enc FROM channel_identities WHERE member_id = ?', [
      web.memberId,
    ]);
    for (const row of rows) if (row.secret_enc) expect(row.secret_enc).not.toContain('dev-session');
  });

  it('registers a new member from a WeChat account and a phone nobody has', async () => {
    const signedIn = await stack.queryAs(null, WECHAT, { c: 'dev:openid-new-1', p: `dev:${uniquePhone()}` });
    expect(signedIn.data.loginWithWeChat.member.id).toEqual(expect.any(String));
  });
});
