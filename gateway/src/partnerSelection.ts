import type { ApolloServerPlugin } from '@apollo/server';
import {
  getNamedType,
  isAbstractType,
  isCompositeType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { PARTNER_AUDITED_FIELDS, type PartnerAuditedField } from '../../services/kit/src';
import type { GatewayContext } from './subgraph-fetch';

const AUDITED: ReadonlySet<string> = new Set(PARTNER_AUDITED_FIELDS);

/**
 * Which of the partner-audited fields of `Member` (maskedPhone, tier) an operation selects, anywhere
 * in it: aliased, in inline fragments or named ones, at any depth, under any root field that leads
 * to a `Member` (an abstract type that `Member` belongs to counts as `Member`). `@skip`/`@include`
 * are not evaluated: the answer is per document, not per set of variables, and a field that may be
 * selected counts as selected (the audit errs towards recording).
 */
export function selectedPartnerFields(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
): PartnerAuditedField[] {
  const member = schema.getType('Member');
  const root = schema.getRootType(operation.operation);
  if (!member || !root) return [];
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const found = new Set<string>();
  // A named fragment has one type condition, so what it selects is the same wherever it is spread: walked once.
  const walked = new Set<string>();
  const isMember = (type: GraphQLCompositeType) =>
    type === member || (isAbstractType(type) && isObjectType(member) && schema.isSubType(type, member));
  const typeNamed = (name: string, otherwise: GraphQLCompositeType): GraphQLCompositeType => {
    const type: GraphQLNamedType | undefined = schema.getType(name);
    return type && isCompositeType(type) ? type : otherwise;
  };
  const walk = (selections: SelectionSetNode, parent: GraphQLCompositeType): void => {
    for (const selection of selections.selections) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        if (AUDITED.has(name) && isMember(parent)) found.add(name);
        // A union has no fields of its own to descend into (only __typename, a leaf).
        if (!selection.selectionSet || !('getFields' in parent)) continue;
        const field = parent.getFields()[name];
        const type = field && getNamedType(field.type);
        if (type && isCompositeType(type)) walk(selection.selectionSet, type);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(selection.selectionSet, selection.typeCondition ? typeNamed(selection.typeCondition.name.value, parent) : parent);
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (!fragment || walked.has(name)) continue;
        walked.add(name);
        walk(fragment.selectionSet, typeNamed(fragment.typeCondition.name.value, parent));
      }
    }
  };
  walk(operation.selectionSet, root);
  return PARTNER_AUDITED_FIELDS.filter((field) => found.has(field));
}

/**
 * Tells the member service which of a partner's audited fields the operation selects, in the
 * identity the gateway signs for the subgraphs (Identity.selects): the member service resolves the
 * member's tier for any benefits field of `Member` (benefits' key), selected or not, and cannot see
 * the operation. Worked out once per operation (Apollo keeps a parsed, validated document per query
 * text, so its operation node is the same object request after request); partners only — every
 * other caller costs one comparison.
 */
export function partnerSelection(): ApolloServerPlugin<GatewayContext> {
  const known = new WeakMap<OperationDefinitionNode, PartnerAuditedField[]>();
  return {
    async requestDidStart({ contextValue }) {
      if (contextValue.identity.kind !== 'PARTNER') return;
      return {
        async didResolveOperation({ contextValue, operation, document, schema }) {
          // No operation: the operation guard refuses it before anything is fetched.
          if (!operation) return;
          let selects = known.get(operation);
          if (!selects) {
            selects = selectedPartnerFields(schema, document, operation);
            known.set(operation, selects);
          }
          contextValue.identity = { ...contextValue.identity, selects };
        },
      };
    },
  };
}
