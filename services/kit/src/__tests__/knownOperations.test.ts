import { ApolloServer, HeaderMap } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { GraphQLError, parse } from 'graphql';
import { DomainError, formatGraphQLError } from '../errors';
import { KnownOperations } from '../knownOperations';

const schema = buildSubgraphSchema({
  typeDefs: parse(`
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
    type Query { item(id: ID!): Item }
    type Mutation { rename(id: ID!, name: String!): Item }
    type Item @key(fields: "id") { id: ID! name: String! }
  `),
  resolvers: {
    Query: {
      item: (_: unknown, { id }: { id: string }) => {
        if (id === 'forbidden') throw new DomainError('FORBIDDEN', 'not yours');
        if (id === 'boom') throw new Error('a bug, never shown');
        if (id === 'teapot')
          throw new GraphQLError('short and stout', {
            extensions: { code: 'BAD_REQUEST', http: { status: 418, headers: new Map([['x-teapot', '1']]) } },
          });
        return { id, name: `item ${id}` };
      },
    },
    Mutation: { rename: (_: unknown, { id, name }: { id: string; name: string }) => ({ id, name }) },
  } as GraphQLResolverMap<unknown>,
});

const logged: unknown[] = [];
const formatError = formatGraphQLError((error) => logged.push(error));
const known = new KnownOperations(schema, formatError);
const apollo = new ApolloServer({
  schema,
  formatError,
  includeStacktraceInErrorResponses: false,
  plugins: [ApolloServerPluginInlineTraceDisabled(), known.plugin()],
});
beforeAll(() => apollo.start());
afterAll(() => apollo.stop());

const ITEM = 'query Item($id: ID!) { item(id: $id) { id name } }';
const JSON_HEADERS = new HeaderMap([['content-type', 'application/json']]);
/** A plain JSON POST, as the gateway sends one. */
const POST = { method: 'POST', contentType: 'application/json' };

/** Apollo Server's own answer to a POST of `body`. */
async function apolloAnswer(body: Record<string, unknown>) {
  const result = await apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: 'POST', headers: JSON_HEADERS, search: '', body },
    context: async () => ({}),
  });
  if (result.body.kind !== 'complete') throw new Error('a chunked answer');
  return {
    status: result.status ?? 200,
    contentType: result.headers.get('content-type'),
    teapot: result.headers.get('x-teapot'),
    body: result.body.string,
  };
}

/** The known path's answer to the same request (undefined: it is left to Apollo). */
async function knownAnswer(body: Record<string, unknown>) {
  const operation = known.lookup(POST, body);
  if (!operation) throw new Error('not a known operation');
  const answer = await known.run(operation, body, {});
  return (
    answer && { status: answer.status, contentType: answer.headers['content-type'], teapot: answer.headers['x-teapot'], body: answer.body }
  );
}

describe('known operations: documents Apollo Server accepted, run again without its pipeline', () => {
  it('knows a document only once Apollo has parsed, validated and resolved it, for a plain JSON POST', async () => {
    const body = { query: ITEM, variables: { id: 'a' } };
    expect(known.lookup(POST, body)).toBeUndefined();
    await apolloAnswer(body);
    expect(known.lookup(POST, body)).toMatchObject({ type: 'query', name: 'Item' });
    // Whatever is not that plain request stays with Apollo.
    expect(known.lookup({ ...POST, method: 'GET' }, body)).toBeUndefined();
    expect(known.lookup({ ...POST, accept: 'application/graphql-response+json' }, body)).toBeUndefined();
    // A content type a browser may send without a preflight is refused by Apollo's CSRF check: not known here either.
    expect(known.lookup({ ...POST, contentType: 'text/plain; a=application/json' }, body)).toBeUndefined();
    expect(known.lookup({ ...POST, contentType: undefined }, body)).toBeUndefined();
    expect(known.lookup({ ...POST, contentType: 'application/json; charset=utf-8' }, body)).toBeDefined();
    expect(known.lookup(POST, { ...body, extensions: { persistedQuery: { version: 1, sha256Hash: 'x' } } })).toBeUndefined();
    expect(known.lookup(POST, { ...body, operationName: 'Other' })).toBeUndefined();
    expect(known.lookup(POST, { ...body, variables: '{"id":"a"}' })).toBeUndefined();
    expect(known.lookup(POST, [body])).toBeUndefined();
    expect(known.lookup(POST, { query: `${ITEM} ` })).toBeUndefined();
  });

  it('never learns a large document, and past its bound forgets the least recently used ones first', async () => {
    // A long literal makes a document no plan of ours sends: run by Apollo, never kept.
    const large = { query: `query Large { item(id: "${'x'.repeat(17 * 1024)}") { id } }` };
    expect((await apolloAnswer(large)).status).toBe(200);
    expect(known.lookup(POST, large)).toBeUndefined();
    const used = { query: ITEM, variables: { id: 'a' } };
    await apolloAnswer(used);
    // 500 one-off documents (as a client's literals make them), the kept one used now and then.
    for (let n = 0; n < 500; n++) {
      await apolloAnswer({ query: `query OneOff { item(id: "one-off-${n}") { id } }` });
      if (n % 100 === 0) expect(known.lookup(POST, used)).toBeDefined();
    }
    expect(known.size).toBe(500);
    expect(known.lookup(POST, used)).toBeDefined();
    expect(known.lookup(POST, { query: 'query OneOff { item(id: "one-off-0") { id } }' })).toBeUndefined();
    expect(known.lookup(POST, { query: 'query OneOff { item(id: "one-off-499") { id } }' })).toBeDefined();
  });

  it('never learns a document Apollo refused', async () => {
    const invalid = { query: 'query { item(id: "a") { nope } }' };
    expect((await apolloAnswer(invalid)).status).toBe(400);
    expect(known.lookup(POST, invalid)).toBeUndefined();
  });

  it.each([
    ['a result', { id: 'b' }],
    ['a domain error with its code', { id: 'forbidden' }],
    ['an unexpected error, masked', { id: 'boom' }],
    ["an error's HTTP status and headers", { id: 'teapot' }],
  ])('answers %s with the same status, content type and bytes as Apollo', async (_, variables) => {
    const body = { query: ITEM, variables, operationName: 'Item' };
    const fromApollo = await apolloAnswer(body);
    expect(await knownAnswer(body)).toEqual(fromApollo);
  });

  it('runs a known mutation as Apollo would', async () => {
    const body = {
      query: 'mutation($id: ID!, $name: String!) { rename(id: $id, name: $name) { id name } }',
      variables: { id: 'r', name: 'new' },
    };
    const fromApollo = await apolloAnswer(body);
    expect(known.lookup(POST, body)).toMatchObject({ type: 'mutation', name: null });
    expect(await knownAnswer(body)).toEqual(fromApollo);
  });

  it('leaves a request whose variables do not coerce to Apollo (nothing has run), which answers it 400 BAD_USER_INPUT', async () => {
    await apolloAnswer({ query: ITEM, variables: { id: 'a' } });
    const body = { query: ITEM, variables: {} };
    expect(await knownAnswer(body)).toBeUndefined();
    const fromApollo = await apolloAnswer(body);
    expect(fromApollo.status).toBe(400);
    expect(JSON.parse(fromApollo.body).errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });
});
