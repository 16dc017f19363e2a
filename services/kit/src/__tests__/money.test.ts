import { DomainError } from '../errors';
import { formatFen, parseCnyToFen, parseDecimalToMilli, parseInstant } from '../money';

describe('parseCnyToFen', () => {
  it.each([
    ['199.90', 19990],
    ['0.01', 1],
    ['5', 500],
    ['1.5', 150],
    ['3000.00', 300000],
    [' 12.30 ', 1230],
  ])('%s → %i fen', (text, fen) => expect(parseCnyToFen(text)).toBe(fen));

  it.each(['-1', '1.234', 'abc', '', '1e3', '01.00', '1,000.00', '.5', '1.'])('refuses %p with BAD_USER_INPUT', (text) => {
    expect(() => parseCnyToFen(text)).toThrow(DomainError);
    try {
      parseCnyToFen(text, 'price');
    } catch (error) {
      expect((error as DomainError).code).toBe('BAD_USER_INPUT');
      expect((error as DomainError).details).toEqual({ field: 'price' });
    }
  });
});

describe('formatFen', () => {
  it.each([
    [19990, '199.90'],
    [1, '0.01'],
    [0, '0.00'],
    [-250, '-2.50'],
  ])('%i → %s', (fen, text) => expect(formatFen(fen)).toBe(text));

  it('round-trips every amount up to 100 CNY', () => {
    for (let fen = 0; fen <= 10_000; fen += 1) expect(parseCnyToFen(formatFen(fen))).toBe(fen);
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
