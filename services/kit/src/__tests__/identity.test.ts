import {
  DEFAULT_SIGNATURE_WINDOW as WINDOW,
  ANONYMOUS,
  IDENTITY_HEADER,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  actorOf,
  requireSelf,
  requireStaff,
  signIdentity,
  verifyIdentity,
  type Identity,
} from '../identity';
import { createHmac } from 'node:crypto';
import { DomainError } from '../errors';
import { thrown } from '../../../../test/harness/thrown';

const SECRET = 'unit-test-secret-0123456789';
const NOW = 1_760_000_000_000;
const BODY = '{"query":"{ member(id: \\"m-1\\") { id } }","variables":{}}';
const member: Identity = { kind: 'MEMBER', subject: 'm-1', channel: 'WEB' };

const reader = (headers: Record<string, string | undefined>) => (name: string) => headers[name];

/** Signs arbitrary identity-header text the way the gateway would, to reach the payload checks. */
function signRaw(encoded: string, secret = SECRET, now = NOW): Record<string, string> {
  const timestamp = String(now);
  return {
    [IDENTITY_HEADER]: encoded,
    [TIMESTAMP_HEADER]: timestamp,
    [SIGNATURE_HEADER]: createHmac('sha256', secret).update(`${timestamp}.${encoded}.${BODY}`).digest('base64url'),
  };
}

describe('signIdentity', () => {
  it('produces the three headers with a base64url identity and the timestamp', () => {
    const headers = signIdentity(member, SECRET, BODY, NOW);
    expect(Object.keys(headers).sort()).toEqual([IDENTITY_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER].sort());
    expect(headers[TIMESTAMP_HEADER]).toBe(String(NOW));
    expect(JSON.parse(Buffer.from(headers[IDENTITY_HEADER], 'base64url').toString('utf8'))).toEqual(member);
    expect(headers[SIGNATURE_HEADER]).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('is deterministic for the same inputs and differs by secret', () => {
    expect(signIdentity(member, SECRET, BODY, NOW)).toEqual(signIdentity(member, SECRET, BODY, NOW));
    expect(signIdentity(member, SECRET, BODY, NOW)[SIGNATURE_HEADER]).not.toBe(
      signIdentity(member, `${SECRET}x`, BODY, NOW)[SIGNATURE_HEADER],
    );
  });
});

describe('verifyIdentity', () => {
  it.each<Identity>([
    member,
    ANONYMOUS,
    { kind: 'STAFF', subject: 's-1', roles: ['ADMIN', 'OPERATOR'] },
    { kind: 'STAFF', subject: 's1', roles: ['OPERATOR'], store: 'SH-01' },
    { kind: 'PARTNER', partner: 'hotel', store: 'S1' },
    { kind: 'SERVICE', subject: 'points' },
    { kind: 'MEMBER', subject: '會員-ü-😀' },
  ])('round-trips %p', (identity) => {
    expect(verifyIdentity(reader(signIdentity(identity, SECRET, BODY, NOW)), BODY, SECRET, WINDOW, NOW)).toEqual({ ok: true, identity });
  });

  it('accepts a signature up to the window (plus the clock skew) old, or the skew ahead', () => {
    const headers = reader(signIdentity(member, SECRET, BODY, NOW));
    expect(verifyIdentity(headers, BODY, SECRET, WINDOW, NOW + WINDOW.maxAgeMs + WINDOW.clockSkewMs).ok).toBe(true);
    expect(verifyIdentity(headers, BODY, SECRET, WINDOW, NOW - WINDOW.clockSkewMs).ok).toBe(true);
  });

  it('refuses a stale timestamp beyond the window and the skew', () => {
    expect(
      verifyIdentity(reader(signIdentity(member, SECRET, BODY, NOW)), BODY, SECRET, WINDOW, NOW + WINDOW.maxAgeMs + WINDOW.clockSkewMs + 1),
    ).toEqual({
      ok: false,
      reason: 'stale identity signature',
    });
  });

  it('refuses a timestamp too far in the future', () => {
    expect(verifyIdentity(reader(signIdentity(member, SECRET, BODY, NOW + WINDOW.clockSkewMs + 1)), BODY, SECRET, WINDOW, NOW)).toEqual({
      ok: false,
      reason: 'stale identity signature',
    });
  });

  it('refuses a timestamp that is not a number', () => {
    const headers = { ...signIdentity(member, SECRET, BODY, NOW), [TIMESTAMP_HEADER]: 'soon' };
    expect(verifyIdentity(reader(headers), BODY, SECRET, WINDOW, NOW)).toEqual({ ok: false, reason: 'stale identity signature' });
  });

  it.each([IDENTITY_HEADER, TIMESTAMP_HEADER, SIGNATURE_HEADER])('refuses when %s is missing or empty', (name) => {
    const signed = signIdentity(member, SECRET, BODY, NOW);
    expect(verifyIdentity(reader({ ...signed, [name]: undefined }), BODY, SECRET, WINDOW, NOW)).toEqual({
      ok: false,
      reason: 'missing identity signature',
    });
    expect(verifyIdentity(reader({ ...signed, [name]: '' }), BODY, SECRET, WINDOW, NOW)).toEqual({
      ok: false,
      reason: 'missing identity signature',
    });
  });

  it('refuses when no header at all is present', () => {
    expect(verifyIdentity(() => undefined, BODY, SECRET, WINDOW, NOW)).toEqual({ ok: false, reason: 'missing identity signature' });
  });

  it('refuses a tampered identity (privilege escalation attempt)', () => {
    const signed = signIdentity(member, SECRET, BODY, NOW);
    const forged = Buffer.from(JSON.stringify({ kind: 'STAFF', subject: 'm-1', roles: ['ADMIN'] })).toString('base64url');
    expect(verifyIdentity(reader({ ...signed, [IDENTITY_HEADER]: forged }), BODY, SECRET, WINDOW, NOW)).toEqual({
      ok: false,
      reason: 'forged identity signature',
    });
  });

  it('refuses a tampered timestamp even when still fresh', () => {
    const signed = signIdentity(member, SECRET, BODY, NOW);
    expect(verifyIdentity(reader({ ...signed, [TIMESTAMP_HEADER]: String(NOW + 1) }), BODY, SECRET, WINDOW, NOW)).toEqual({
      ok: false,
      reason: 'forged identity signature',
    });
  });

  it('refuses a tampered signature of the same or a different length', () => {
    const signed = signIdentity(member, SECRET, BODY, NOW);
    const signature = signed[SIGNATURE_HEADER];
    const flipped = `${signature[0] === 'A' ? 'B' : 'A'}${signature.slice(1)}`;
    for (const bad of [flipped, signature.slice(1), `${signature}=`, 'x', 'é'.repeat(43)]) {
      expect(verifyIdentity(reader({ ...signed, [SIGNATURE_HEADER]: bad }), BODY, SECRET, WINDOW, NOW)).toEqual({
        ok: false,
        reason: 'forged identity signature',
      });
    }
  });

  it('refuses a signature made with another secret', () => {
    expect(verifyIdentity(reader(signIdentity(member, 'another-secret-of-16+', BODY, NOW)), BODY, SECRET, WINDOW, NOW)).toEqual({
      ok: false,
      reason: 'forged identity signature',
    });
  });

  it('refuses a signature replayed with another body (it covers the exact bytes sent)', () => {
    const signed = reader(signIdentity(member, SECRET, BODY, NOW));
    const other = BODY.replace('m-1', 'm-2');
    expect(verifyIdentity(signed, other, SECRET, WINDOW, NOW)).toEqual({ ok: false, reason: 'forged identity signature' });
    expect(verifyIdentity(signed, `${BODY} `, SECRET, WINDOW, NOW)).toEqual({ ok: false, reason: 'forged identity signature' });
    expect(verifyIdentity(signed, '', SECRET, WINDOW, NOW)).toEqual({ ok: false, reason: 'forged identity signature' });
  });

  it('refuses by default a signature a few seconds old: the review replayed one after 50 s', () => {
    const signed = reader(signIdentity(member, SECRET, BODY, NOW));
    expect(verifyIdentity(signed, BODY, SECRET, undefined, NOW + 10_000)).toEqual({ ok: false, reason: 'stale identity signature' });
    expect(verifyIdentity(signed, BODY, SECRET, undefined, NOW + 50_000)).toEqual({ ok: false, reason: 'stale identity signature' });
  });

  it('takes the window and the skew from its caller', () => {
    const signed = reader(signIdentity(member, SECRET, BODY, NOW));
    const window = { maxAgeMs: 200, clockSkewMs: 50 };
    expect(verifyIdentity(signed, BODY, SECRET, window, NOW + 250).ok).toBe(true);
    expect(verifyIdentity(signed, BODY, SECRET, window, NOW + 251).ok).toBe(false);
    expect(verifyIdentity(signed, BODY, SECRET, window, NOW - 50).ok).toBe(true);
    expect(verifyIdentity(signed, BODY, SECRET, window, NOW - 51).ok).toBe(false);
  });

  it.each([
    ['not JSON', Buffer.from('{kind:').toString('base64url')],
    ['not base64url', '!!!***'],
    ['JSON null', Buffer.from('null').toString('base64url')],
    ['JSON without kind', Buffer.from('{"subject":"x"}').toString('base64url')],
    ['a non-string kind', Buffer.from('{"kind":3}').toString('base64url')],
    ['a JSON string', Buffer.from('"MEMBER"').toString('base64url')],
  ])('refuses a correctly signed but malformed identity: %s', (_label, encoded) => {
    expect(verifyIdentity(reader(signRaw(encoded)), BODY, SECRET, WINDOW, NOW)).toEqual({ ok: false, reason: 'malformed identity' });
  });
});

describe('verifyIdentity on the real clock', () => {
  const staff: Identity = { kind: 'STAFF', subject: 's1', roles: ['OPERATOR'], store: 'SH-01' };

  it.each([
    ['a missing header', (h: Record<string, string>) => ({ ...h, [SIGNATURE_HEADER]: '' }), 'missing identity signature'],
    [
      'an altered identity',
      (h: Record<string, string>) => ({
        ...h,
        [IDENTITY_HEADER]: Buffer.from(JSON.stringify({ kind: 'STAFF', roles: ['ADMIN'] })).toString('base64url'),
      }),
      'forged identity signature',
    ],
    [
      'an altered signature',
      (h: Record<string, string>) => ({ ...h, [SIGNATURE_HEADER]: h[SIGNATURE_HEADER].replace(/^./, (c) => (c === 'A' ? 'B' : 'A')) }),
      'forged identity signature',
    ],
    ['a shorter signature', (h: Record<string, string>) => ({ ...h, [SIGNATURE_HEADER]: 'abc' }), 'forged identity signature'],
    [
      'a moved timestamp',
      (h: Record<string, string>) => ({ ...h, [TIMESTAMP_HEADER]: String(Number(h[TIMESTAMP_HEADER]) + 1) }),
      'forged identity signature',
    ],
    ['a non-numeric timestamp', (h: Record<string, string>) => ({ ...h, [TIMESTAMP_HEADER]: 'soon' }), 'stale identity signature'],
  ])('refuses a staff identity with %s', (_, alter, reason) => {
    const now = Date.now();
    expect(verifyIdentity(reader(alter(signIdentity(staff, SECRET, BODY, now))), BODY, SECRET, WINDOW, now)).toEqual({
      ok: false,
      reason,
    });
  });

  it('refuses another secret, on the default clock and window', () => {
    expect(verifyIdentity(reader(signIdentity(staff, 'another-secret-entirely', BODY)), BODY, SECRET)).toEqual({
      ok: false,
      reason: 'forged identity signature',
    });
  });

  it('expires a staff identity older than the window or further ahead than the skew', () => {
    const now = Date.now();
    const old = signIdentity(staff, SECRET, BODY, now - WINDOW.maxAgeMs - WINDOW.clockSkewMs - 1);
    const future = signIdentity(staff, SECRET, BODY, now + WINDOW.clockSkewMs + 1);
    expect(verifyIdentity(reader(old), BODY, SECRET, WINDOW, now)).toEqual({ ok: false, reason: 'stale identity signature' });
    expect(verifyIdentity(reader(future), BODY, SECRET, WINDOW, now)).toEqual({ ok: false, reason: 'stale identity signature' });
    expect(verifyIdentity(reader(signIdentity(staff, SECRET, BODY, now - WINDOW.maxAgeMs)), BODY, SECRET, WINDOW, now).ok).toBe(true);
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
    const error = thrown(DomainError, () => requireStaff(identity, ['ADMIN', 'OPERATOR']));
    expect(error.code).toBe('FORBIDDEN');
    expect(error.message).toBe('only staff with the role ADMIN or OPERATOR may do this');
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

describe('requireSelf', () => {
  const REFUSAL = 'only the member may give or withdraw this consent';
  it('lets the member themselves through', () => {
    expect(() => requireSelf({ kind: 'MEMBER', subject: 'm-1' }, 'm-1', REFUSAL)).not.toThrow();
  });
  it.each([
    ['another member', { kind: 'MEMBER' as const, subject: 'm-2' }, 'FORBIDDEN'],
    ['staff, even an administrator', { kind: 'STAFF' as const, subject: 's-1', roles: ['ADMIN'] }, 'FORBIDDEN'],
    ['a partner brand', { kind: 'PARTNER' as const, subject: 'p-1' }, 'FORBIDDEN'],
    ['a service', { kind: 'SERVICE' as const, subject: 'points' }, 'FORBIDDEN'],
    ['no one signed in', { kind: 'ANONYMOUS' as const }, 'UNAUTHENTICATED'],
  ])('refuses %s with %s and the refusal given', (_, identity, code) => {
    expect(() => requireSelf(identity, 'm-1', REFUSAL)).toThrow(expect.objectContaining({ code, message: REFUSAL }));
  });
});
