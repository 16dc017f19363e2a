import type { IncomingMessage } from 'node:http';
import { createRemoteJWKSet, errors, jwtVerify } from 'jose';
import { DomainError, HttpError, identityOfClaims, TOKEN_ALG, TOKEN_AUDIENCE, TOKEN_ISSUER, type Identity } from '../../services/kit/src';

const BEARER = /^Bearer ([\w-]+\.[\w-]+\.[\w-]+)$/;

/**
 * Who calls: no Authorization header is anonymous; a Bearer access token must verify (ES256 only,
 * our issuer and audience, not expired) against the member service's published keys, else 401
 * before anything is planned. jose caches the key set and refetches it when a token names a key it
 * does not know, so a key rotation needs no restart.
 */
export function createAuthenticator(jwksUrl: string, cooldownMs: number): (req: IncomingMessage) => Promise<Identity> {
  const keys = createRemoteJWKSet(new URL(jwksUrl), { timeoutDuration: 2000, cooldownDuration: cooldownMs, cacheMaxAge: 10 * 60_000 });
  return async (req) => {
    const ip = req.socket.remoteAddress;
    const header = req.headers.authorization;
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
