import { REGISTER, uniquePhone } from '../../../test/harness/operations';
import { startStack, type Stack } from '../../../test/harness/startStack';

/**
 * The campaign subgraph's Member fields through `_entities`, as the gateway calls them: who may
 * read what, and a constant number of SQL statements however many members a request asks for.
 */
let stack: Stack;
const memberIds: string[] = [];
const ANALYST = { kind: 'STAFF' as const, subject: 'analyst-1', roles: ['ANALYST'] };
const ENTITIES = /* GraphQL */ `
  query ($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on Member {
        id
        segment {
          rfmSegment
          customerSegment
          cluster {
            name
          }
          segments {
            key
          }
        }
      }
    }
  }
`;

beforeAll(async () => {
  stack = await startStack({ withGateway: false });
  for (let i = 0; i < 30; i += 1) {
    const registered = await stack.querySubgraph('member', REGISTER, { phone: uniquePhone(), channel: 'WEB' });
    memberIds.push(registered.data.registerMember.id);
  }
  const defined = await stack.querySubgraph(
    'campaign',
    'mutation { defineSegment(input: { key: "EVERYONE_NEW", name: "prospects", rules: "{\\"field\\":\\"customerSegment\\",\\"op\\":\\"eq\\",\\"value\\":\\"PROSPECT\\"}" }) { id } }',
  );
  expect(defined.errors).toBeUndefined();
  const recomputed = await stack.querySubgraph('campaign', 'mutation { recomputeSegments { members } }');
  expect(recomputed.errors).toBeUndefined();
  await stack.querySubgraph(
    'campaign',
    'mutation { createExperiment(input: { key: "E1", name: "e", variants: [{ key: "A", name: "a", weight: "0.5" }, { key: "B", name: "b", weight: "0.5" }] }) { id } }',
  );
});
afterAll(() => stack?.stop());

it('resolves Member.segment for many members in a constant number of statements', async () => {
  const ask = async (ids: string[]) => {
    const before = stack.services.campaign.queries.count;
    const response = await stack.querySubgraph(
      'campaign',
      ENTITIES,
      { representations: ids.map((id) => ({ __typename: 'Member', id })) },
      ANALYST,
    );
    expect(response.errors).toBeUndefined();
    return { response, statements: stack.services.campaign.queries.count - before };
  };
  const few = await ask(memberIds.slice(0, 3));
  const many = await ask(memberIds);
  expect(many.response.data._entities).toHaveLength(30);
  expect(many.response.data._entities[0].segment).toEqual({
    rfmSegment: 'LOST',
    customerSegment: 'PROSPECT',
    cluster: { name: 'LOST' },
    segments: [{ key: 'EVERYONE_NEW' }],
  });
  expect(many.statements).toBe(few.statements);
});

it('shows a member their own experiment group but not their analytics; staff see both', async () => {
  const [memberId] = memberIds;
  const query = 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Member { experimentVariant(experimentKey: "E1") } } }';
  const self = { kind: 'MEMBER' as const, subject: memberId };
  const own = await stack.querySubgraph('campaign', query, { r: [{ __typename: 'Member', id: memberId }] }, self);
  expect(own.errors).toBeUndefined();
  expect(['A', 'B']).toContain(own.data._entities[0].experimentVariant);
  const staff = await stack.querySubgraph('campaign', query, { r: [{ __typename: 'Member', id: memberId }] }, ANALYST);
  expect(staff.data._entities[0].experimentVariant).toBe(own.data._entities[0].experimentVariant);
  const analytics = await stack.querySubgraph('campaign', ENTITIES, { representations: [{ __typename: 'Member', id: memberId }] }, self);
  expect(analytics.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  const other = await stack.querySubgraph('campaign', query, { r: [{ __typename: 'Member', id: memberIds[1] }] }, self);
  expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
});
