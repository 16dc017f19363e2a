import type { IncomingMessage } from 'node:http';
import { createRemoteJWKSet, errors, jwksCache, jwtVerify, type JWKSCacheInput } from 'jose';
import { DomainError, HttpError, identityOfClaims, TOKEN_ALG, TOKEN_AUDIENCE, TOKEN_ISSUER, type Identity } from '../../services/kit/src';
import type { ClientAddress } from './clientAddress';
import type { PartnerKeyCheck } from './partnerKeys';

const BEARER = /^Bearer ([\w-]+\.[\w-]+\.[\w-]+)$/;

/**
 * Tokens the gateway has verified, by their exact text, so a client sending the same token again
 * (every request of a session does) is not verified again while nothing that decided it has changed.
 *
 * Why: a profile of the gateway under the member card put a fifth to a quarter of its CPU in
 * jose's ES256 signature check, the same check on the same bytes request after request.
 *
 * What stays exactly as it was: an entry is used only while the key set that verified the token is
 * still the one jose holds and jose would not fetch it again (`fresh`), and only before the token's
 * `exp` as jose reads it (expired when `exp <= now` in whole seconds), so a reused token is accepted
 * exactly when jose would accept it again: once the key set is fetched anew (a rotation, an unknown
 * key id, its age) every entry is verified again against the new keys, and an expired token gets
 * jose's own 401. Issuer, audience and algorithm are in the signed bytes; `nbf` was passed when it
 * was verified. A token that failed is never kept. Bounded: past MAX_VERIFIED the oldest entries go.
 */
const MAX_VERIFIED = 10_000;

interface Verified {
  identity: Identity;
  exp: number;
  /** The key set (jose's parsed JWKS, a new object on each fetch) the token was verified with. */
  keys: unknown;
}

export interface AuthenticatorOptions {
  jwksUrl: string;
  cooldownMs: number;
  partners: PartnerKeyCheck;
  addressOf: ClientAddress;
}

/**
 * Who calls: a partner brand's x-api-key (checked with the member service), or a Bearer access
 * token that must verify (ES256 only, our issuer and audience, not expired) against the member
 * service's published keys, else 401 before anything is planned; no credential is anonymous.
 * jose caches the key set and refetches it when a token names a key it does not know, so a key
 * rotation needs no restart.
 */
export function createAuthenticator({
  jwksUrl,
  cooldownMs,
  partners,
  addressOf,
}: AuthenticatorOptions): (req: IncomingMessage) => Promise<Identity> {
  // jose writes the key set it fetched here (a new object each time): what a kept token was verified with.
  const keySet: { jwks?: unknown; uat?: number } = {};
  const keys = createRemoteJWKSet(new URL(jwksUrl), {
    timeoutDuration: 2000,
    cooldownDuration: cooldownMs,
    cacheMaxAge: 10 * 60_000,
    [jwksCache]: keySet as JWKSCacheInput,
  });
  const verified = new Map<string, Verified>();
  const keep = (token: string, entry: Verified) => {
    if (verified.size >= MAX_VERIFIED) verified.delete(verified.keys().next().value as string);
    verified.set(token, entry);
  };
  return async (req) => {
    const ip = addressOf(req);
    const header = req.headers.authorization;
    const apiKey = req.headers['x-api-key'];
    if (!header && typeof apiKey === 'string') return { ...(await partnerOf(partners, apiKey)), ...(ip ? { ip } : {}) };
    if (!header) return { kind: 'ANONYMOUS', ...(ip ? { ip } : {}) };
    const token = BEARER.exec(header)?.[1];
    if (!token) throw new HttpError(401, 'send the access token as "Authorization: Bearer <token>"', 'UNAUTHENTICATED');
    const known = verified.get(token);
    if (known) {
      if (known.keys === keySet.jwks && keys.fresh && known.exp > Math.floor(Date.now() / 1000))
        return { ...known.identity, ...(ip ? { ip } : {}) };
      verified.delete(token);
    }
    try {
      const { payload } = await jwtVerify(token, keys, { issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE, algorithms: [TOKEN_ALG] });
      const identity = identityOfClaims(payload);
      // The key set as it is now: jose may have fetched it while verifying this token.
      if (typeof payload.exp === 'number') keep(token, { identity, exp: payload.exp, keys: keySet.jwks });
      return { ...identity, ...(ip ? { ip } : {}) };
    } catch (error) {
      if (error instanceof errors.JWTExpired) throw new HttpError(401, 'the access token has expired; refresh it', 'UNAUTHENTICATED');
      if (error instanceof errors.JWKSTimeout || (error instanceof TypeError && !(error instanceof errors.JOSEError))) {
        throw new HttpError(503, 'sign-in keys are unavailable; retry later', 'UNAVAILABLE');
      }
      if (error instanceof DomainError || error instanceof errors.JOSEError) {
        throw new HttpError(401, 'the access token is not valid', 'UNAUTHENTICATED');
      }
      throw error;
    }
  };
}

/** A partner brand's identity from its API key; an unknown or revoked key is 401. */
async function partnerOf(partners: PartnerKeyCheck, apiKey: string): Promise<Identity> {
  let found: Awaited<ReturnType<PartnerKeyCheck['verify']>>;
  try {
    found = await partners.verify(apiKey);
  } catch {
    throw new HttpError(503, 'partner keys cannot be checked right now; retry later', 'UNAVAILABLE');
  }
  if (!found) throw new HttpError(401, 'the API key is not valid', 'UNAUTHENTICATED');
  return { kind: 'PARTNER', subject: found.keyId, partner: found.partner };
}
