import { createHmac, createSecretKey, timingSafeEqual, type KeyObject } from 'node:crypto';
import { DomainError } from './errors';

/**
 * Who is calling, as the gateway established it. Subgraphs never trust a client-supplied identity:
 * they accept only headers signed by the gateway with the shared secret (HMAC-SHA256 over the
 * identity, a timestamp and the exact request body), so a subgraph cannot be reached around the
 * gateway, and a captured set of headers is good for nothing but that very body for a few seconds.
 */
export type IdentityKind = 'ANONYMOUS' | 'MEMBER' | 'STAFF' | 'PARTNER' | 'SERVICE';

export interface Identity {
  kind: IdentityKind;
  subject?: string;
  roles?: string[];
  channel?: string;
  partner?: string;
  store?: string;
  /** The client's address as the gateway saw it (login limits count per address). */
  ip?: string;
  /**
   * PARTNER only: which of PARTNER_AUDITED_FIELDS the client's operation selects on `Member`, as
   * the gateway found them in the operation's document. The member service records a partner's
   * read of a field only when it is listed here: it resolves more than the partner selected (the
   * gateway's plan fetches benefits' key, the member's tier, for any benefits field of `Member`).
   * Signed with the rest of the identity, so nobody but the gateway can narrow it. Absent when the
   * signer did not say (an older gateway, a test signing its own request): then every read the
   * member service resolved is recorded, erring towards recording.
   */
  selects?: PartnerAuditedField[];
}

/** The fields of `Member` a partner may read, each read of which the member service records (PIPL audit). */
export const PARTNER_AUDITED_FIELDS = ['maskedPhone', 'tier'] as const;
export type PartnerAuditedField = (typeof PARTNER_AUDITED_FIELDS)[number];

/**
 * Whether the caller's operation selected `field`, so that resolving it is a read to record:
 * unknown (no signed `selects`) counts as selected.
 */
export function clientSelected(identity: Identity, field: PartnerAuditedField): boolean {
  return !Array.isArray(identity.selects) || identity.selects.includes(field);
}

export const ANONYMOUS: Identity = Object.freeze({ kind: 'ANONYMOUS' as const });

export const IDENTITY_HEADER = 'x-mg-identity';
export const TIMESTAMP_HEADER = 'x-mg-timestamp';
export const SIGNATURE_HEADER = 'x-mg-signature';

/** How long a signature is good for, and how far the signer's clock may differ from the verifier's. */
export interface SignatureWindow {
  /** A signature older than this (plus the skew) counts as replayed. */
  maxAgeMs: number;
  /** Tolerance for clocks of different hosts, either way. */
  clockSkewMs: number;
}

/** The gateway signs each subgraph request just before sending it: a few seconds is plenty. */
export const DEFAULT_SIGNATURE_WINDOW: SignatureWindow = Object.freeze({ maxAgeMs: 5_000, clockSkewMs: 1_000 });

/**
 * One HMAC pass over timestamp, identity and body. Neither the timestamp (digits) nor the identity
 * (base64url) can contain the separator, so no two different triples sign the same text.
 */
function mac(secret: string, timestamp: string, identity: string, body: string): string {
  return createHmac('sha256', secretKey(secret)).update(`${timestamp}.${identity}.`).update(body).digest('base64url');
}

/** The secret as a key object, made once per secret: every request signs or checks with it (the same UTF-8 bytes as the string). */
function secretKey(secret: string): KeyObject {
  let key = secretKeys.get(secret);
  if (!key) {
    key = createSecretKey(Buffer.from(secret, 'utf8'));
    // A process knows one or two secrets (the current one, one being rotated out); never grows with requests.
    if (secretKeys.size >= 8) secretKeys.clear();
    secretKeys.set(secret, key);
  }
  return key;
}
const secretKeys = new Map<string, KeyObject>();

/** The identity as its header carries it; the gateway encodes it once per incoming request. */
export function encodeIdentity(identity: Identity): string {
  return Buffer.from(JSON.stringify(identity)).toString('base64url');
}

/** Headers for one request with an already encoded identity (see encodeIdentity), bound to `body`. */
export function signEncodedIdentity(encoded: string, body: string, secret: string, now = Date.now()): Record<string, string> {
  const timestamp = String(now);
  return {
    [IDENTITY_HEADER]: encoded,
    [TIMESTAMP_HEADER]: timestamp,
    [SIGNATURE_HEADER]: mac(secret, timestamp, encoded, body),
  };
}

/** Headers the gateway adds to a subgraph request whose body is exactly `body` (the bytes sent). */
export function signIdentity(identity: Identity, secret: string, body: string, now = Date.now()): Record<string, string> {
  return signEncodedIdentity(encodeIdentity(identity), body, secret, now);
}

export type VerifyResult = { ok: true; identity: Identity } | { ok: false; reason: string };

/**
 * Checks the gateway's signature over this request's `body` (the bytes received);
 * `header` reads one request header by lower-case name.
 */
export function verifyIdentity(
  header: (name: string) => string | undefined,
  body: string,
  secret: string,
  window: SignatureWindow = DEFAULT_SIGNATURE_WINDOW,
  now = Date.now(),
): VerifyResult {
  const encoded = header(IDENTITY_HEADER);
  const timestamp = header(TIMESTAMP_HEADER);
  const signature = header(SIGNATURE_HEADER);
  if (!encoded || !timestamp || !signature) return { ok: false, reason: 'missing identity signature' };
  const issued = Number(timestamp);
  const age = now - issued;
  if (!Number.isFinite(issued) || age > window.maxAgeMs + window.clockSkewMs || -age > window.clockSkewMs) {
    return { ok: false, reason: 'stale identity signature' };
  }
  const expected = Buffer.from(mac(secret, timestamp, encoded, body));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    return { ok: false, reason: 'forged identity signature' };
  }
  try {
    const identity = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8')) as Identity;
    if (typeof identity?.kind !== 'string') return { ok: false, reason: 'malformed identity' };
    return { ok: true, identity };
  } catch {
    return { ok: false, reason: 'malformed identity' };
  }
}

/** Every staff role; POS is a till account bound to one store (the `store` of its signed identity), see requireStoreStaff. */
export const STAFF_ROLES = ['ADMIN', 'OPERATOR', 'ANALYST', 'SERVICE_AGENT', 'POS'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/**
 * Staff-only operations check here, where the data is (the gateway cannot enforce field rules):
 * no identity is UNAUTHENTICATED, anyone but staff with one of `roles` is FORBIDDEN.
 */
export function requireStaff(identity: Identity, roles: readonly StaffRole[]): string {
  if (identity.kind === 'ANONYMOUS') throw new DomainError('UNAUTHENTICATED', 'sign in as staff to do this');
  if (identity.kind !== 'STAFF' || !identity.roles?.some((role) => (roles as readonly string[]).includes(role))) {
    throw new DomainError('FORBIDDEN', `only staff with the role ${roles.join(' or ')} may do this`);
  }
  return identity.subject ?? 'staff';
}

/**
 * Work done at a store (orders, refunds, checkout offsets): staff with one of `roles` anywhere (a
 * back office, or an OPERATOR account used at a till, as before the POS role); a POS account only
 * at the store its signed identity carries, since its token cannot be trusted beyond that till.
 * `store` is the store the caller names, if any. Answers the store a POS is bound to (record the
 * work there when none was named), null for unrestricted staff.
 */
export function requireStoreStaff(identity: Identity, roles: readonly StaffRole[], store?: string | null): string | null {
  if (identity.kind === 'STAFF' && identity.roles?.some((role) => (roles as readonly string[]).includes(role))) return null;
  // Not staff, or staff with neither these roles nor POS: requireStaff throws UNAUTHENTICATED or FORBIDDEN.
  if (identity.kind !== 'STAFF' || !identity.roles?.includes('POS')) requireStaff(identity, [...roles, 'POS']);
  if (!identity.store) throw new DomainError('FORBIDDEN', 'this POS account is bound to no store');
  if (store != null && store !== identity.store)
    throw new DomainError('FORBIDDEN', `a POS account works only at its own store (${identity.store})`, { field: 'store' });
  return identity.store;
}

/** How an identity is recorded as the cause of a change (ledger entries, audit rows). */
export function actorOf(identity: Identity): string {
  switch (identity.kind) {
    case 'MEMBER':
      return `member:${identity.subject ?? ''}`;
    case 'STAFF':
      return `staff:${identity.subject ?? ''}`;
    case 'PARTNER':
      return `partner:${identity.partner ?? identity.subject ?? ''}`;
    case 'SERVICE':
      return `service:${identity.subject ?? ''}`;
    default:
      return 'channel';
  }
}

/**
 * Reading one member's data: the member themselves or any staff. Anyone else is FORBIDDEN (a
 * partner sees members only through the member service's masked fields), and no identity is
 * UNAUTHENTICATED. Every subgraph checks this in its Member fields and reference resolver.
 */
export function requireMemberReader(identity: Identity, memberId: string): void {
  if (identity.kind === 'ANONYMOUS') throw new DomainError('UNAUTHENTICATED', 'sign in to see member data');
  if (identity.kind === 'STAFF' && identity.roles?.length) return;
  if (identity.kind === 'MEMBER' && identity.subject === memberId) return;
  throw new DomainError('FORBIDDEN', "you may not see this member's data");
}

/**
 * What only the member themselves may do (give or withdraw a consent, check in): staff and other
 * members are FORBIDDEN, no identity is UNAUTHENTICATED; `refusal` says what was refused.
 */
export function requireSelf(identity: Identity, memberId: string, refusal: string): void {
  if (identity.kind === 'MEMBER' && identity.subject === memberId) return;
  throw new DomainError(identity.kind === 'ANONYMOUS' ? 'UNAUTHENTICATED' : 'FORBIDDEN', refusal);
}

/** Acting on one member's behalf: the member themselves, or staff with one of `roles`. */
export function requireSelfOrStaff(identity: Identity, memberId: string, roles: readonly StaffRole[]): void {
  if (identity.kind === 'MEMBER' && identity.subject === memberId) return;
  if (identity.kind === 'MEMBER') throw new DomainError('FORBIDDEN', 'members may act only on their own account');
  requireStaff(identity, roles);
}

/** A subgraph's Member reference (from `_entities`), checked like any other read of member data. */
export function readableMemberRef<T extends { id: string }>(ref: T, ctx: { identity: Identity }): T {
  requireMemberReader(ctx.identity, ref.id);
  return ref;
}
