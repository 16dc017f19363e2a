import {
  ANONYMOUS,
  IDENTITY_HEADER,
  MAX_SIGNATURE_AGE_MS,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  actorOf,
  requireStaff,
  signIdentity,
  verifyIdentity,
  type Identity,
} from '../identity';
import { createHmac } from 'node:crypto';
import { DomainError } from '../errors';

const SECRET = 'unit-test-secret-0123456789';
const NOW = 1_760_000_000_000;
const member: Identity = { kind: 'MEMBER', subject: 'm-1', channel: 'WEB' };

const reader = (headers: Record<string, string | undefined>) => (name: string) => headers[name];

/** Signs arbitrary identity-header text the way the gateway would, to reach the payload checks. */
function signRaw(encoded: string, secret = SECRET, now = NOW): Record<string, string> {
  const timestamp = String(now);
  return {
    [IDENTITY_HEADER]: encoded,
    [TIMESTAMP_HEADER]: timestamp,
    [SIGNATURE_HEADER]: createHmac('sha256', secret).update(`${timestamp}.${encoded}`).digest('base64url'),
  };
}

describe('signIdentity', () => {
  it('produces the three headers with a base64url identity and the timestamp', () => {
    const headers = signIdentity(member, SECRET, NOW);
    expect(Object.keys(headers).sort()).toEqual([IDENTITY_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER].sort());
    expect(headers[TIMESTAMP_HEADER]).toBe(String(NOW));
    expect(JSON.parse(Buffer.from(headers[IDENTITY_HEADER], 'base64url').toString('utf8'))).toEqual(member);
    expect(headers[SIGNATURE_HEADER]).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('is deterministic for the same inputs and differs by secret', () => {
    expect(signIdentity(member, SECRET, NOW)).toEqual(signIdentity(member, SECRET, NOW));
    expect(signIdentity(member, SECRET, NOW)[SIGNATURE_HEADER]).not.toBe(signIdentity(member, `${SECRET}x`, NOW)[SIGNATURE_HEADER]);
  });
});

describe('verifyIdentity', () => {
  it.each<Identity>([
    member,
    ANONYMOUS,
    { kind: 'STAFF', subject: 's-1', roles: ['ADMIN', 'OPERATOR'] },
    { kind: 'PARTNER', partner: 'hotel', store: 'S1' },
    { kind: 'SERVICE', subject: 'points' },
    { kind: 'MEMBER', subject: '會員-ü-😀' },
  ])('round-trips %p', (identity) => {
    expect(verifyIdentity(reader(signIdentity(identity, SECRET, NOW)), SECRET, NOW)).toEqual({ ok: true, identity });
  });

  it('accepts a signature up to MAX_SIGNATURE_AGE_MS old or ahead', () => {
    const headers = reader(signIdentity(member, SECRET, NOW));
    expect(verifyIdentity(headers, SECRET, NOW + MAX_SIGNATURE_AGE_MS).ok).toBe(true);
    expect(verifyIdentity(headers, SECRET, NOW - MAX_SIGNATURE_AGE_MS).ok).toBe(true);
  });

  it('refuses a stale timestamp beyond MAX_SIGNATURE_AGE_MS', () => {
    expect(verifyIdentity(reader(signIdentity(member, SECRET, NOW)), SECRET, NOW + MAX_SIGNATURE_AGE_MS + 1)).toEqual({
      ok: false,
      reason: 'stale identity signature',
    });
  });

  it('refuses a timestamp too far in the future', () => {
    expect(verifyIdentity(reader(signIdentity(member, SECRET, NOW + MAX_SIGNATURE_AGE_MS + 1)), SECRET, NOW)).toEqual({
      ok: false,
      reason: 'stale identity signature',
    });
  });

  it('refuses a timestamp that is not a number', () => {
    const headers = { ...signIdentity(member, SECRET, NOW), [TIMESTAMP_HEADER]: 'soon' };
    expect(verifyIdentity(reader(headers), SECRET, NOW)).toEqual({ ok: false, reason: 'stale identity signature' });
  });

  it.each([IDENTITY_HEADER, TIMESTAMP_HEADER, SIGNATURE_HEADER])('refuses when %s is missing or empty', (name) => {
    const signed = signIdentity(member, SECRET, NOW);
    expect(verifyIdentity(reader({ ...signed, [name]: undefined }), SECRET, NOW)).toEqual({
      ok: false,
      reason: 'missing identity signature',
    });
    expect(verifyIdentity(reader({ ...signed, [name]: '' }), SECRET, NOW)).toEqual({ ok: false, reason: 'missing identity signature' });
  });

  it('refuses when no header at all is present', () => {
    expect(verifyIdentity(() => undefined, SECRET, NOW)).toEqual({ ok: false, reason: 'missing identity signature' });
  });

  it('refuses a tampered identity (privilege escalation attempt)', () => {
    const signed = signIdentity(member, SECRET, NOW);
    const forged = Buffer.from(JSON.stringify({ kind: 'STAFF', subject: 'm-1', roles: ['ADMIN'] })).toString('base64url');
    expect(verifyIdentity(reader({ ...signed, [IDENTITY_HEADER]: forged }), SECRET, NOW)).toEqual({
      ok: false,
      reason: 'forged identity signature',
    });
  });

  it('refuses a tampered timestamp even when still fresh', () => {
    const signed = signIdentity(member, SECRET, NOW);
    expect(verifyIdentity(reader({ ...signed, [TIMESTAMP_HEADER]: String(NOW + 1) }), SECRET, NOW)).toEqual({
      ok: false,
      reason: 'forged identity signature',
    });
  });

  it('refuses a tampered signature of the same or a different length', () => {
    const signed = signIdentity(member, SECRET, NOW);
    const signature = signed[SIGNATURE_HEADER];
    const flipped = `${signature[0] === 'A' ? 'B' : 'A'}${signature.slice(1)}`;
    for (const bad of [flipped, signature.slice(1), `${signature}=`, 'x', 'é'.repeat(43)]) {
      expect(verifyIdentity(reader({ ...signed, [SIGNATURE_HEADER]: bad }), SECRET, NOW)).toEqual({
        ok: false,
        reason: 'forged identity signature',
      });
    }
  });

  it('refuses a signature made with another secret', () => {
    expect(verifyIdentity(reader(signIdentity(member, 'another-secret-of-16+', NOW)), SECRET, NOW)).toEqual({
      ok: false,
      reason: 'forged identity signature',
    });
  });

  it.each([
    ['not JSON', Buffer.from('{kind:').toString('base64url')],
    ['not base64url', '!!!***'],
    ['JSON null', Buffer.from('null').toString('base64url')],
    ['JSON without kind', Buffer.from('{"subject":"x"}').toString('base64url')],
    ['a non-string kind', Buffer.from('{"kind":3}').toString('base64url')],
    ['a JSON string', Buffer.from('"MEMBER"').toString('base64url')],
  ])('refuses a correctly signed but malformed identity: %s', (_label, encoded) => {
    expect(verifyIdentity(reader(signRaw(encoded)), SECRET, NOW)).toEqual({ ok: false, reason: 'malformed identity' });
  });
});

describe('requireStaff', () => {
  it('returns the subject of staff with an allowed role', () => {
    expect(requireStaff({ kind: 'STAFF', subject: 's-9', roles: ['ANALYST', 'OPERATOR'] }, ['OPERATOR'])).toBe('s-9');
    expect(requireStaff({ kind: 'STAFF', roles: ['ADMIN'] }, ['ADMIN'])).toBe('staff');
  });

  it('is UNAUTHENTICATED for anonymous callers', () => {
    expect(() => requireStaff(ANONYMOUS, ['ADMIN'])).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED' }));
  });

  it.each<Identity>([
    { kind: 'MEMBER', subject: 'm', roles: ['ADMIN'] },
    { kind: 'STAFF', subject: 's', roles: ['ANALYST'] },
    { kind: 'STAFF', subject: 's' },
    { kind: 'SERVICE', subject: 'points' },
  ])('is FORBIDDEN for %p', (identity) => {
    let error: unknown;
    try {
      requireStaff(identity, ['ADMIN', 'OPERATOR']);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('FORBIDDEN');
    expect((error as DomainError).message).toBe('only staff with the role ADMIN or OPERATOR may do this');
  });
});

describe('actorOf', () => {
  it.each<[Identity, string]>([
    [{ kind: 'MEMBER', subject: 'm-1' }, 'member:m-1'],
    [{ kind: 'STAFF', subject: 's-1' }, 'staff:s-1'],
    [{ kind: 'PARTNER', partner: 'hotel', subject: 'p' }, 'partner:hotel'],
    [{ kind: 'PARTNER', subject: 'p' }, 'partner:p'],
    [{ kind: 'SERVICE', subject: 'risk' }, 'service:risk'],
    [{ kind: 'MEMBER' }, 'member:'],
    [ANONYMOUS, 'channel'],
  ])('%p → %p', (identity, actor) => {
    expect(actorOf(identity)).toBe(actor);
  });
});
