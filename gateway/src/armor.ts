import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  buildSchema,
  getIntrospectionQuery,
  GraphQLError,
  Kind,
  parse,
  TypeInfo,
  validate,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLSchema,
  type ValidationContext,
  type ValidationRule,
  type VariableDefinitionNode,
} from 'graphql';
import { MAX_PAGE_SIZE } from '../../services/kit/src';
import type { GatewayConfig } from './config';
import type { GatewayContext } from './subgraph-fetch';

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
 * Cost: 2 per object, 1 per scalar, and a list's whole selection times its `first`. Depth is
 * bounded on its own (maxDepth), so it does not also multiply the cost (armor's default 1.5 per
 * level made a page of 60 history entries cost more than the limit although the API serves 100):
 * every documented list at MAX_PAGE_SIZE with all its scalar fields stays within GRAPHQL_MAX_COST,
 * a list nested in another list does not.
 */
const COST_MODEL = { objectCost: 2, scalarCost: 1, depthCostFactor: 1 };

type Budget = { depth: number; cost: number };

/** Depth and cost rules of graphql-armor for one budget, counting introspection fields like any other. */
function depthAndCost(budget: Budget, measured?: (limit: keyof Budget, n: number) => void): ValidationRule[] {
  return new ApolloArmor({
    maxDepth: {
      n: budget.depth,
      flattenFragments: true,
      ignoreIntrospection: false,
      ...reported,
      onAccept: measured ? [(_, { n }) => measured('depth', n)] : [],
    },
    costLimit: {
      maxCost: budget.cost,
      ...COST_MODEL,
      flattenFragments: true,
      ignoreIntrospection: false,
      ...reported,
      onAccept: measured ? [(_, { n }) => measured('cost', n)] : [],
    },
    maxAliases: { enabled: false },
    maxDirectives: { enabled: false },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: false },
  }).protect().validationRules as ValidationRule[];
}

/**
 * The depth and cost of the fullest standard introspection query (every option of graphql-js's
 * getIntrospectionQuery, a superset of what GraphiQL sends), measured with the same rules. Schema
 * documents get this budget: enough for GraphiQL, and not one level or point more.
 */
export const INTROSPECTION_BUDGET: Budget = (() => {
  const found: Budget = { depth: 0, cost: 0 };
  const query = getIntrospectionQuery({
    descriptions: true,
    specifiedByUrl: true,
    directiveIsRepeatable: true,
    schemaDescription: true,
    inputValueDeprecation: true,
    oneOf: true,
  });
  const rules = depthAndCost({ depth: Number.MAX_SAFE_INTEGER, cost: Number.MAX_SAFE_INTEGER }, (limit, n) => (found[limit] = n));
  validate(buildSchema('type Query { ok: Boolean }'), parse(query), rules);
  return found;
})();

const INTROSPECTION_FIELDS = new Set(['__schema', '__type', '__typename']);

/** A document whose operations select nothing but introspection fields at their root (a schema query). */
function isIntrospectionDocument(document: DocumentNode): boolean {
  return document.definitions.every(
    (definition) =>
      definition.kind !== Kind.OPERATION_DEFINITION ||
      definition.selectionSet.selections.every((s) => s.kind === Kind.FIELD && INTROSPECTION_FIELDS.has(s.name.value)),
  );
}

/**
 * Query limits with graphql-armor, checked before a plan is made or a subgraph is called: depth,
 * aliases, directives and cost. Field suggestions ("Did you mean …") are blocked outside
 * development so the schema cannot be mapped by typos when introspection is off. The token limit
 * is graphql-js's own parse option (see parseOptions below): armor's token plugin throws from a
 * hook that Apollo Server answers with HTTP 500, where a too-large document deserves a 400.
 *
 * Depth and cost hold in every mode, introspection included (armor skips `__schema` by default,
 * which let a 17-deep schema document through in development). A schema document is measured
 * against the configured limits or the standard introspection query's own depth and cost, whichever
 * is larger (GraphiQL's query is 15 deep, deeper than any member query needs); every other document
 * against the configured ones.
 */
export function queryLimits(config: GatewayConfig) {
  const limits = config.limits;
  const others = new ApolloArmor({
    maxDepth: { enabled: false },
    costLimit: { enabled: false },
    maxAliases: { n: limits.maxAliases, ...reported },
    maxTokens: { enabled: false },
    maxDirectives: { n: limits.maxDirectives, ...reported },
    blockFieldSuggestion: { enabled: config.nodeEnv !== 'development' },
  }).protect();
  const regular = depthAndCost({ depth: limits.maxDepth, cost: limits.maxCost });
  const schema = depthAndCost({
    depth: Math.max(limits.maxDepth, INTROSPECTION_BUDGET.depth),
    cost: Math.max(limits.maxCost, INTROSPECTION_BUDGET.cost),
  });
  const depthAndCostRules = regular.map(
    (rule, i): ValidationRule =>
      (context: ValidationContext) =>
        (isIntrospectionDocument(context.getDocument()) ? schema[i] : rule)(context),
  );
  return {
    plugins: [...others.plugins, variablePageSizes(depthAndCost({ depth: Number.MAX_SAFE_INTEGER, cost: limits.maxCost }))],
    validationRules: [...(others.validationRules as ValidationRule[]), ...depthAndCostRules],
  };
}

const PAGE_ARGUMENTS = new Set(['first', 'last']);

/**
 * armor multiplies a list's cost by `first` only when it is written in the document; `first: $n`
 * counts as 1, so `members(first: $a) { points { history(first: $b) … } }` passed at 100 × 100.
 * Validation runs once per document, before the variables are known. Once the operation is
 * resolved they are: the document is costed again, by the same rules, with every page size given
 * by a variable written in as its value (else the variable's default, else the argument's own
 * default, else MAX_PAGE_SIZE, the most a resolver serves). Documents without such a variable are
 * not costed twice, and whether a document has one is decided once (Apollo reuses parsed documents).
 */
function variablePageSizes(costRules: ValidationRule[]): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, schema, request, operation }) {
          if (!hasVariablePageSize(document)) return;
          const inlined = withPageSizesWritten(schema, document, request.variables ?? {}, operation?.variableDefinitions ?? []);
          if (inlined === document) return;
          const [refusal] = validate(schema, inlined, costRules);
          if (refusal) {
            throw new GraphQLError(refusal.message, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } } });
          }
        },
      };
    },
  };
}

const variablePageSizeSeen = new WeakMap<DocumentNode, boolean>();

function hasVariablePageSize(document: DocumentNode): boolean {
  let found = variablePageSizeSeen.get(document);
  if (found === undefined) {
    found = false;
    visit(document, {
      Argument(node) {
        if (PAGE_ARGUMENTS.has(node.name.value) && node.value.kind === Kind.VARIABLE) found = true;
      },
    });
    variablePageSizeSeen.set(document, found);
  }
  return found;
}

/** The document with each variable page size replaced by the number it stands for; the same object when there is none. */
function withPageSizesWritten(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown>,
  definitions: readonly VariableDefinitionNode[],
): DocumentNode {
  const typeInfo = new TypeInfo(schema);
  return visit<DocumentNode>(
    document,
    visitWithTypeInfo(typeInfo, {
      Argument(node) {
        if (!PAGE_ARGUMENTS.has(node.name.value) || node.value.kind !== Kind.VARIABLE) return undefined;
        const name = node.value.name.value;
        const declared = definitions.find((d) => d.variable.name.value === name)?.defaultValue;
        const candidates = [
          variables[name],
          declared?.kind === Kind.INT ? Number(declared.value) : undefined,
          typeInfo.getArgument()?.defaultValue,
        ];
        const size = candidates.find((c): c is number => Number.isInteger(c)) ?? MAX_PAGE_SIZE;
        return { ...node, value: { kind: Kind.INT, value: String(size) } };
      },
    }),
  );
}

/** graphql-js stops reading a document after this many tokens: a huge one costs almost nothing. */
export function parseOptions(config: GatewayConfig) {
  return { maxTokens: config.limits.maxTokens };
}
