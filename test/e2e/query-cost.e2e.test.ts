import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  getNullableType,
  isEnumType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type IntrospectionQuery,
} from 'graphql';
import { MAX_PAGE_SIZE } from '../../services/kit/src';
import { startStack, type Stack } from '../harness/startStack';

/**
 * The cost limit and the page limits must agree: every list the API documents (a field with a
 * `first` argument), asked for at MAX_PAGE_SIZE with every scalar field of its items, passes the
 * gateway's limits. The lists are found by walking the schema, so a list added later is covered.
 */

/** A literal for a required argument: the request is about the limits, not about the data. */
function literal(type: GraphQLInputType): string {
  const named = getNamedType(type);
  if (isEnumType(named)) return named.getValues()[0].name;
  if (named.name === 'Int' || named.name === 'Float') return '1';
  if (named.name === 'Boolean') return 'true';
  return '"x"';
}

function args(field: GraphQLField<unknown, unknown>, first: number): string {
  const given = field.args
    .filter((a) => a.name === 'first' || isNonNullType(a.type))
    .map((a) => `${a.name}: ${a.name === 'first' ? first : literal(a.type)}`);
  return given.length ? `(${given.join(', ')})` : '';
}

/** Every scalar field of a list's items, through the connection's own parts (edges, node, pageInfo). */
function scalars(type: GraphQLObjectType): string {
  const parts: string[] = [];
  for (const field of Object.values(type.getFields())) {
    if (field.args.some((a) => isNonNullType(a.type))) continue;
    const named = getNamedType(field.type);
    if (isLeafType(named)) parts.push(field.name);
    else if (isObjectType(named) && isConnectionPart(field.name)) parts.push(`${field.name} { ${scalars(named)} }`);
  }
  return parts.join(' ');
}
const isConnectionPart = (name: string) => name === 'edges' || name === 'node' || name === 'nodes' || name === 'pageInfo';

/** For each list field, a document that reaches it from Query by the shortest path. */
function listDocuments(schema: GraphQLSchema): Array<{ coordinate: string; document: string }> {
  const found: Array<{ coordinate: string; document: string }> = [];
  const seen = new Set<string>();
  const queue: Array<{ type: GraphQLObjectType; wrap: (inner: string) => string }> = [
    { type: schema.getQueryType()!, wrap: (inner) => `{ ${inner} }` },
  ];
  while (queue.length) {
    const { type, wrap } = queue.shift()!;
    if (seen.has(type.name)) continue;
    seen.add(type.name);
    for (const field of Object.values(type.getFields())) {
      const named = getNamedType(field.type);
      if (!isObjectType(named)) continue;
      if (field.args.some((a) => a.name === 'first')) {
        const selection = `${field.name}${args(field, MAX_PAGE_SIZE)} { ${scalars(named)} }`;
        found.push({ coordinate: `${type.name}.${field.name}`, document: wrap(selection) });
      } else if (!isListType(getNullableType(field.type)) && !field.name.startsWith('_')) {
        queue.push({ type: named, wrap: (inner) => wrap(`${field.name}${args(field, 1)} { ${inner} }`) });
      }
    }
  }
  return found;
}

describe('the cost limit and the page limits agree', () => {
  let stack: Stack;
  let schema: GraphQLSchema;
  beforeAll(async () => {
    stack = await startStack();
    const introspection = await stack.query<IntrospectionQuery>(getIntrospectionQuery());
    schema = buildClientSchema(introspection.data!);
  });
  afterAll(() => stack?.stop());

  it('finds the documented lists by walking the schema', () => {
    const coordinates = listDocuments(schema).map((l) => l.coordinate);
    expect(coordinates).toEqual(expect.arrayContaining(['Query.members', 'PointsAccount.history']));
  });

  it(`serves every list at its largest page (${MAX_PAGE_SIZE}) with every scalar field`, async () => {
    for (const { coordinate, document } of listDocuments(schema)) {
      const response = await stack.query(document);
      const refused = (response.errors ?? []).filter((e) => e.extensions?.code === 'GRAPHQL_VALIDATION_FAILED');
      expect({ coordinate, document, refused }).toEqual({ coordinate, document, refused: [] });
    }
  });

  it('one page over the largest is refused by the resolver with BAD_USER_INPUT, not by the cost limit', async () => {
    const response = await stack.query(`{ members(first: ${MAX_PAGE_SIZE + 1}) { id } }`);
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses a list nested in a list, as a validation failure that does not call itself a syntax error', async () => {
    const response = await stack.query(
      `{ members(first: ${MAX_PAGE_SIZE}) { id points { history(first: ${MAX_PAGE_SIZE}) { edges { node { id points } } } } } }`,
    );
    expect(response.data).toBeUndefined();
    expect(response.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(response.errors?.[0]?.message).toMatch(/cost/i);
    expect(response.errors?.[0]?.message).not.toMatch(/syntax/i);
  });

  describe('page sizes given as variables count at their values', () => {
    const nested = `query Nested($members: Int, $entries: Int = ${MAX_PAGE_SIZE}) {
      members(first: $members) { id points { history(first: $entries) { edges { node { id points } } } } }
    }`;

    it('refuses the nested list at 100 × 100 as it refuses the literal one', async () => {
      const response = await stack.query(nested, { members: MAX_PAGE_SIZE, entries: MAX_PAGE_SIZE });
      expect(response.data).toBeUndefined();
      expect(response.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(response.errors?.[0]?.message).toMatch(/cost/i);
    });

    it("takes the variable's default when the variable is not sent", async () => {
      const response = await stack.query(nested, { members: MAX_PAGE_SIZE });
      expect(response.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    });

    it('serves the same document at small page sizes (it is not refused by its shape)', async () => {
      const response = await stack.query(nested, { members: 2, entries: 3 });
      const refused = (response.errors ?? []).filter((e) => e.extensions?.code === 'GRAPHQL_VALIDATION_FAILED');
      expect(refused).toEqual([]);
    });
  });
});
