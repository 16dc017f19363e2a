import { DomainError } from '../errors';
import {
  CHANNELS,
  MAX_PAGE_SIZE,
  parsePageSize,
  parseChannel,
  parseCode,
  parseIdempotencyKey,
  parseMemberId,
  parsePositiveFen,
  parseReason,
  parseStoreCode,
} from '../input';

/** A DomainError refusing bad input on `field` (with exactly `message` when given). */
const badInput = (field: string, message?: string) =>
  expect.objectContaining({ constructor: DomainError, code: 'BAD_USER_INPUT', details: { field }, ...(message ? { message } : {}) });

describe('parseChannel', () => {
  it('knows the four channels of the SDL enum', () => expect(CHANNELS).toEqual(['WEB', 'MINI_PROGRAM', 'POS', 'PARTNER']));
  it.each(CHANNELS)('accepts %s', (channel) => expect(parseChannel(channel)).toBe(channel));
  it.each(['web', 'FAX', '', 'POS '])('refuses %p on its field', (text) => {
    expect(() => parseChannel(text, 'registeredVia')).toThrow(
      badInput('registeredVia', 'registeredVia must be one of WEB, MINI_PROGRAM, POS, PARTNER'),
    );
  });
});

describe('parseMemberId', () => {
  it('accepts an id of up to 36 characters', () => {
    expect(parseMemberId('0b7c4c52-63a4-4c1e-9d0e-2f1a5e8b9c01')).toBe('0b7c4c52-63a4-4c1e-9d0e-2f1a5e8b9c01');
  });
  it.each(['', 'x'.repeat(37)])('refuses %p as malformed', (text) => {
    expect(() => parseMemberId(text)).toThrow(badInput('memberId', 'memberId is malformed'));
  });
});

describe('parseReason', () => {
  it('trims, and takes 3 to 255 characters', () => {
    expect(parseReason('  goodwill  ')).toBe('goodwill');
    expect(parseReason('abc')).toBe('abc');
    expect(parseReason('r'.repeat(255))).toBe('r'.repeat(255));
  });
  it.each(['', 'ab', '  ab  ', 'r'.repeat(256)])('refuses %p on reason', (text) => {
    expect(() => parseReason(text)).toThrow(badInput('reason', 'reason must be 3–255 characters'));
  });
});

describe('parseIdempotencyKey', () => {
  it.each(['abcdefgh', 'k'.repeat(100), 'order-1:retry.2/~!'])('accepts %p as it is', (key) => expect(parseIdempotencyKey(key)).toBe(key));
  it.each(['short', 'k'.repeat(101), 'has a space', 'tab\tkey12', 'ключ-ключ-ключ', ''])('refuses %p', (key) => {
    expect(() => parseIdempotencyKey(key)).toThrow(badInput('idempotencyKey', 'idempotencyKey must be 8–100 printable characters'));
  });
});

describe('parseCode', () => {
  it.each(['A', 'ORD-2026-11-30_001', 'sku:1.5', 'x'.repeat(64)])('accepts %p', (code) => expect(parseCode(code, 'orderNo')).toBe(code));
  it.each(['', 'x'.repeat(65), 'ORDER 1', 'ord/1', "1';--", '订单1'])('refuses %p on its field', (code) => {
    expect(() => parseCode(code, 'orderNo')).toThrow(badInput('orderNo', 'orderNo must be 1–64 letters, digits or _-:.'));
  });
  it('names the code by its label when the field holds more than the code', () => {
    expect(() => parseCode('bad sku', 'items', { label: 'item sku' })).toThrow(
      badInput('items', 'item sku must be 1–64 letters, digits or _-:.'),
    );
  });
});

describe('parseStoreCode', () => {
  it.each(['SH-01', 'SH-NANJING-01', 'store_7', 'bj:chaoyang.2', 's'.repeat(32)])('accepts %p, one rule for staff and orders', (store) =>
    expect(parseStoreCode(store)).toBe(store),
  );
  it.each(['', 's'.repeat(33), 'SH 01', 'SH/01'])('refuses %p on store', (store) => {
    expect(() => parseStoreCode(store)).toThrow(badInput('store', 'store must be 1–32 letters, digits or _-:.'));
  });
});

describe('parsePositiveFen', () => {
  it.each([
    ['0.01', 1],
    ['199.90', 19_990],
    ['5', 500],
  ])('%p → %i fen', (text, fen) => expect(parsePositiveFen(text)).toBe(fen));
  it('refuses zero on its field', () => {
    expect(() => parsePositiveFen('0.00', 'offset')).toThrow(badInput('offset', 'offset must be greater than zero'));
  });
  it.each(['-1', '1.001', 'abc', ''])('refuses %p as money on its field', (text) => {
    expect(() => parsePositiveFen(text, 'amount')).toThrow(badInput('amount'));
  });
});

describe('parsePageSize', () => {
  it('takes 1 to MAX_PAGE_SIZE and refuses the rest on first', () => {
    expect(parsePageSize(1)).toBe(1);
    expect(parsePageSize(MAX_PAGE_SIZE)).toBe(MAX_PAGE_SIZE);
    for (const bad of [0, -1, MAX_PAGE_SIZE + 1, 1.5, Number.NaN]) {
      expect(() => parsePageSize(bad)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', details: { field: 'first' } }));
    }
  });
});
