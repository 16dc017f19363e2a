import { DomainError } from '../errors';
import { formatFen, milliToNumber, parseCnyToFen, parseDecimalToMilli, parseInstant } from '../money';
import { thrown } from '../../../../test/harness/thrown';

describe('parseCnyToFen', () => {
  it.each([
    ['199.90', 19_990],
    ['0.01', 1],
    ['5', 500],
    ['1.5', 150],
    ['0', 0],
    ['0.1', 10],
    ['10.05', 1_005],
    ['999999999999.99', 99_999_999_999_999],
    ['3000.00', 300_000],
    [' 12.30 ', 1_230],
  ])('parses %p as %i fen', (text, fen) => {
    expect(parseCnyToFen(text)).toBe(fen);
  });

  it('trims surrounding whitespace before parsing (" 12 " → 1200)', () => {
    expect(parseCnyToFen(' 12 ')).toBe(1_200);
    expect(parseCnyToFen('\t3.40\n')).toBe(340);
  });

  it.each([
    '-1',
    '1.234',
    'abc',
    '',
    '   ',
    '1e3',
    '01',
    '1.',
    '.5',
    '+1',
    '1 000',
    '1,000',
    '1000000000000',
    '01.00',
    '1,000.00',
    'NaN',
    'Infinity',
  ])('rejects %p with a BAD_USER_INPUT DomainError', (text) => {
    const error = thrown(DomainError, () => parseCnyToFen(text));
    expect(error).toBeInstanceOf(DomainError);
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.details).toEqual({ field: 'amount' });
    expect(error.message).toMatch(/^amount must be a CNY amount/);
  });

  it('names the given field in the message and details', () => {
    const error = thrown(DomainError, () => parseCnyToFen('x', 'price'));
    expect(error.message).toMatch(/^price must be/);
    expect(error.details).toEqual({ field: 'price' });
  });
});

describe('formatFen', () => {
  it.each([
    [19_990, '199.90'],
    [1, '0.01'],
    [0, '0.00'],
    [10, '0.10'],
    [100, '1.00'],
    [-1, '-0.01'],
    [-250, '-2.50'],
    [-19_990, '-199.90'],
    [99_999_999_999_999, '999999999999.99'],
  ])('formats %i fen as %p', (fen, text) => {
    expect(formatFen(fen)).toBe(text);
  });

  it('round-trips with parseCnyToFen for many non-negative amounts', () => {
    for (let fen = 0; fen < 20_000; fen += 7) {
      expect(parseCnyToFen(formatFen(fen))).toBe(fen);
    }
    for (const fen of [123_456_789, 1_000_000_000, 99_999_999_999_999]) {
      expect(parseCnyToFen(formatFen(fen))).toBe(fen);
    }
  });

  it('round-trips every amount up to 100 CNY', () => {
    for (let fen = 0; fen <= 10_000; fen += 1) expect(parseCnyToFen(formatFen(fen))).toBe(fen);
  });

  it('formats a negative amount as the minus of the positive one', () => {
    for (const fen of [1, 9, 10, 99, 100, 12_345]) {
      expect(formatFen(-fen)).toBe(`-${formatFen(fen)}`);
    }
  });
});

describe('milliToNumber and parseDecimalToMilli', () => {
  it('converts thousandths to a number', () => {
    expect(milliToNumber(1200)).toBe(1.2);
    expect(milliToNumber(0)).toBe(0);
  });

  it.each([
    ['1.2', 1200],
    ['1', 1000],
    ['0.001', 1],
    [' 2.50 ', 2500],
  ])('parses %p as %i thousandths', (text, milli) => {
    expect(parseDecimalToMilli(text, 'rate', { min: 0, max: 10_000 })).toBe(milli);
  });

  it.each(['1.2345', '-1', 'x', '', '10.001'])('rejects %p (range 0..10)', (text) => {
    const error = thrown(DomainError, () => parseDecimalToMilli(text, 'rate', { min: 0, max: 10_000 }));
    expect(error).toBeInstanceOf(DomainError);
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.details).toEqual({ field: 'rate' });
    expect(error.message).toBe('rate must be a decimal between 0 and 10 with at most three decimals');
  });

  it('enforces the lower bound inclusively', () => {
    expect(parseDecimalToMilli('1', 'm', { min: 1000, max: 2000 })).toBe(1000);
    expect(() => parseDecimalToMilli('0.999', 'm', { min: 1000, max: 2000 })).toThrow(DomainError);
  });
});

describe('parseInstant', () => {
  it('reads ISO-8601 timestamps with a zone', () => {
    expect(parseInstant('2026-12-01T00:00:00Z', 'at').toISOString()).toBe('2026-12-01T00:00:00.000Z');
    expect(parseInstant('2026-12-01T08:00:00+08:00', 'at').toISOString()).toBe('2026-12-01T00:00:00.000Z');
    expect(parseInstant('2026-12-01T00:00Z', 'at').toISOString()).toBe('2026-12-01T00:00:00.000Z');
  });

  it.each(['2026-02-30T00:00:00Z', '2026-12-01T00:00:00', '2026-12-01', 'tomorrow', '2026-13-01T00:00:00Z', '2026-12-01T24:00:00Z'])(
    'refuses %p (impossible, zoneless or not a timestamp)',
    (text) => {
      expect(() => parseInstant(text, 'startsAt')).toThrow(
        expect.objectContaining({ code: 'BAD_USER_INPUT', details: { field: 'startsAt' } }),
      );
    },
  );
});

describe('parseDecimalToMilli with the caller’s wording', () => {
  it('refuses with the message given, on the field given', () => {
    const message = 'activityCoefficient must be between 1 and 10 with at most three decimals, e.g. "2.0"';
    expect(() => parseDecimalToMilli('0.5', 'activityCoefficient', { min: 1000, max: 10_000 }, message)).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', message, details: { field: 'activityCoefficient' } }),
    );
    expect(parseDecimalToMilli('2.5', 'activityCoefficient', { min: 1000, max: 10_000 }, message)).toBe(2500);
  });
});
