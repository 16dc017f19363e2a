import { DomainError } from '../errors';
import { CHANNELS, parseChannel, parseCode, parseIdempotencyKey, parsePositiveFen, parseReason, parseStoreCode } from '../input';

/** The error a rule throws, so its code, field and message can all be checked. */
function refusal(rule: () => unknown): DomainError {
  try {
    rule();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }
  throw new Error('the rule accepted what it should refuse');
}

describe('parseChannel', () => {
  it('knows the four channels of the SDL enum', () => expect(CHANNELS).toEqual(['WEB', 'MINI_PROGRAM', 'POS', 'PARTNER']));
  it.each(CHANNELS)('accepts %s', (channel) => expect(parseChannel(channel)).toBe(channel));
  it.each(['web', 'FAX', '', 'POS '])('refuses %p with BAD_USER_INPUT on the field', (text) => {
    const error = refusal(() => parseChannel(text, 'registeredVia'));
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'registeredVia' } });
    expect(error.message).toBe('registeredVia must be one of WEB, MINI_PROGRAM, POS, PARTNER');
  });
});

describe('parseReason', () => {
  it('trims, and takes 3 to 255 characters', () => {
    expect(parseReason('  goodwill  ')).toBe('goodwill');
    expect(parseReason('abc')).toBe('abc');
    expect(parseReason('r'.repeat(255))).toBe('r'.repeat(255));
  });
  it.each(['', 'ab', '  ab  ', 'r'.repeat(256)])('refuses %p with BAD_USER_INPUT on reason', (text) => {
    const error = refusal(() => parseReason(text));
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'reason' }, message: 'reason must be 3–255 characters' });
  });
});

describe('parseIdempotencyKey', () => {
  it.each(['abcdefgh', 'k'.repeat(100), 'order-1:retry.2/~!'])('accepts %p as it is', (key) => expect(parseIdempotencyKey(key)).toBe(key));
  it.each(['short', 'k'.repeat(101), 'has a space', 'tab\tkey12', 'ключ-ключ-ключ', ''])('refuses %p', (key) => {
    const error = refusal(() => parseIdempotencyKey(key));
    expect(error).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { field: 'idempotencyKey' },
      message: 'idempotencyKey must be 8–100 printable characters',
    });
  });
});

describe('parseCode', () => {
  it.each(['A', 'ORD-2026-11-30_001', 'sku:1.5', 'x'.repeat(64)])('accepts %p', (code) => expect(parseCode(code, 'orderNo')).toBe(code));
  it.each(['', 'x'.repeat(65), 'ORDER 1', 'ord/1', "1';--", '订单1'])('refuses %p on its field', (code) => {
    const error = refusal(() => parseCode(code, 'orderNo'));
    expect(error).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { field: 'orderNo' },
      message: 'orderNo must be 1–64 letters, digits or _-:.',
    });
  });
  it('names the code by its label when the field holds more than the code', () => {
    const error = refusal(() => parseCode('bad sku', 'items', { label: 'item sku' }));
    expect(error).toMatchObject({ details: { field: 'items' }, message: 'item sku must be 1–64 letters, digits or _-:.' });
  });
});

describe('parseStoreCode', () => {
  it.each(['SH-01', 'SH-NANJING-01', 'store_7', 'bj:chaoyang.2', 's'.repeat(32)])('accepts %p, one rule for staff and orders', (store) =>
    expect(parseStoreCode(store)).toBe(store),
  );
  it.each(['', 's'.repeat(33), 'SH 01', 'SH/01'])('refuses %p on store', (store) => {
    const error = refusal(() => parseStoreCode(store));
    expect(error).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { field: 'store' },
      message: 'store must be 1–32 letters, digits or _-:.',
    });
  });
});

describe('parsePositiveFen', () => {
  it.each([
    ['0.01', 1],
    ['199.90', 19_990],
    ['5', 500],
  ])('%p → %i fen', (text, fen) => expect(parsePositiveFen(text)).toBe(fen));
  it('refuses zero on its field', () => {
    expect(refusal(() => parsePositiveFen('0.00', 'offset'))).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { field: 'offset' },
      message: 'offset must be greater than zero',
    });
  });
  it.each(['-1', '1.001', 'abc', ''])('refuses %p as money on its field', (text) => {
    expect(refusal(() => parsePositiveFen(text, 'amount'))).toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'amount' } });
  });
});
