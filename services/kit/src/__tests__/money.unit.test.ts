import { DomainError } from '../errors';
import { formatFen, milliToNumber, parseCnyToFen, parseDecimalToMilli } from '../money';

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to throw');
}

describe('parseCnyToFen (unit)', () => {
  it.each([
    ['199.90', 19_990],
    ['0.01', 1],
    ['5', 500],
    ['1.5', 150],
    ['0', 0],
    ['0.1', 10],
    ['10.05', 1_005],
    ['999999999999.99', 99_999_999_999_999],
  ])('parses %p as %i fen', (text, fen) => {
    expect(parseCnyToFen(text)).toBe(fen);
  });

  it('trims surrounding whitespace before parsing (" 12 " → 1200)', () => {
    expect(parseCnyToFen(' 12 ')).toBe(1_200);
    expect(parseCnyToFen('\t3.40\n')).toBe(340);
  });

  it.each(['-1', '1.234', 'abc', '', '   ', '1e3', '01', '1.', '.5', '+1', '1 000', '1,000', '1000000000000', 'NaN', 'Infinity'])(
    'rejects %p with a BAD_USER_INPUT DomainError',
    (text) => {
      const error = thrown(() => parseCnyToFen(text));
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('BAD_USER_INPUT');
      expect((error as DomainError).details).toEqual({ field: 'amount' });
      expect((error as DomainError).message).toMatch(/^amount must be a CNY amount/);
    },
  );

  it('names the given field in the message and details', () => {
    const error = thrown(() => parseCnyToFen('x', 'price')) as DomainError;
    expect(error.message).toMatch(/^price must be/);
    expect(error.details).toEqual({ field: 'price' });
  });
});

describe('formatFen (unit)', () => {
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

  it('formats a negative amount as the minus of the positive one', () => {
    for (const fen of [1, 9, 10, 99, 100, 12_345]) {
      expect(formatFen(-fen)).toBe(`-${formatFen(fen)}`);
    }
  });
});

describe('milliToNumber and parseDecimalToMilli (unit)', () => {
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
    const error = thrown(() => parseDecimalToMilli(text, 'rate', { min: 0, max: 10_000 })) as DomainError;
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
