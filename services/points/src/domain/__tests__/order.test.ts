import { DomainError } from '../../../../kit/src/errors';
import { CHANNELS } from '../../../../kit/src';
import { MAX_ORDER_FEN, assertSameOrder, parseOrder } from '../order';
import { thrown } from '../../../../../test/harness/thrown';

const valid = { memberId: '0b6f3a2e-4c1d-4e8a-9f00-123456789abc', orderNo: 'POS-2026:0001.a_b', amount: '199.90', channel: 'POS' };

function rejects(input: Parameters<typeof parseOrder>[0], field: string, message?: RegExp) {
  const error = thrown(DomainError, () => parseOrder(input));
  expect(error.code).toBe('BAD_USER_INPUT');
  expect(error.details).toEqual({ field });
  if (message) expect(error.message).toMatch(message);
}

describe('parseOrder', () => {
  it('parses a minimal order into fen without optional keys', () => {
    const order = parseOrder(valid);
    expect(order).toEqual({ memberId: valid.memberId, orderNo: valid.orderNo, amountFen: 19_990, channel: 'POS' });
    expect(order).not.toHaveProperty('storeId');
    expect(order).not.toHaveProperty('items');
    expect(parseOrder({ memberId: 'm1', orderNo: 'WEB-2026-0001', amount: '199.90', channel: 'WEB' })).toEqual({
      memberId: 'm1',
      orderNo: 'WEB-2026-0001',
      amountFen: 19_990,
      channel: 'WEB',
    });
  });

  it('keeps the store and parses the items', () => {
    expect(
      parseOrder({
        ...valid,
        store: 'SH-001',
        items: [
          { sku: 'TEA-1', quantity: 2, amount: '99.90' },
          { sku: 'CUP.2', quantity: 1, amount: '100' },
        ],
      }),
    ).toEqual({
      memberId: valid.memberId,
      orderNo: valid.orderNo,
      amountFen: 19_990,
      channel: 'POS',
      storeId: 'SH-001',
      items: [
        { sku: 'TEA-1', quantity: 2, amountFen: 9_990 },
        { sku: 'CUP.2', quantity: 1, amountFen: 10_000 },
      ],
    });
  });

  it('treats a null store and null items as absent, and keeps an empty item list', () => {
    expect(parseOrder({ ...valid, store: null, items: null })).toEqual(parseOrder(valid));
    expect(parseOrder({ ...valid, items: [] }).items).toEqual([]);
  });

  it.each(CHANNELS)('accepts channel %s', (channel) => {
    expect(parseOrder({ ...valid, channel }).channel).toBe(channel);
  });

  it.each(['', 'a'.repeat(65), 'has space', 'ORD#1', '訂單1', 'a/b'])('rejects orderNo %p on field orderNo', (orderNo) => {
    rejects({ ...valid, orderNo }, 'orderNo', /orderNo must be 1–64/);
  });

  it('accepts a 64-character orderNo', () => {
    expect(parseOrder({ ...valid, orderNo: 'x'.repeat(64) }).orderNo).toBe('x'.repeat(64));
  });

  it.each(['', 'm'.repeat(37)])('rejects memberId %p on field memberId', (memberId) => {
    rejects({ ...valid, memberId }, 'memberId', /memberId is malformed/);
  });

  it.each(['pos', 'FAX', ''])('rejects channel %p on field channel', (channel) => {
    rejects({ ...valid, channel }, 'channel', /^channel must be one of WEB, MINI_PROGRAM, POS, PARTNER$/);
  });

  it.each(['-1', '-3', '1.234', '3.999', 'abc', ''])('rejects amount %p on field amount', (amount) => {
    rejects({ ...valid, amount }, 'amount', /CNY amount/);
  });

  it('rejects a zero amount', () => {
    rejects({ ...valid, amount: '0.00' }, 'amount', /greater than zero/);
  });

  it('accepts up to 10,000,000.00 CNY and rejects one fen more', () => {
    expect(MAX_ORDER_FEN).toBe(1_000_000_000);
    expect(parseOrder({ ...valid, amount: '10000000.00' }).amountFen).toBe(MAX_ORDER_FEN);
    rejects({ ...valid, amount: '10000000.01' }, 'amount', /larger than any order/);
  });

  it.each(['', 's'.repeat(33), 'SH 001', 'SH/001'])('rejects store %p on field store', (store) => {
    rejects({ ...valid, store }, 'store', /store must be 1–32/);
  });

  it.each([
    ['a bad sku', { sku: 'bad sku', quantity: 1, amount: '1' }, /sku/],
    ['an empty sku', { sku: '', quantity: 1, amount: '1' }, /sku/],
    ['quantity 0', { sku: 'A', quantity: 0, amount: '1' }, /quantity must be between 1 and 10000/],
    ['quantity 10001', { sku: 'A', quantity: 10_001, amount: '1' }, /quantity/],
    ['a fractional quantity', { sku: 'A', quantity: 1.5, amount: '1' }, /quantity/],
    ['a bad amount', { sku: 'A', quantity: 1, amount: '1.999' }, /^items must be a CNY amount/],
  ])('rejects an item with %s on field items', (_label, item, message) => {
    rejects({ ...valid, items: [item] }, 'items', message);
  });

  it('accepts item quantity 10000', () => {
    expect(parseOrder({ ...valid, items: [{ sku: 'A', quantity: 10_000, amount: '1' }] }).items?.[0].quantity).toBe(10_000);
  });

  it('rejects items adding up to more than the order, and allows exactly the order amount', () => {
    const items = [
      { sku: 'A', quantity: 1, amount: '100.00' },
      { sku: 'B', quantity: 1, amount: '99.90' },
    ];
    expect(parseOrder({ ...valid, items }).items).toHaveLength(2);
    rejects({ ...valid, items: [...items, { sku: 'C', quantity: 1, amount: '0.01' }] }, 'items', /add up to more than the order amount/);
  });

  it('allows 500 items and rejects 501', () => {
    const item = { sku: 'A', quantity: 1, amount: '0' };
    expect(parseOrder({ ...valid, items: Array(500).fill(item) }).items).toHaveLength(500);
    rejects({ ...valid, items: Array(501).fill(item) }, 'items', /at most 500 items/);
  });
});

describe('assertSameOrder', () => {
  const incoming = parseOrder({ ...valid, store: 'S1' });
  const existing = { memberId: incoming.memberId, amountFen: incoming.amountFen, channel: incoming.channel };

  it('accepts a replay with the same member, amount and channel', () => {
    expect(() => assertSameOrder(existing, incoming)).not.toThrow();
    expect(() => assertSameOrder(existing, { ...incoming, storeId: 'OTHER', items: [] })).not.toThrow();
  });

  it.each([
    ['memberId', { memberId: 'someone-else' }],
    ['amountFen', { amountFen: 19_991 }],
    ['channel', { channel: 'WEB' as const }],
  ])('is a CONFLICT when %s differs', (_field, change) => {
    const error = thrown(DomainError, () => assertSameOrder({ ...existing, ...change }, incoming));
    expect(error.code).toBe('CONFLICT');
    expect(error.details).toEqual({ field: 'orderNo' });
    expect(error.message).toBe(`orderNo ${valid.orderNo} was already recorded with different details`);
  });
});
