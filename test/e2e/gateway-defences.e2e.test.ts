import { createServer, type Server } from 'node:http';
import { getIntrospectionQuery, Kind, parse, print, type DefinitionNode, type FieldNode, type OperationDefinitionNode } from 'graphql';
import { SERVICE_NAMES } from '../../services/kit/src';
import { MEMBER_CARD, REGISTER } from '../harness/operations';
import { postGraphQL, productionEnv, startStack, type Stack } from '../harness/startStack';

const PRODUCTION = productionEnv('gateway-defences');

/** SQL statements issued by all five services so far: "rejected, not executed" means this does not move. */
const statements = (stack: Stack) => SERVICE_NAMES.reduce((sum, s) => sum + stack.services[s].queries.count, 0);

async function expectRejectedUnexecuted(stack: Stack, query: string, code: RegExp, message?: RegExp) {
  const before = statements(stack);
  const { status, body } = await postGraphQL(stack.gatewayUrl, query);
  expect(status).toBe(400);
  expect(body.data).toBeUndefined();
  expect(body.errors?.[0]?.extensions?.code).toMatch(code);
  if (message) expect(body.errors!.map((e) => e.message).join(' ')).toMatch(message);
  expect(statements(stack)).toBe(before);
}

describe('query limits (graphql-armor), in production mode', () => {
  let stack: Stack;
  let memberId: string;
  beforeAll(async () => {
    stack = await startStack({ env: { ...PRODUCTION, GRAPHQL_MAX_DEPTH: '5' } });
    memberId = (await stack.query(REGISTER, { phone: '13800138000', channel: 'WEB' })).data.registerMember.id;
  });
  afterAll(() => stack?.stop());

  it('still answers the member card', async () => {
    const card = await stack.query(MEMBER_CARD, { id: memberId });
    expect(card.errors).toBeUndefined();
    expect(card.data.member.maskedPhone).toBe('138****8000');
  });

  it('rejects depth 20 before planning', async () => {
    let selection = 'id';
    for (let i = 0; i < 19; i += 1)
      selection = `tierStatus { progress { nextTier { ${selection} } } }`.slice(0, 0) + `tier { ${selection} }`;
    await expectRejectedUnexecuted(stack, `{ member(id: "${memberId}") { ${selection} } }`, /GRAPHQL_VALIDATION_FAILED/, /depth/i);
  });

  it('rejects 100 aliases', async () => {
    const aliases = Array.from({ length: 100 }, (_, i) => `a${i}: member(id: "${memberId}") { id }`).join(' ');
    await expectRejectedUnexecuted(stack, `{ ${aliases} }`, /GRAPHQL_VALIDATION_FAILED/, /alias/i);
  });

  it('rejects 2,000 duplicated fields while parsing', async () => {
    await expectRejectedUnexecuted(
      stack,
      `{ member(id: "${memberId}") { ${'id '.repeat(2000)} } }`,
      /GRAPHQL_(PARSE|VALIDATION)_FAILED/,
      /token/i,
    );
  });

  it('rejects circular fragments', async () => {
    await expectRejectedUnexecuted(
      stack,
      `{ member(id: "${memberId}") { ...A } } fragment A on Member { id ...B } fragment B on Member { maskedPhone ...A }`,
      /GRAPHQL_VALIDATION_FAILED/,
    );
  });

  it('refuses introspection and field suggestions in production', async () => {
    await expectRejectedUnexecuted(stack, '{ __schema { types { name } } }', /GRAPHQL_VALIDATION_FAILED/);
    const typo = await postGraphQL(stack.gatewayUrl, `{ membr(id: "${memberId}") { id } }`);
    expect(typo.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify(typo.body)).not.toMatch(/Did you mean/);
  });

  it('serves no playground in production', async () => {
    const page = await fetch(stack.gatewayUrl, { headers: { accept: 'text/html' } });
    expect(page.headers.get('content-type') ?? '').not.toContain('text/html');
    expect((await fetch(stack.gatewayUrl.replace('/graphql', '/playground'))).status).toBe(404);
  });
});

/** A `__schema` selection `depth` fields deep (the review's 17-deep document passed in development). */
function deepSchemaDocument(depth: number): string {
  let selection = 'name';
  for (let level = 5; level < depth; level += 1) selection = `ofType { ${selection} }`;
  return `{ __schema { types { fields { type { ${selection} } } } } }`;
}

/** The full introspection query with its `__schema` selected `copies` times under aliases: as deep, `copies` times the cost. */
function repeatedIntrospection(copies: number): string {
  const document = parse(getIntrospectionQuery());
  const [operation, ...fragments] = document.definitions as [OperationDefinitionNode, ...DefinitionNode[]];
  const schemaField = operation.selectionSet.selections[0] as FieldNode;
  const aliased = Array.from({ length: copies }, (_, i) => ({ ...schemaField, alias: { kind: Kind.NAME, value: `s${i}` } as const }));
  return print({
    ...document,
    definitions: [{ ...operation, selectionSet: { ...operation.selectionSet, selections: aliased } }, ...fragments],
  });
}

describe('query limits hold for introspection too, in development', () => {
  let stack: Stack;
  beforeAll(async () => {
    // A cost limit above the introspection query's own cost (331) but below three of it.
    stack = await startStack({ env: { NODE_ENV: 'development', GRAPHQL_MAX_COST: '500' } });
  });
  afterAll(() => stack?.stop());

  it('GraphiQL’s own introspection queries still work', async () => {
    // GraphiQL 3 asks with these options (and drops subscriptionType), falling back to the plain query.
    const graphiql = getIntrospectionQuery({ inputValueDeprecation: true, schemaDescription: true }).replace(
      'subscriptionType { name }',
      '',
    );
    for (const query of [graphiql, getIntrospectionQuery()]) {
      const { status, body } = await postGraphQL(stack.gatewayUrl, query);
      expect(status).toBe(200);
      expect(body.errors).toBeUndefined();
      expect(body.data.__schema.types.map((t: { name: string }) => t.name)).toContain('Member');
    }
  });

  it('refuses a 17-deep __schema document before planning', async () => {
    await expectRejectedUnexecuted(stack, deepSchemaDocument(17), /GRAPHQL_VALIDATION_FAILED/, /depth/i);
  });

  it('counts the cost of introspection documents: three introspection queries in one are over the limit', async () => {
    await expectRejectedUnexecuted(stack, repeatedIntrospection(3), /GRAPHQL_VALIDATION_FAILED/, /cost/i);
  });

  it('keeps the configured depth for everything else: a member query is not given the introspection budget', async () => {
    let selection = 'id';
    for (let i = 0; i < 12; i += 1) selection = `tier { ${selection} }`;
    await expectRejectedUnexecuted(stack, `{ __typename member(id: "x") { ${selection} } }`, /GRAPHQL_VALIDATION_FAILED/, /depth/i);
  });
});

describe('HTTP-level defences', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ env: { MAX_BODY_BYTES: '4096' } });
  });
  afterAll(() => stack?.stop());

  it('CSRF: a text/plain POST and a GET without a preflight header are refused', async () => {
    const plain = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{"query":"{ tiers { id } }"}',
    });
    expect(plain.status).toBe(400);
    const get = await fetch(`${stack.gatewayUrl}?query=${encodeURIComponent('{ tiers { id } }')}`);
    expect(get.status).toBe(400);
    const allowed = await fetch(`${stack.gatewayUrl}?query=${encodeURIComponent('{ tiers { id } }')}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(allowed.status).toBe(200);
  });

  it('refuses HTTP batching', async () => {
    const batch = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ tiers { id } }' }, { query: '{ tiers { id } }' }]),
    });
    expect(batch.status).toBe(400);
  });

  it('answers 413 to a body over the limit', async () => {
    const response = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ tiers { id } } #${'x'.repeat(5000)}` }),
    });
    expect(response.status).toBe(413);
    expect(((await response.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code).toBe(
      'PAYLOAD_TOO_LARGE',
    );
  });
});

describe('a subgraph that hangs', () => {
  let stack: Stack;
  let blackHole: Server;
  let requestsReceived = 0;
  beforeAll(async () => {
    // Accepts every request and never answers: a hung service, not a refused connection. (The timeout
    // is generous so that the healthy subgraphs never hit it on a loaded machine.)
    blackHole = createServer(() => {
      requestsReceived += 1;
    });
    await new Promise<void>((resolve) => blackHole.listen(0, '127.0.0.1', resolve));
    const { port } = blackHole.address() as { port: number };
    stack = await startStack({
      env: { RISK_URL: `http://127.0.0.1:${port}/graphql`, SUBGRAPH_TIMEOUT_MS: '1000', SUBGRAPH_BREAKER_RESET_MS: '60000' },
    });
  });
  afterAll(async () => {
    await stack?.stop();
    blackHole.closeAllConnections();
    blackHole.close();
  });

  it('is cut off by its circuit breaker: after a few timeouts it is not called at all, and the rest of the card is answered', async () => {
    const id = (await stack.query(REGISTER, { phone: '13900139000', channel: 'WEB' })).data.registerMember.id;
    for (let i = 0; i < 20; i += 1) {
      const card = await stack.query(MEMBER_CARD, { id });
      expect(card.data.member).toMatchObject({ maskedPhone: '139****9000', risk: null });
      expect(card.errors?.[0]?.extensions?.code).toBe('UNAVAILABLE');
    }
    // The breaker opens after its volume threshold (5 calls, all failed): the other 15 never reach it.
    expect(requestsReceived).toBe(5);
  });
});
