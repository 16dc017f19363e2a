import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import { signIdentity, type Identity } from '../../services/kit/src';

export interface GatewayContext {
  identity: Identity;
  requestId: string;
}

/**
 * How the gateway talks to one subgraph: Node's own fetch (undici, keep-alive) instead of the
 * stock make-fetch-happen fetcher, a timeout on every request, and the caller's identity in
 * headers signed for the subgraph to verify.
 */
export class SignedSubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(url: string, secret: string, timeoutMs: number) {
    super({
      url,
      fetcher: ((input: string, init: RequestInit) => fetch(input, { ...init, signal: AbortSignal.timeout(timeoutMs) })) as never,
    });
    this.secret = secret;
  }

  private readonly secret: string;

  /** A subgraph that is down or too slow: a clear UNAVAILABLE instead of undici's internals. */
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
