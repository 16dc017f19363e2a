import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { GatewayConfig } from './config';

/**
 * Query limits with graphql-armor, checked before a plan is made or a subgraph is called: depth,
 * aliases, directives and cost. Field suggestions ("Did you mean …") are blocked outside
 * development so the schema cannot be mapped by typos when introspection is off. The token limit
 * is graphql-js's own parse option (see parseOptions below): armor's token plugin throws from a
 * hook that Apollo Server answers with HTTP 500, where a too-large document deserves a 400.
 */
export function queryLimits(config: GatewayConfig) {
  const limits = config.limits;
  return new ApolloArmor({
    maxDepth: { n: limits.maxDepth, flattenFragments: true },
    maxAliases: { n: limits.maxAliases },
    maxTokens: { enabled: false },
    maxDirectives: { n: limits.maxDirectives },
    costLimit: { maxCost: limits.maxCost, flattenFragments: true },
    blockFieldSuggestion: { enabled: config.nodeEnv !== 'development' },
  }).protect();
}

/** graphql-js stops reading a document after this many tokens: a huge one costs almost nothing. */
export function parseOptions(config: GatewayConfig) {
  return { maxTokens: config.limits.maxTokens };
}
