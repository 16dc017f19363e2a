import { DomainError } from './errors';
import { STAFF_ROLES, type Identity } from './identity';

/** Who issues access tokens (the member service) and for whom (the gateway): checked on every token. */
export const TOKEN_ISSUER = 'membergraph-member';
export const TOKEN_AUDIENCE = 'membergraph';
/** Access tokens are signed with ECDSA P-256; the gateway accepts no other algorithm. */
export const TOKEN_ALG = 'ES256';
/** Where the member service publishes the public keys (JWKS) the gateway verifies tokens with. */
export const JWKS_PATH = '/.well-known/jwks.json';

/** The claims of an access token besides the registered ones (sub, iss, aud, iat, exp, jti). */
export interface AccessClaims {
  kind: 'MEMBER' | 'STAFF';
  roles?: string[];
  channel?: string;
  store?: string;
}

/** What an access token carries for an identity. */
export function claimsOf(identity: Identity): AccessClaims {
  if (identity.kind !== 'MEMBER' && identity.kind !== 'STAFF') throw new Error(`no access token for a ${identity.kind} identity`);
  return {
    kind: identity.kind,
    ...(identity.roles?.length ? { roles: identity.roles } : {}),
    ...(identity.channel ? { channel: identity.channel } : {}),
    ...(identity.store ? { store: identity.store } : {}),
  };
}

const ROLES = new Set<string>(STAFF_ROLES);

/** The identity a verified token's payload stands for; a payload of any other shape is refused. */
export function identityOfClaims(payload: Record<string, unknown>): Identity {
  const { sub, kind, roles, channel, store } = payload;
  const bad = () => new DomainError('UNAUTHENTICATED', 'the access token is malformed');
  if (typeof sub !== 'string' || !sub) throw bad();
  if (kind === 'MEMBER') {
    if (typeof channel !== 'string') throw bad();
    return { kind, subject: sub, channel };
  }
  if (kind === 'STAFF') {
    if (!Array.isArray(roles) || roles.length === 0 || !roles.every((r) => typeof r === 'string' && ROLES.has(r))) throw bad();
    if (store !== undefined && typeof store !== 'string') throw bad();
    // A POS token without its store would be a till bound to nowhere.
    if (roles.includes('POS') && !store) throw bad();
    return { kind, subject: sub, roles: roles as string[], ...(store ? { store } : {}) };
  }
  throw bad();
}
