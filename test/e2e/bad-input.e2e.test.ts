import { RECORD_ORDER, REGISTER, uniquePhone } from '../harness/operations';
import { startStack, type Stack } from '../harness/startStack';

let stack: Stack;
let memberId: string;

beforeAll(async () => {
  stack = await startStack();
  const registered = await stack.query(REGISTER, { phone: '13812341234', channel: 'WEB' });
  memberId = registered.data.registerMember.id;
});
afterAll(() => stack?.stop());

async function memberCount(): Promise<number> {
  return (await stack.query('{ members(first: 100) { id } }')).data.members.length;
}

async function ledgerRows(): Promise<number> {
  const [{ n }] = await stack.services.points.dataSource.query('SELECT COUNT(*) AS n FROM points_ledger');
  return Number(n);
}

/** One error, with the code, and nothing a client should not see. */
function expectCleanError(response: { errors?: Array<{ message: string; extensions?: Record<string, unknown> }> }, code: string) {
  expect(response.errors).toHaveLength(1);
  const [error] = response.errors!;
  expect(error.extensions?.code).toBe(code);
  const text = JSON.stringify(error);
  expect(text).not.toMatch(/stacktrace|exception|\.ts:\d|127\.0\.0\.1|localhost|serviceName|SQLITE_|ER_DUP|QueryFailed/);
}

describe('registerMember rejects bad input and writes nothing', () => {
  it.each([
    ['too short', '12345'],
    ['not a mobile prefix', '12812341234'],
    ['letters', '1381234abcd'],
    ['twelve digits', '138123412345'],
  ])('a malformed phone (%s) is BAD_USER_INPUT', async (_, phone) => {
    const before = await memberCount();
    expectCleanError(await stack.query(REGISTER, { phone, channel: 'WEB' }), 'BAD_USER_INPUT');
    expect(await memberCount()).toBe(before);
  });

  it('an already registered phone is CONFLICT, also written differently (+86 prefix)', async () => {
    const before = await memberCount();
    expectCleanError(await stack.query(REGISTER, { phone: '+86 138 1234 1234', channel: 'POS' }), 'CONFLICT');
    expect(await memberCount()).toBe(before);
  });

  it('an unknown channel is BAD_USER_INPUT', async () => {
    const before = await memberCount();
    expectCleanError(await stack.query(REGISTER, { phone: uniquePhone(), channel: 'FAX' }), 'BAD_USER_INPUT');
    expect(await memberCount()).toBe(before);
  });

  it('two concurrent registrations of one phone: one member, one CONFLICT', async () => {
    const phone = uniquePhone();
    const results = await Promise.all([1, 2, 3, 4].map(() => stack.query(REGISTER, { phone, channel: 'WEB' })));
    expect(results.filter((r) => r.data?.registerMember)).toHaveLength(1);
    expect(results.filter((r) => r.errors?.[0]?.extensions?.code === 'CONFLICT')).toHaveLength(3);
  });
});

describe('recordOrder rejects bad input and writes nothing', () => {
  it('an unknown member is NOT_FOUND', async () => {
    const before = await ledgerRows();
    expectCleanError(
      await stack.query(RECORD_ORDER, {
        memberId: '00000000-0000-0000-0000-000000000000',
        orderNo: 'BAD-1',
        amount: '10.00',
        channel: 'WEB',
      }),
      'NOT_FOUND',
    );
    expect(await ledgerRows()).toBe(before);
  });

  it.each([
    ['negative', '-10.00'],
    ['zero', '0'],
    ['zero with decimals', '0.00'],
    ['non-numeric', 'ten'],
    ['over-precise', '10.001'],
    ['exponent', '1e3'],
    ['absurdly large', '10000000.01'],
    ['NaN', 'NaN'],
    ['empty', ''],
  ])('a %s amount is BAD_USER_INPUT', async (_, amount) => {
    const before = await ledgerRows();
    expectCleanError(await stack.query(RECORD_ORDER, { memberId, orderNo: `BAD-${amount}`, amount, channel: 'WEB' }), 'BAD_USER_INPUT');
    expect(await ledgerRows()).toBe(before);
  });

  it('a numeric (not string) amount is refused by the schema with BAD_USER_INPUT', async () => {
    expectCleanError(await stack.query(RECORD_ORDER, { memberId, orderNo: 'BAD-NUM', amount: 10.5, channel: 'WEB' }), 'BAD_USER_INPUT');
  });

  it('a rejected orderNo can still be used afterwards: nothing of the failed attempt remains', async () => {
    await stack.query(RECORD_ORDER, { memberId, orderNo: 'RETRY-1', amount: '-5', channel: 'WEB' });
    const ok = await stack.query(RECORD_ORDER, { memberId, orderNo: 'RETRY-1', amount: '5.00', channel: 'WEB' });
    expect(ok.errors).toBeUndefined();
    expect(ok.data.recordOrder).toMatchObject({ pointsEarned: 5, replayed: false });
  });

  it('the same orderNo with different details is CONFLICT', async () => {
    await stack.query(RECORD_ORDER, { memberId, orderNo: 'SAME-1', amount: '20.00', channel: 'WEB' });
    const before = await ledgerRows();
    expectCleanError(await stack.query(RECORD_ORDER, { memberId, orderNo: 'SAME-1', amount: '25.00', channel: 'WEB' }), 'CONFLICT');
    expect(await ledgerRows()).toBe(before);
  });

  it('a syntax error answers GRAPHQL_PARSE_FAILED, not a 500', async () => {
    const response = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ member(id: ' }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: Array<{ extensions: { code: string } }> };
    expect(body.errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
  });
});
