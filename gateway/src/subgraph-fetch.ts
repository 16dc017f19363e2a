import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { GraphQLError } from 'graphql';
import CircuitBreaker from 'opossum';
import { Pool } from 'undici';
import {
  encodeIdentity,
  IDENTITY_HEADER,
  observeBreaker,
  openAfterConsecutiveFailures,
  signEncodedIdentity,
  type Identity,
  type Logger,
  type ServiceMetrics,
} from '../../services/kit/src';

export interface GatewayContext {
  identity: Identity;
  requestId: string;
}

/** One request to a subgraph, as sent: the serialised GraphQL request and its headers. */
export interface SubgraphCall {
  body: string;
  headers: Record<string, string>;
}

/** A subgraph's answer, read whole: immutable, so one answer can be handed to several waiters. */
export interface SubgraphReply {
  status: number;
  contentType: string;
  text: string;
}

export type SendToSubgraph = (call: SubgraphCall) => Promise<SubgraphReply>;

/** The headers of one subgraph call: `body` is exactly what is sent. */
export type RequestHeaders = (context: Partial<GatewayContext>, body: string) => Record<string, string>;

/**
 * The caller's identity signed for the subgraphs, per subgraph request: the signature covers the
 * body sent, so a captured header set is useless for any other request. One signer serves all the
 * gateway's data sources; what does not depend on the body (the encoded identity, the request id)
 * is made once per incoming request, so each call costs one HMAC over its body.
 */
export function requestHeaders(secret: string): RequestHeaders {
  const perRequest = new WeakMap<object, { encoded: string; requestId?: string }>();
  return (context, body) => {
    let known = perRequest.get(context);
    if (!known) {
      known = { encoded: encodeIdentity(context.identity ?? { kind: 'ANONYMOUS' }), requestId: context.requestId };
      perRequest.set(context, known);
    }
    return {
      'content-type': 'application/json',
      ...signEncodedIdentity(known.encoded, body, secret),
      ...(known.requestId ? { 'x-request-id': known.requestId } : {}),
    };
  };
}

const UNAVAILABLE = 'a service this request depends on did not answer; the rest of the data is complete';

/**
 * How the gateway talks to one subgraph. A profile of the gateway under the member card showed
 * most of its CPU in the fetch machinery, not in planning: web streams, AbortSignals, Request and
 * Headers objects and the garbage they leave, made for every subgraph call (the stock
 * RemoteGraphQLDataSource even builds a node-fetch Request it never sends). So this data source
 * posts the serialised request over a keep-alive undici Pool with `request()` and reads the body
 * as one string; a timeout bounds every call; a circuit breaker (opossum) makes a dead subgraph
 * fail in microseconds instead of a timeout each; the caller's identity goes in headers signed
 * over each request's body (requestHeaders) for the subgraph to verify.
 */
export class SignedSubgraphDataSource implements GraphQLDataSource<GatewayContext> {
  readonly breaker: CircuitBreaker<[SubgraphCall], SubgraphReply>;
  private readonly pool: Pool;
  private readonly send: SendToSubgraph;

  constructor(
    url: string,
    private readonly headersFor: RequestHeaders,
    options: {
      name: string;
      logger: Logger;
      timeoutMs: number;
      breakerResetMs: number;
      /** Failed calls in a row that open the breaker at once (default 5). */
      breakerConsecutiveFailures?: number;
      metrics?: ServiceMetrics;
    },
  ) {
    const target = new URL(url);
    this.pool = new Pool(target.origin, { keepAliveTimeout: 30_000 });
    const post: SendToSubgraph = async ({ body, headers }) => {
      // No AbortSignal per call: headersTimeout bounds the wait for the answer, bodyTimeout each pause in it.
      const response = await this.pool.request({
        path: target.pathname + target.search,
        method: 'POST',
        headers,
        body,
        headersTimeout: options.timeoutMs,
        bodyTimeout: options.timeoutMs,
      });
      const contentType = response.headers['content-type'];
      return {
        status: response.statusCode,
        contentType: (Array.isArray(contentType) ? contentType[0] : contentType) ?? '',
        text: await response.body.text(),
      };
    };
    this.breaker = new CircuitBreaker(post, {
      // The request has its own timeouts (above); the breaker only counts failures.
      timeout: false,
      errorThresholdPercentage: 50,
      volumeThreshold: 5,
      // opossum's default 10 s window stays: a shorter one would let a hung subgraph, whose calls
      // each take the timeout, never gather volumeThreshold failures inside it. The window's rate
      // alone opened only once failures outweighed the successes still in it, seconds after a crash:
      // failures in a row open it at once (refused connections fail in microseconds).
      resetTimeout: options.breakerResetMs,
    });
    openAfterConsecutiveFailures(this.breaker, options.breakerConsecutiveFailures ?? 5);
    // Operators (and the chaos harness) see when a subgraph is cut off and when it is tried again.
    this.breaker.on('open', () => options.logger.warn({ subgraph: options.name, breaker: 'open' }, `breaker for ${options.name} opened`));
    this.breaker.on('halfOpen', () => options.logger.info({ subgraph: options.name, breaker: 'halfOpen' }, `trying ${options.name} again`));
    this.breaker.on('close', () => options.logger.info({ subgraph: options.name, breaker: 'close' }, `breaker for ${options.name} closed`));
    if (options.metrics) observeBreaker(options.metrics, options.name, this.breaker);
    this.send = deduplicateQueries(url, (call) => this.breaker.fire(call));
  }

  async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    const { query, variables, operationName, extensions } = options.request;
    // Key order matters: isSharableQuery recognises a query by how this body starts.
    const body = JSON.stringify({ query, variables, operationName, extensions });
    let reply: SubgraphReply;
    try {
      reply = await this.send({ body, headers: this.headersFor(options.context, body) });
    } catch (error) {
      // A subgraph that is down, too slow or cut off by its breaker: a clear UNAVAILABLE instead of internals.
      throw new GraphQLError(UNAVAILABLE, { extensions: { code: 'UNAVAILABLE' }, originalError: error as Error });
    }
    return parseReply(reply);
  }

  /** Releases the connections and the breaker's timers. */
  async close(): Promise<void> {
    this.breaker.shutdown();
    await this.pool.close();
  }
}

/**
 * A subgraph's answer as a GraphQL response. Its own errors (any status, as long as the body is a
 * GraphQL response) pass through for the gateway to mask; anything else means it is unwell.
 */
export function parseReply(reply: SubgraphReply): GatewayGraphQLResponse {
  if (reply.contentType.startsWith('application/json') || reply.contentType.startsWith('application/graphql-response+json')) {
    try {
      const parsed = JSON.parse(reply.text) as GatewayGraphQLResponse | null;
      if (parsed && typeof parsed === 'object' && ('data' in parsed || Array.isArray(parsed.errors))) return parsed;
    } catch {
      // Falls through to UNAVAILABLE: a truncated or malformed body is a broken subgraph.
    }
  }
  throw new GraphQLError(UNAVAILABLE, { extensions: { code: 'UNAVAILABLE' } });
}

/** A subgraph request the gateway may share: a query (never a mutation), as the gateway serialises it. */
export function isSharableQuery(body: string): boolean {
  return body.startsWith('{"query":"query') || body.startsWith('{"query":"{');
}

/**
 * Identical subgraph queries in flight at the same moment, for the same caller, are sent once and
 * the answer is shared (each waiter parses its own copy of the text). Only queries — a mutation
 * always runs — and only between requests of the same signed identity, so no caller ever sees an
 * answer made for another. Nothing is cached: once the answer arrives, the next identical query is
 * sent again.
 */
export function deduplicateQueries(url: string, send: SendToSubgraph): SendToSubgraph {
  const inFlight = new Map<string, Promise<SubgraphReply>>();
  return (call) => {
    if (!isSharableQuery(call.body)) return send(call);
    const key = `${url}\n${call.headers[IDENTITY_HEADER] ?? ''}\n${call.body}`;
    let shared = inFlight.get(key);
    if (!shared) {
      shared = send(call).finally(() => inFlight.delete(key));
      inFlight.set(key, shared);
    }
    return shared;
  };
}
