import type { ApolloServerOptionsWithGateway, ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { GatewayContext } from './subgraph-fetch';

type GatewayInterface = ApolloServerOptionsWithGateway<GatewayContext>['gateway'];

/**
 * A document can parse and validate yet name no executable operation: two operations and no
 * `operationName`, an `operationName` the document does not define, no operation at all, or an
 * operation type the supergraph has no root for (`subscription`). graphql-js does not validate
 * those, Apollo Server leaves them to the executor, and the gateway's query planner then throws
 * INVALID_GRAPHQL, which Apollo answers with HTTP 500. They are the client's mistake: decided
 * here, after validation and before planning, with 400.
 */
export function operationGuard(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, request, document, schema }) {
          if (!operation) {
            const count = document.definitions.filter((d) => d.kind === 'OperationDefinition').length;
            throw new GraphQLError(unresolvedMessage(count, request.operationName), {
              extensions: { code: 'OPERATION_RESOLUTION_FAILURE', http: { status: 400 } },
            });
          }
          if (!schema.getRootType(operation.operation)) {
            throw new GraphQLError(`this graph has no ${operation.operation} operations`, {
              extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}

function unresolvedMessage(operations: number, operationName: string | undefined): string {
  if (operations === 0) return 'the document contains no operation';
  if (operationName) return `the document has no operation named "${operationName}"`;
  return 'the document contains several operations: name the one to run in operationName';
}

/**
 * The planner's own verdict on a document, for any shape the guard above does not know yet: the
 * gateway throws INVALID_GRAPHQL only while building a plan, before a subgraph is called, so it is
 * always about the document and answered as a validation failure (400), never as a 500.
 */
export function plannerErrorsAsValidation(gateway: GatewayInterface): GatewayInterface {
  return {
    onSchemaLoadOrUpdate: (callback) => gateway.onSchemaLoadOrUpdate(callback),
    stop: () => gateway.stop(),
    load: async (options) => {
      const loaded = await gateway.load(options);
      const executor = loaded.executor;
      if (!executor) return loaded;
      return {
        ...loaded,
        executor: async (requestContext) => {
          try {
            return await executor(requestContext);
          } catch (error) {
            if (error instanceof GraphQLError && error.extensions?.code === 'INVALID_GRAPHQL') {
              throw new GraphQLError(error.message, {
                nodes: error.nodes,
                extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } },
              });
            }
            throw error;
          }
        },
      };
    },
  };
}
