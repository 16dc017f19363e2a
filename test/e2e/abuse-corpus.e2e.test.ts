import { createHash, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { isRegisteredCode } from '../../services/kit/src/errors';
import { MEMBER_CARD } from '../harness/operations';
import { productionEnv, startStack, type SignedIn, type Stack } from '../harness/startStack';

/**
 * A corpus of malformed requests, generated with fast-check (a fixed seed, so a failure replays):
 * documents with random depth, aliases, unknown fields, wrong types, huge strings and SQL or
 * script payloads in every string argument; and raw bodies that are not JSON, not UTF-8, in other
 * charsets, oversized, batched, or JSON of the wrong shape. Every answer must be a JSON GraphQL
 * response whose errors carry a registered code, with no 5xx and nothing internal, in development and in
 * production mode alike, and the server must still answer afterwards.
 */

const PAYLOADS = [
  "' OR '1'='1' --",
  "'; DROP TABLE members; --",
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '${jndi:ldap://x/a}',
  '../../../../etc/passwd',
  '\u0000\u0001\u0002',
  '13812341234\n',
  '１３８１２３４１２３４',
  '𠮷'.repeat(50),
  'A'.repeat(20_000),
];

const stringArg = fc.oneof(fc.constantFrom(...PAYLOADS), fc.string({ maxLength: 64 }), fc.string({ unit: 'binary', maxLength: 64 }));
/** A GraphQL literal for any JSON-ish value (JSON strings are valid GraphQL strings). */
const literal = fc.oneof(
  stringArg.map((s) => JSON.stringify(s)),
  fc.integer().map(String),
  fc.double({ noNaN: true }).map((n) => String(n)),
  fc.constantFrom('true', 'null', 'WEB', 'NOT_AN_ENUM', '[1, 2]', '{ a: 1 }', '$undeclared'),
);

const ROOT_FIELDS: Array<{ op: 'query' | 'mutation'; name: string; args: string[]; selection: string }> = [
  { op: 'query', name: 'member', args: ['id'], selection: '{ id maskedPhone }' },
  { op: 'query', name: 'members', args: ['first', 'after'], selection: '{ id }' },
  { op: 'query', name: 'memberByPhone', args: ['phone'], selection: '{ id }' },
  { op: 'mutation', name: 'registerMember', args: ['phone', 'channel'], selection: '{ id }' },
  { op: 'mutation', name: 'recordOrder', args: ['memberId', 'orderNo', 'amount', 'channel', 'store'], selection: '{ pointsEarned }' },
  { op: 'mutation', name: 'offsetCheckout', args: ['memberId', 'orderNo', 'offset', 'idempotencyKey'], selection: '{ pointsUsed }' },
  { op: 'mutation', name: 'refundOrder', args: ['orderNo', 'refundNo', 'amount'], selection: '{ pointsClawedBack }' },
  { op: 'mutation', name: 'requestLoginCode', args: ['phone'], selection: '{ expiresIn }' },
  { op: 'mutation', name: 'loginWithCode', args: ['phone', 'code', 'channel'], selection: '{ accessToken }' },
  { op: 'mutation', name: 'staffLogin', args: ['username', 'password'], selection: '{ accessToken }' },
  { op: 'mutation', name: 'updateProfile', args: ['memberId', 'input'], selection: '{ id }' },
  { op: 'mutation', name: 'createCampaign', args: ['input'], selection: '{ id }' },
];

/** A document aimed at a real root field with random argument values, aliases and nesting. */
const document = fc
  .record({
    field: fc.constantFrom(...ROOT_FIELDS),
    args: fc.array(fc.tuple(fc.oneof(fc.constant(''), fc.constantFrom('id', 'phone', 'amount', 'bogus')), literal), { maxLength: 4 }),
    aliases: fc.oneof({ weight: 3, arbitrary: fc.constant(1) }, { weight: 1, arbitrary: fc.integer({ min: 2, max: 30 }) }),
    depth: fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 25 }) }),
    unknown: fc.boolean(),
  })
  .map(({ field, args, aliases, depth, unknown }) => {
    const named = args.map(([name, value], i) => `${name || field.args[i % field.args.length]}: ${value}`).join(', ');
    const nested =
      depth > 0 ? `{ ${'tier { benefits { name } } '.repeat(1)}${'a { '.repeat(depth)}b${' }'.repeat(depth)} }` : field.selection;
    const selection = unknown ? nested : field.selection;
    const body = [...Array(aliases).keys()].map((i) => `f${i}: ${field.name}${named ? `(${named})` : ''} ${selection}`).join(' ');
    return JSON.stringify({ query: `${field.op} { ${body} }` });
  });

/** Well-formed operations whose variables carry the payloads (how a real client sends input). */
const OPERATIONS: Array<{ query: string; variables: string[] }> = [
  { query: 'mutation($p: String!) { registerMember(phone: $p, channel: WEB) { id } }', variables: ['p'] },
  { query: 'mutation($p: String!) { requestLoginCode(phone: $p) { expiresIn } }', variables: ['p'] },
  { query: 'mutation($p: String!, $c: String!) { loginWithCode(phone: $p, code: $c) { accessToken } }', variables: ['p', 'c'] },
  { query: 'mutation($u: String!, $p: String!) { staffLogin(username: $u, password: $p) { accessToken } }', variables: ['u', 'p'] },
  { query: 'query($id: ID!) { member(id: $id) { id maskedPhone points { balance } } }', variables: ['id'] },
  { query: 'query($p: String!) { memberByPhone(phone: $p) { id } }', variables: ['p'] },
  { query: 'query($c: String!) { memberByCard(cardNo: $c) { id } }', variables: ['c'] },
  {
    query:
      'mutation($m: ID!, $o: String!, $a: String!, $s: String) { recordOrder(memberId: $m, orderNo: $o, amount: $a, channel: POS, store: $s) { pointsEarned } }',
    variables: ['m', 'o', 'a', 's'],
  },
  {
    query:
      'mutation($m: ID!, $o: String!, $x: String!, $k: String!) { offsetCheckout(memberId: $m, orderNo: $o, offset: $x, idempotencyKey: $k) { pointsUsed } }',
    variables: ['m', 'o', 'x', 'k'],
  },
  {
    query: 'mutation($o: String!, $r: String!, $a: String!) { refundOrder(orderNo: $o, refundNo: $r, amount: $a) { pointsClawedBack } }',
    variables: ['o', 'r', 'a'],
  },
  {
    query:
      'mutation($m: ID!, $n: String, $e: String, $b: String) { updateProfile(memberId: $m, input: { name: $n, email: $e, birthday: $b }) { id } }',
    variables: ['m', 'n', 'e', 'b'],
  },
  {
    query:
      'mutation($n: String!, $c: String!) { createCampaign(input: { name: $n, activityCoefficient: $c, startsAt: $c, endsAt: $c }) { id } }',
    variables: ['n', 'c'],
  },
  { query: 'mutation($p: String!) { issuePartnerKey(partner: $p) { id } }', variables: ['p'] },
];
const withVariables = fc
  .constantFrom(...OPERATIONS)
  .chain((operation) =>
    fc
      .tuple(
        ...operation.variables.map(() =>
          fc.oneof(
            { weight: 8, arbitrary: stringArg },
            { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.constant(null), fc.array(stringArg, { maxLength: 2 })) },
          ),
        ),
      )
      .map((values) =>
        JSON.stringify({ query: operation.query, variables: Object.fromEntries(operation.variables.map((v, i) => [v, values[i]])) }),
      ),
  );

/** Raw bodies that are not a well-formed GraphQL request at all. */
const rawBody = fc.oneof(
  fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes)),
  fc
    .constantFrom(
      '{"query": "{ tiers { id } }"',
      '{"query": 42}',
      '{"query": "{ tiers { id } }", "variables": "not an object"}',
      '{"query": "{ tiers { id } }", "variables": [1]}',
      '{"query": "{ tiers { id } }", "operationName": 7}',
      '[{"query": "{ tiers { id } }"}, {"query": "{ tiers { id } }"}]',
      'null',
      '"just a string"',
      '{}',
      '{"extensions": {"persistedQuery": {"version": 1, "sha256Hash": "nope"}}}',
    )
    .map((text) => Buffer.from(text)),
  // Invalid UTF-8 inside an otherwise JSON request.
  fc.constant(
    Buffer.concat([Buffer.from('{"query": "{ member(id: \\"'), Buffer.from([0xc3, 0x28, 0xff, 0xfe]), Buffer.from('\\") { id } }"}')]),
  ),
  fc.constant(Buffer.from(`{"query": "{ tiers { id } } #${'x'.repeat(2_000_000)}"}`)),
  fc.constant(randomBytes(64)),
);

/**
 * Documents that parse and may validate yet name no executable operation, or reach the planner in
 * another shape: several operations with and without operationName, every operation type
 * (subscription has no root here), fragments used, unused or on unknown types, directives the
 * planner must handle, values nested far deeper than any real client sends, and persisted-query
 * extensions of every kind; sent by POST and by GET.
 */
/** Mostly well-formed parts, so most documents get past validation to the operation and the planner. */
const mostly = <T>(usual: T[], unusual: T[]) =>
  fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...usual) }, { weight: 1, arbitrary: fc.constantFrom(...unusual) });
const operationShape = fc
  .record({
    operations: fc.array(
      fc.record({
        type: mostly(['query', 'query', 'mutation'], ['subscription', '']),
        name: fc.option(fc.constantFrom('A', 'B', 'C'), { nil: undefined }),
        selection: mostly(['__typename', '__typename', 'tiers { id }', 'member(id: "x") { id }'], ['...F', '... on Query { __typename }']),
        directive: mostly(['', '@include(if: true)', '@skip(if: false)'], ['@defer', '@stream', '@unknown', '@skip(if: $v)']),
        variables: mostly([''], ['($v: Boolean = false)', '($v: Boolean!)', '($unused: Int)']),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    noOperation: fc.oneof({ weight: 12, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
    fragment: mostly([''], ['fragment F on Query { __typename }', 'fragment F on Nope { id }', 'fragment G on Query { __typename }']),
    operationName: fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(undefined, 'A', 'B', 'Z') },
      { weight: 1, arbitrary: fc.constantFrom('', 7, null) },
    ),
    nesting: fc.oneof({ weight: 6, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 6000 }) }),
    persisted: fc.oneof(
      { weight: 6, arbitrary: fc.constant('none') },
      { weight: 1, arbitrary: fc.constantFrom('matching', 'mismatching', 'version 2', 'version x', 'hash only') },
    ),
    get: fc.boolean(),
  })
  .map(({ operations, noOperation, fragment, operationName, nesting, persisted, get }) => {
    const nested = nesting ? ` member(id: ${'['.repeat(nesting)}"x"${']'.repeat(nesting)}) { id }` : '';
    const query = [
      ...(noOperation ? [] : operations).map(
        (o) =>
          `${o.type}${o.type && o.name ? ` ${o.name}` : ''}${o.type ? o.variables : ''} { ${o.selection} __typename ${o.directive}${nested} }`,
      ),
      noOperation && !fragment ? 'fragment F on Query { __typename }' : fragment,
    ].join(' ');
    const hash = createHash('sha256').update(query).digest('hex');
    const extensions = {
      none: undefined,
      matching: { persistedQuery: { version: 1, sha256Hash: hash } },
      mismatching: { persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } },
      'version 2': { persistedQuery: { version: 2, sha256Hash: hash } },
      'version x': { persistedQuery: { version: 'x', sha256Hash: hash } },
      'hash only': { persistedQuery: { version: 1, sha256Hash: createHash('sha256').update(randomBytes(8)).digest('hex') } },
    }[persisted];
    const request = { query: persisted === 'hash only' ? undefined : query, operationName, extensions };
    return { method: get ? 'GET' : 'POST', request };
  });

/** Every method, and GET lines from short to far over the server's limit. */
const methodShape = fc.record({
  method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD', 'PROPFIND'),
  queryLength: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 100 }), fc.integer({ min: 10_000, max: 40_000 })),
});

const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=latin1',
  'application/json; charset=utf-16',
  'application/graphql-response+json',
  'application/graphql',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
];

const LEAKS =
  /stacktrace|exception|call stack|RangeError|TypeError|Cannot read propert|\.ts:\d|\.js:\d|127\.0\.0\.1|localhost|serviceName|SQLITE_|\bER_[A-Z_]+|QueryFailed|node_modules|at [A-Za-z]+ \(/;

type Outcome = { status: number; kind: string };

async function send(url: string, body: Uint8Array | string, contentType: string, token?: string): Promise<Outcome> {
  return sendRequest(url, 'POST', typeof body === 'string' ? body : new Uint8Array(body), contentType, token);
}

/** Any method; every answer must be JSON (HEAD: the headers of one) with coded errors or data. */
async function sendRequest(
  url: string,
  method: string,
  body: Uint8Array<ArrayBuffer> | string | undefined,
  contentType: string,
  token?: string,
): Promise<Outcome> {
  const response = await fetch(url, {
    method,
    headers: { 'content-type': contentType, 'apollo-require-preflight': 'true', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: method === 'GET' || method === 'HEAD' ? undefined : body,
  });
  const text = await response.text();
  expect({ status: response.status, text: text.slice(0, 300) }).toEqual({ status: expect.any(Number), text: expect.any(String) });
  if (response.status >= 500) throw new Error(`5xx (${response.status}) for ${String(body).slice(0, 200)}: ${text.slice(0, 300)}`);
  expect(response.headers.get('content-type') ?? '').toMatch(/json/);
  if (method === 'HEAD') return { status: response.status, kind: 'HEAD' };
  const parsed = JSON.parse(text) as { data?: unknown; errors?: Array<{ message: string; extensions?: { code?: unknown } }> };
  if (parsed.errors) {
    for (const error of parsed.errors) {
      expect(typeof error.extensions?.code).toBe('string');
      // Only codes of the registry (services/kit/src/errors.ts) reach a client.
      if (!isRegisteredCode(error.extensions?.code))
        throw new Error(`unregistered code ${String(error.extensions?.code)}: ${text.slice(0, 300)}`);
    }
  } else {
    expect(parsed.data).toBeDefined();
  }
  expect(text).not.toMatch(LEAKS);
  const kind = parsed.errors ? String(parsed.errors[0].extensions!.code) : 'data';
  return { status: response.status, kind };
}

/** A GET request's URL: the request's members as query parameters, objects as JSON. */
function getUrl(base: string, request: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(request)) {
    if (value !== undefined) params.set(key, typeof value === 'string' ? value : JSON.stringify(value));
  }
  return `${base}?${params}`;
}

function tally(outcomes: Outcome[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const o of outcomes) counts[`${o.status} ${o.kind}`] = (counts[`${o.status} ${o.kind}`] ?? 0) + 1;
  return counts;
}

const PRODUCTION = productionEnv('abuse-corpus');

describe.each([
  ['development', {}],
  ['production', PRODUCTION],
])('a corpus of malformed requests, %s mode', (_, env) => {
  let stack: Stack;
  let staff: SignedIn;
  beforeAll(async () => {
    stack = await startStack({ env });
    await stack.query('{ tiers { id } }'); // signs the harness's administrator in
    const [name, password] = (env as Record<string, string>).STAFF_BOOTSTRAP_ADMIN?.split(':') ?? ['admin', 'membergraph-dev-admin'];
    staff = await stack.loginStaff(name, password);
  });
  afterAll(() => stack?.stop());

  it('answers every one of 470 with JSON errors that carry a code, never a 5xx or an internal detail, and still serves afterwards', async () => {
    const outcomes: Outcome[] = [];
    await fc.assert(
      fc.asyncProperty(document, fc.boolean(), async (body, signedIn) => {
        outcomes.push(await send(stack.gatewayUrl, body, 'application/json', signedIn ? staff.accessToken : undefined));
      }),
      { numRuns: 80, seed: 20261125 },
    );
    await fc.assert(
      fc.asyncProperty(withVariables, fc.boolean(), async (body, signedIn) => {
        outcomes.push(await send(stack.gatewayUrl, body, 'application/json', signedIn ? staff.accessToken : undefined));
      }),
      { numRuns: 120, seed: 20261125 },
    );
    await fc.assert(
      fc.asyncProperty(rawBody, fc.constantFrom(...CONTENT_TYPES), async (body, contentType) => {
        outcomes.push(await send(stack.gatewayUrl, body, contentType));
      }),
      { numRuns: 80, seed: 20261125 },
    );
    await fc.assert(
      fc.asyncProperty(operationShape, fc.boolean(), async ({ method, request }, signedIn) => {
        const token = signedIn ? staff.accessToken : undefined;
        outcomes.push(
          method === 'GET'
            ? await sendRequest(getUrl(stack.gatewayUrl, request), 'GET', undefined, 'application/json', token)
            : await send(stack.gatewayUrl, JSON.stringify(request), 'application/json', token),
        );
      }),
      { numRuns: 150, seed: 20261130 },
    );
    await fc.assert(
      fc.asyncProperty(methodShape, async ({ method, queryLength }) => {
        const url = queryLength
          ? `${stack.gatewayUrl}?query=${encodeURIComponent(`{ __typename }${' '.repeat(queryLength)}`)}`
          : stack.gatewayUrl;
        outcomes.push(await sendRequest(url, method, JSON.stringify({ query: '{ __typename }' }), 'application/json'));
      }),
      { numRuns: 40, seed: 20261130 },
    );
    expect(outcomes).toHaveLength(470);
    const counts = tally(outcomes);
    // The report: how the corpus was answered (status and first error code).
    console.info(`abuse corpus, ${_} mode: ${JSON.stringify(counts)}`);
    expect(Object.keys(counts).every((k) => Number(k.split(' ')[0]) < 500)).toBe(true);
    // The gateway still answers real requests.
    expect((await stack.query('{ members(first: 5) { id } }')).errors).toBeUndefined();
    const health = await fetch(stack.gatewayUrl.replace('/graphql', '/healthz'));
    expect(health.status).toBe(200);
    const card = await stack.query(MEMBER_CARD, { id: 'no-such-member' });
    expect(card.errors).toBeUndefined();
    expect(card.data.member).toBeNull();
  });
});
