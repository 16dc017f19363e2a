import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, type ValidationContext } from 'graphql';
import type { GatewayConfig } from './config';

/**
 * graphql-armor names every refusal a "Syntax Error" (the document parsed fine); the refusal is
 * reported to the validation context instead, so Apollo answers it as GRAPHQL_VALIDATION_FAILED
 * (400) with the limit's own words.
 */
const reported = {
  propagateOnRejection: false,
  onReject: [
    (context: ValidationContext | null, error: GraphQLError) =>
      context?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, ''))),
  ],
};

/**
 * Query limits with graphql-armor, checked before a plan is made or a subgraph is called: depth,
 * aliases, directives and cost. Field suggestions ("Did you mean …") are blocked outside
 * development so the schema cannot be mapped by typos when introspection is off. The token limit
 * is graphql-js's own parse option (see parseOptions below): armor's token plugin throws from a
 * hook that Apollo Server answers with HTTP 500, where a too-large document deserves a 400.
 *
 * Cost: 2 per object, 1 per scalar, and a list's whole selection times its `first`. Depth is
 * bounded on its own (maxDepth), so it does not also multiply the cost (armor's default 1.5 per
 * level made a page of 60 history entries cost more than the limit although the API serves 100):
 * every documented list at MAX_PAGE_SIZE with all its scalar fields stays within GRAPHQL_MAX_COST,
 * a list nested in another list does not.
 */
export function queryLimits(config: GatewayConfig) {
  const limits = config.limits;
  return new ApolloArmor({
    maxDepth: { n: limits.maxDepth, flattenFragments: true, ...reported },
    maxAliases: { n: limits.maxAliases, ...reported },
    maxTokens: { enabled: false },
    maxDirectives: { n: limits.maxDirectives, ...reported },
    costLimit: { maxCost: limits.maxCost, objectCost: 2, scalarCost: 1, depthCostFactor: 1, flattenFragments: true, ...reported },
    blockFieldSuggestion: { enabled: config.nodeEnv !== 'development' },
  }).protect();
}

/** graphql-js stops reading a document after this many tokens: a huge one costs almost nothing. */
export function parseOptions(config: GatewayConfig) {
  return { maxTokens: config.limits.maxTokens };
}
