import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { HttpError, TOKEN_AUDIENCE, TOKEN_ISSUER, type Identity } from '../../../services/kit/src';
import { createAuthenticator } from '../auth';
import type { PartnerKeyCheck } from '../partnerKeys';

interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  jwk: JWK;
}

/** The member service's JWKS route, served for real on port 0: what it publishes is each test's to set. */
let published: JWK[] = [];
let jwks: Server;
let jwksUrl: string;

beforeAll(async () => {
  jwks = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ keys: published }));
  });
  await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
  jwksUrl = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/.well-known/jwks.json`;
});
afterAll(() => new Promise<void>((resolve) => jwks.close(() => resolve())));
afterEach(() => {
  jest.useRealTimers();
  jest.restoreAllMocks();
});

let kids = 0;
async function signingKey(): Promise<SigningKey> {
  kids += 1;
  const kid = `key-${kids}`;
  const { publicKey, privateKey } = await generateKeyPair('ES256');
  return { kid, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' } };
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

/** An access token as the member service issues it. */
function token(key: SigningKey, subject: string, expiresAt = nowSeconds() + 900): Promise<string> {
  return new SignJWT({ kind: 'MEMBER', channel: 'WEB' })
    .setProtectedHeader({ alg: 'ES256', kid: key.kid })
    .setSubject(subject)
    .setIssuer(TOKEN_ISSUER)
    .setAudience(TOKEN_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(expiresAt)
    .sign(key.privateKey);
}

const noPartners: PartnerKeyCheck = {
  verify: () => Promise.reject(new Error('no partner key is sent in these tests')),
  close: () => undefined,
};

/** A request as the gateway's HTTP front hands it over (the address comes from addressOf). */
const request = (bearer: string) => ({ headers: { authorization: `Bearer ${bearer}` } }) as IncomingMessage;

/** As the gateway builds it; a cooldown of 0 lets an unknown key id fetch the key set at once. */
const authenticator = () => createAuthenticator({ jwksUrl, cooldownMs: 0, partners: noPartners, addressOf: () => '203.0.113.9' });

const member = (subject: string): Identity => ({ kind: 'MEMBER', subject, channel: 'WEB', ip: '203.0.113.9' });

/** The identity, or the HTTP refusal the gateway would answer with. */
const outcome = (promise: Promise<Identity>) =>
  promise.then(
    (identity): Identity | { status: number; message: string } => identity,
    (error: unknown) => {
      if (error instanceof HttpError) return { status: error.status, message: error.message };
      throw error;
    },
  );

/** Moves Date alone (jose reads the time from it); timers stay real for the key set's fetch. */
function moveClock(byMs: number) {
  const at = Date.now() + byMs;
  jest.useFakeTimers({
    doNotFake: [
      'nextTick',
      'setImmediate',
      'clearImmediate',
      'setTimeout',
      'clearTimeout',
      'setInterval',
      'clearInterval',
      'queueMicrotask',
      'hrtime',
      'performance',
    ],
  });
  jest.setSystemTime(at);
}

describe('createAuthenticator: a token verified once', () => {
  it('is not verified again when it comes back: the same identity, with each request’s address', async () => {
    const key = await signingKey();
    published = [key.jwk];
    const authenticate = authenticator();
    const bearer = await token(key, 'm-1');
    const verify = jest.spyOn(globalThis.crypto.subtle, 'verify');
    for (let i = 0; i < 3; i += 1) expect(await authenticate(request(bearer))).toEqual(member('m-1'));
    expect(verify).toHaveBeenCalledTimes(1);
  });

  it("is refused once it has expired, with the answer jose's check gives", async () => {
    const key = await signingKey();
    published = [key.jwk];
    const authenticate = authenticator();
    const bearer = await token(key, 'm-2', nowSeconds() + 60);
    expect(await authenticate(request(bearer))).toEqual(member('m-2'));
    moveClock(61_000);
    expect(await outcome(authenticate(request(bearer)))).toEqual({ status: 401, message: 'the access token has expired; refresh it' });
  });

  it('is verified again against a key set fetched anew: a key no longer published no longer admits it', async () => {
    const retired = await signingKey();
    const next = await signingKey();
    published = [retired.jwk];
    const authenticate = authenticator();
    const old = await token(retired, 'm-3');
    expect(await authenticate(request(old))).toEqual(member('m-3'));
    // The member service retires the key; a token under the new key id makes the gateway fetch the set.
    published = [next.jwk];
    expect(await authenticate(request(await token(next, 'm-4')))).toEqual(member('m-4'));
    expect(await outcome(authenticate(request(old)))).toEqual({ status: 401, message: 'the access token is not valid' });
  });

  it('is verified again once the key set is too old to be used without fetching it', async () => {
    const retired = await signingKey();
    published = [retired.jwk];
    const authenticate = authenticator();
    const old = await token(retired, 'm-5', nowSeconds() + 3600);
    expect(await authenticate(request(old))).toEqual(member('m-5'));
    published = [(await signingKey()).jwk];
    // Past the key set's 10 minutes jose fetches it before verifying anything.
    moveClock(11 * 60_000);
    expect(await outcome(authenticate(request(old)))).toEqual({ status: 401, message: 'the access token is not valid' });
  });

  it('keeps no token that failed: a tampered one is refused every time', async () => {
    const key = await signingKey();
    published = [key.jwk];
    const authenticate = authenticator();
    const [header, , signature] = (await token(key, 'm-6')).split('.');
    const forged = `${header}.${Buffer.from(JSON.stringify({ kind: 'MEMBER', channel: 'WEB', sub: 'm-7', iss: TOKEN_ISSUER, aud: TOKEN_AUDIENCE, exp: nowSeconds() + 900 })).toString('base64url')}.${signature}`;
    for (let i = 0; i < 2; i += 1) {
      expect(await outcome(authenticate(request(forged)))).toEqual({ status: 401, message: 'the access token is not valid' });
    }
  });
});
