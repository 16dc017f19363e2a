import {
  DEFAULT_SIGNATURE_WINDOW as WINDOW,
  IDENTITY_HEADER,
  requireSelf,
  SIGNATURE_HEADER,
  signIdentity,
  TIMESTAMP_HEADER,
  verifyIdentity,
  type Identity,
} from '../identity';

const SECRET = 'a-test-secret-of-enough-length';
const BODY = '{"query":"{ tiers { id } }"}';
const identity: Identity = { kind: 'STAFF', subject: 's1', roles: ['OPERATOR'], store: 'SH-01' };
const reader = (headers: Record<string, string>) => (name: string) => headers[name];

describe('signed identity headers', () => {
  it('round-trip the identity', () => {
    const now = 1_700_000_000_000;
    expect(verifyIdentity(reader(signIdentity(identity, SECRET, BODY, now)), BODY, SECRET, WINDOW, now + 1000)).toEqual({
      ok: true,
      identity,
    });
  });

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
  ])('are refused with %s', (_, alter, reason) => {
    const now = Date.now();
    expect(verifyIdentity(reader(alter(signIdentity(identity, SECRET, BODY, now))), BODY, SECRET, WINDOW, now)).toEqual({
      ok: false,
      reason,
    });
  });

  it('are refused when signed with another secret', () => {
    expect(verifyIdentity(reader(signIdentity(identity, 'another-secret-entirely', BODY)), BODY, SECRET)).toEqual({
      ok: false,
      reason: 'forged identity signature',
    });
  });

  it('expire: older or further in the future than the allowed age', () => {
    const now = Date.now();
    const old = signIdentity(identity, SECRET, BODY, now - WINDOW.maxAgeMs - WINDOW.clockSkewMs - 1);
    const future = signIdentity(identity, SECRET, BODY, now + WINDOW.clockSkewMs + 1);
    expect(verifyIdentity(reader(old), BODY, SECRET, WINDOW, now)).toEqual({ ok: false, reason: 'stale identity signature' });
    expect(verifyIdentity(reader(future), BODY, SECRET, WINDOW, now)).toEqual({ ok: false, reason: 'stale identity signature' });
    expect(verifyIdentity(reader(signIdentity(identity, SECRET, BODY, now - WINDOW.maxAgeMs)), BODY, SECRET, WINDOW, now).ok).toBe(true);
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
