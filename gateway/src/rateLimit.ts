import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, type DocumentNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Logger } from '../../services/kit/src';
import type { GatewayContext } from './subgraph-fetch';

export interface RateLimitConfig {
  /** Root fields a signed-in caller (member, staff account, partner key) may run per minute. */
  perIdentityPerMinute: number;
  /** Root fields one client address may run per minute, signed in or not. */
  perAddressPerMinute: number;
  /** Shared counters across gateway replicas; in memory (per replica) without it. */
  redisUrl?: string;
}

/** Root fields an operation runs: each alias is one more, so aliases cannot multiply work for free. */
export function rootFieldCount(operation: OperationDefinitionNode, document: DocumentNode): number {
  const fragments = new Map(
    document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d.selectionSet] as const] : [])),
  );
  const count = (set: SelectionSetNode, seen: Set<string>): number =>
    set.selections.reduce((sum, selection) => {
      if (selection.kind === Kind.FIELD) return sum + (selection.name.value === '__typename' ? 0 : 1);
      if (selection.kind === Kind.INLINE_FRAGMENT) return sum + count(selection.selectionSet, seen);
      const fragment = fragments.get(selection.name.value);
      if (!fragment || seen.has(selection.name.value)) return sum;
      return sum + count(fragment, new Set(seen).add(selection.name.value));
    }, 0);
  return Math.max(1, count(operation.selectionSet, new Set()));
}

/**
 * Rate limits per identity and per client address (rate-limiter-flexible), counted in root fields
 * per operation, checked once the operation is known and before anything is planned or fetched.
 * With Redis the counters are shared by every gateway replica; if Redis fails, each replica falls
 * back to its own in-memory counters rather than letting everything through or refusing everyone.
 */
export function rateLimits(config: RateLimitConfig, logger: Logger) {
  const redis = config.redisUrl
    ? new Redis(config.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false })
    : undefined;
  redis?.on('error', (error) => logger.warn({ err: error }, 'rate-limit store unavailable; counting in memory meanwhile'));
  const limiter = (keyPrefix: string, points: number): RateLimiterAbstract => {
    const memory = new RateLimiterMemory({ keyPrefix, points, duration: 60 });
    return redis ? new RateLimiterRedis({ storeClient: redis, keyPrefix, points, duration: 60, insuranceLimiter: memory }) : memory;
  };
  const perIdentity = limiter('mg:rl:identity', config.perIdentityPerMinute);
  const perAddress = limiter('mg:rl:address', config.perAddressPerMinute);

  const plugin: ApolloServerPlugin<GatewayContext> = {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operation, document }) {
          if (!operation) return;
          const cost = rootFieldCount(operation, document);
          const { identity } = contextValue;
          const checks: Array<Promise<unknown>> = [];
          if (identity.kind !== 'ANONYMOUS') {
            checks.push(perIdentity.consume(`${identity.kind}:${identity.partner ?? identity.subject ?? ''}`, cost));
          }
          if (identity.ip) checks.push(perAddress.consume(identity.ip, cost));
          const outcomes = await Promise.allSettled(checks);
          const refused = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as unknown] : []));
          if (refused.length === 0) return;
          const limited = refused.filter((r): r is RateLimiterRes => r instanceof RateLimiterRes);
          if (limited.length === 0) throw refused[0];
          const retryAfter = Math.max(1, Math.ceil(Math.max(...limited.map((r) => r.msBeforeNext)) / 1000));
          throw new GraphQLError(`too many requests; retry in ${retryAfter} s`, {
            extensions: {
              code: 'TOO_MANY_REQUESTS',
              retryAfterSeconds: retryAfter,
              http: { status: 429, headers: new Map([['retry-after', String(retryAfter)]]) },
            },
          });
        },
      };
    },
  };
  return { plugin, close: async () => void (await redis?.quit().catch(() => undefined)) };
}
