import type { IncomingMessage } from 'node:http';
import { createRemoteJWKSet, errors, jwtVerify } from 'jose';
import { DomainError, HttpError, identityOfClaims, TOKEN_ALG, TOKEN_AUDIENCE, TOKEN_ISSUER, type Identity } from '../../services/kit/src';
import type { ClientAddress } from './clientAddress';
import type { PartnerKeyCheck } from './partnerKeys';

const BEARER = /^Bearer ([\w-]+\.[\w-]+\.[\w-]+)$/;

/**
 * Who calls: a partner brand's x-api-key (checked with the member service), or a Bearer access
 * token that must verify (ES256 only, our issuer and audience, not expired) against the member
 * service's published keys, else 401 before anything is planned; no credential is anonymous.
 * jose caches the key set and refetches it when a token names a key it does not know, so a key
 * rotation needs no restart.
 */
export function createAuthenticator(
  jwksUrl: string,
  cooldownMs: number,
  partners: PartnerKeyCheck,
  addressOf: ClientAddress,
): (req: IncomingMessage) => Promise<Identity> {
  const keys = createRemoteJWKSet(new URL(jwksUrl), { timeoutDuration: 2000, cooldownDuration: cooldownMs, cacheMaxAge: 10 * 60_000 });
  return async (req) => {
    const ip = addressOf(req);
    const header = req.headers.authorization;
    const apiKey = req.headers['x-api-key'];
    if (!header && typeof apiKey === 'string') return { ...(await partnerOf(partners, apiKey)), ...(ip ? { ip } : {}) };
    if (!header) return { kind: 'ANONYMOUS', ...(ip ? { ip } : {}) };
    const token = BEARER.exec(header)?.[1];
    if (!token) throw new HttpError(401, 'send the access token as "Authorization: Bearer <token>"', 'UNAUTHENTICATED');
    try {
      const { payload } = await jwtVerify(token, keys, { issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE, algorithms: [TOKEN_ALG] });
      return { ...identityOfClaims(payload), ...(ip ? { ip } : {}) };
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
