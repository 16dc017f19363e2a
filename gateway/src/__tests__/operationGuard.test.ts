import { GraphQLError } from 'graphql';
import { plannerErrorsAsValidation } from '../operationGuard';

type Gateway = Parameters<typeof plannerErrorsAsValidation>[0];

/** A gateway whose executor throws what it is given (the planner's failure), to test the mapping alone. */
function gatewayThrowing(error: unknown): Gateway {
  return {
    onSchemaLoadOrUpdate: () => () => undefined,
    stop: async () => undefined,
    load: async () => ({
      schema: undefined as never,
      executor: async () => {
        throw error;
      },
    }),
  };
}

async function run(gateway: Gateway) {
  const { executor } = await plannerErrorsAsValidation(gateway).load({ apollo: { graphRef: 'test@current' } } as never);
  return executor!({} as never);
}

describe('plannerErrorsAsValidation', () => {
  it('answers the planner refusing a document (INVALID_GRAPHQL) as a 400 validation failure with its message', async () => {
    const refusal = new GraphQLError('Cannot add selection of field "x"', { extensions: { code: 'INVALID_GRAPHQL' } });
    await expect(run(gatewayThrowing(refusal))).rejects.toMatchObject({
      message: 'Cannot add selection of field "x"',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } },
    });
  });

  it('leaves every other failure as it is', async () => {
    const other = new Error('subgraph exploded');
    await expect(run(gatewayThrowing(other))).rejects.toBe(other);
  });
});
