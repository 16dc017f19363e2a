import { createHash } from 'node:crypto';
import { request } from 'undici';
import { SERVICE_NAMES } from '../../services/kit/src';
import { productionEnv, startStack, type Stack } from '../harness/startStack';

/**
 * Requests that are the client's mistake answered as such: a 4xx with a GraphQL error and a code,
 * decided before anything is planned or executed, in development and production mode alike.
 * (The property-based corpus in abuse-corpus.e2e.test.ts generates these shapes at random.)
 */

const statements = (stack: Stack) => SERVICE_NAMES.reduce((sum, s) => sum + stack.services[s].queries.count, 0);

interface Answer {
  status: number;
  contentType: string;
  body: { data?: unknown; errors?: Array<{ message: string; extensions?: { code?: string } }> } | undefined;
}

async function send(url: string, method: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await request(url, {
    method: method as 'POST',
    body: body === undefined ? undefined : JSON.stringify(body),
    headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true', ...headers },
  });
  const text = await response.body.text();
  return {
    status: response.statusCode,
    contentType: String(response.headers['content-type'] ?? ''),
    body: text ? (JSON.parse(text) as Answer['body']) : undefined,
  };
}

describe.each([
  ['development', {}],
  ['production', productionEnv('request-shapes')],
])('requests that are the client mistake, %s mode', (_, env) => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ env });
  });
  afterAll(() => stack?.stop());

  const refused = async (body: unknown, status: number, code: string, message: RegExp) => {
    const before = statements(stack);
    const answer = await send(stack.gatewayUrl, 'POST', body);
    expect({ status: answer.status, code: answer.body?.errors?.[0]?.extensions?.code }).toEqual({ status, code });
    expect(answer.body?.errors?.[0]?.message).toMatch(message);
    expect(answer.body?.data).toBeUndefined();
    expect(statements(stack)).toBe(before);
  };

  it('two operations and no operationName: 400 OPERATION_RESOLUTION_FAILURE', () =>
    refused({ query: 'query A { tiers { id } } query B { tiers { name } }' }, 400, 'OPERATION_RESOLUTION_FAILURE', /operationName/));

  it('an operationName the document does not define: 400 OPERATION_RESOLUTION_FAILURE', () =>
    refused({ query: 'query A { tiers { id } }', operationName: 'C' }, 400, 'OPERATION_RESOLUTION_FAILURE', /no operation named "C"/));

  it('a document with fragments only: 400', async () => {
    const answer = await send(stack.gatewayUrl, 'POST', { query: 'fragment F on Query { tiers { id } }' });
    expect(answer.status).toBe(400);
    expect(answer.body?.errors?.[0]?.extensions?.code).toMatch(/^(GRAPHQL_VALIDATION_FAILED|OPERATION_RESOLUTION_FAILURE)$/);
  });

  it('a subscription, which the graph has no root for: 400 GRAPHQL_VALIDATION_FAILED', () =>
    refused({ query: 'subscription { __typename }' }, 400, 'GRAPHQL_VALIDATION_FAILED', /no subscription/));

  it('the named operation of several is run', async () => {
    const answer = await send(stack.gatewayUrl, 'POST', { query: 'query A { __typename } query B { __typename }', operationName: 'B' });
    expect(answer).toMatchObject({ status: 200, body: { data: { __typename: 'Query' } } });
  });

  it('a value nested thousands of levels deep: 400 GRAPHQL_PARSE_FAILED with our message, not the stack overflow', async () => {
    const query = `{ members(first: ${'['.repeat(5000)}${']'.repeat(5000)}) { id } }`;
    await refused({ query }, 400, 'GRAPHQL_PARSE_FAILED', /nests deeper than \d+ levels/);
    const answer = await send(stack.gatewayUrl, 'POST', { query });
    expect(JSON.stringify(answer.body)).not.toMatch(/call stack|RangeError/i);
  });

  it('brackets inside strings and comments do not count as nesting', async () => {
    const answer = await send(stack.gatewayUrl, 'POST', {
      query: `{ __typename @include(if: true) } # ${'{'.repeat(500)}\n`,
    });
    expect(answer).toMatchObject({ status: 200, body: { data: { __typename: 'Query' } } });
  });

  it('an automatic persisted query whose hash does not match: 400 PERSISTED_QUERY_HASH_MISMATCH', () =>
    refused(
      { query: '{ __typename }', extensions: { persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } } },
      400,
      'PERSISTED_QUERY_HASH_MISMATCH',
      /does not match/,
    ));

  it('an unknown persisted query version: 400 BAD_REQUEST', () => {
    const hash = createHash('sha256').update('{ __typename }').digest('hex');
    return refused(
      { query: '{ __typename }', extensions: { persistedQuery: { version: 2, sha256Hash: hash } } },
      400,
      'BAD_REQUEST',
      /version/,
    );
  });

  it.each(['PUT', 'DELETE', 'PATCH', 'OPTIONS'])('%s: 405 METHOD_NOT_ALLOWED as a GraphQL response', async (method) => {
    const answer = await send(stack.gatewayUrl, method, { query: '{ __typename }' });
    expect(answer.status).toBe(405);
    expect(answer.contentType).toMatch(/application\/json/);
    expect(answer.body?.errors?.[0]?.extensions?.code).toBe('METHOD_NOT_ALLOWED');
  });

  it('HEAD: 405 with the JSON answer headers (HTTP sends a HEAD answer without its body)', async () => {
    const answer = await send(stack.gatewayUrl, 'HEAD');
    expect(answer.status).toBe(405);
    expect(answer.contentType).toMatch(/application\/json/);
  });

  it('a GET line over the server limit: 431 as a GraphQL response with a code', async () => {
    const answer = await send(`${stack.gatewayUrl}?query=${'x'.repeat(20_000)}`, 'GET');
    expect(answer.status).toBe(431);
    expect(answer.contentType).toMatch(/application\/json/);
    expect(answer.body?.errors?.[0]?.extensions?.code).toBe('REQUEST_HEADER_FIELDS_TOO_LARGE');
  });

  it('a path that serves nothing: 404 as a GraphQL response with a code', async () => {
    const answer = await send(stack.gatewayUrl.replace('/graphql', '/nothing'), 'POST', { query: '{ __typename }' });
    expect(answer.status).toBe(404);
    expect(answer.body?.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('still serves afterwards', async () => {
    expect((await stack.query('{ tiers { id } }')).errors).toBeUndefined();
  });
});
