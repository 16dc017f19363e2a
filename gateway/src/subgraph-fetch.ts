import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import CircuitBreaker from 'opossum';
import { IDENTITY_HEADER, signIdentity, type Identity } from '../../services/kit/src';

export interface GatewayContext {
  identity: Identity;
  requestId: string;
}

/**
 * How the gateway talks to one subgraph: Node's own fetch (undici, keep-alive) instead of the
 * stock make-fetch-happen fetcher, a timeout on every request, a circuit breaker (opossum) so a
 * dead subgraph fails in microseconds instead of a timeout each, and the caller's identity in
 * headers signed for the subgraph to verify.
 */
export class SignedSubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  private readonly secret: string;
  readonly breaker: CircuitBreaker<[string, RequestInit], Response>;

  constructor(url: string, secret: string, options: { timeoutMs: number; breakerResetMs: number }) {
    const breaker = new CircuitBreaker(
      (input: string, init: RequestInit) => fetch(input, { ...init, signal: AbortSignal.timeout(options.timeoutMs) }),
      {
        // The fetch has its own timeout (above); the breaker only counts failures.
        timeout: false,
        errorThresholdPercentage: 50,
        volumeThreshold: 5,
        resetTimeout: options.breakerResetMs,
      },
    );
    const fetchOnce = (input: string, init: RequestInit) => breaker.fire(input, init);
    super({ url, fetcher: deduplicateQueries(fetchOnce) as never });
    this.breaker = breaker;
    this.secret = secret;
  }

  /** A subgraph that is down, too slow or cut off by its breaker: a clear UNAVAILABLE instead of internals. */
  override didEncounterError(error: Error): void {
    if (error instanceof GraphQLError) throw error;
    throw new GraphQLError('a service this request depends on did not answer; the rest of the data is complete', {
      extensions: { code: 'UNAVAILABLE' },
      originalError: error,
    });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const identity = 'identity' in context && context.identity ? context.identity : { kind: 'ANONYMOUS' as const };
    for (const [name, value] of Object.entries(signIdentity(identity, this.secret))) request.http?.headers.set(name, value);
    if ('requestId' in context && context.requestId) request.http?.headers.set('x-request-id', context.requestId);
  }
}

/** A subgraph request the gateway may share: a query (never a mutation), as the gateway serialises it. */
export function isSharableQuery(body: unknown): body is string {
  return typeof body === 'string' && (body.startsWith('{"query":"query') || body.startsWith('{"query":"{'));
}

/**
 * Identical subgraph queries in flight at the same moment, for the same caller, are sent once and
 * the answer is shared (each waiter reads its own copy). Only queries — a mutation always runs —
 * and only between requests of the same signed identity, so no caller ever sees an answer made for
 * another. Nothing is cached: once the answer arrives, the next identical query is sent again.
 */
export function deduplicateQueries(fetchOnce: (input: string, init: RequestInit) => Promise<Response>) {
  const inFlight = new Map<string, Promise<Response>>();
  return (input: string, init: RequestInit): Promise<Response> => {
    if (!isSharableQuery(init.body)) return fetchOnce(input, init);
    const identity = new Headers(init.headers).get(IDENTITY_HEADER) ?? '';
    const key = `${input}\n${identity}\n${init.body}`;
    let shared = inFlight.get(key);
    if (!shared) {
      shared = fetchOnce(input, init).finally(() => inFlight.delete(key));
      inFlight.set(key, shared);
    }
    return shared.then((response) => response.clone());
  };
}
