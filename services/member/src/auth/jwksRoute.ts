import type { Logger, Route } from '../../../kit/src';
import type { SigningKeys } from './signingKeys';

/** GET /.well-known/jwks.json: the public keys the gateway verifies access tokens with. */
export function jwksRoute(keys: SigningKeys, logger: Logger): Route {
  return async (_req, res) => {
    try {
      const body = JSON.stringify(await keys.jwks());
      res.writeHead(200, {
        'content-type': 'application/jwk-set+json',
        'cache-control': 'max-age=30',
        'content-length': Buffer.byteLength(body),
      });
      res.end(body);
    } catch (error) {
      logger.error({ err: error }, 'could not read the signing keys');
      res.writeHead(503, { 'content-type': 'application/json' });
      res.end('{"error":"unavailable"}');
    }
  };
}
