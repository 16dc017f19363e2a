import { DomainError } from '../../../../kit/src';
import { earnPoints, parseRateToMilli } from '../earn';
import { assertSameOrder, parseOrder } from '../order';

const reference = (fen: number, base: number, gamma: number, coefficient: number) =>
  Number((BigInt(fen) * BigInt(base) * BigInt(gamma) * BigInt(coefficient)) / 100_000_000_000n);

describe('earnPoints = floor(amount × base rate × γ × coefficient)', () => {
  it.each([
    [19990, 1000, 1000, 2000, 399],
    [10000, 1000, 1200, 1000, 120],
    [99, 1000, 1000, 1000, 0],
    [300000, 1000, 1200, 1000, 3600],
    [12345, 1000, 1200, 2000, 296],
  ])('%i fen × %i × %i × %i (thousandths) = %i points', (amountFen, baseRateMilli, multiplierMilli, coefficientMilli, points) => {
    expect(earnPoints({ amountFen, baseRateMilli, multiplierMilli, coefficientMilli })).toBe(points);
  });

  it('is exact where floating point is not: 0.29 CNY × 100 × 1.0 × 1.0 = 29, not 28', () => {
    expect(0.29 * 100).toBeLessThan(29); // the float trap this avoids
    expect(earnPoints({ amountFen: 29, baseRateMilli: 100_000, multiplierMilli: 1000, coefficientMilli: 1000 })).toBe(29);
  });

  it('agrees with an integer reference over many generated inputs, including large amounts', () => {
    let seed = 42;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let i = 0; i < 5000; i += 1) {
      const inputs = {
        amountFen: next(2 ** 30) * 1000 + next(1000),
        baseRateMilli: 1 + next(5000),
        multiplierMilli: 1000 + next(2000),
        coefficientMilli: 1000 + next(9000),
      };
      expect(earnPoints(inputs)).toBe(reference(inputs.amountFen, inputs.baseRateMilli, inputs.multiplierMilli, inputs.coefficientMilli));
    }
  });
});

describe('parseRateToMilli', () => {
  it('reads decimals with up to three places', () => {
    expect(parseRateToMilli('X', '1')).toBe(1000);
    expect(parseRateToMilli('X', '1.5')).toBe(1500);
    expect(parseRateToMilli('X', '0.125')).toBe(125);
    expect(() => parseRateToMilli('POINTS_BASE_RATE', '1.2345')).toThrow(/POINTS_BASE_RATE/);
    expect(() => parseRateToMilli('POINTS_BASE_RATE', '-1')).toThrow(/POINTS_BASE_RATE/);
  });
});

describe('parseOrder', () => {
  const valid = { memberId: 'm1', orderNo: 'WEB-2026-0001', amount: '199.90', channel: 'WEB' };

  it('turns the amount into fen', () =>
    expect(parseOrder(valid)).toEqual({ memberId: 'm1', orderNo: 'WEB-2026-0001', amountFen: 19990, channel: 'WEB' }));

  it.each([
    [{ orderNo: '' }, 'orderNo'],
    [{ orderNo: 'has space' }, 'orderNo'],
    [{ orderNo: 'x'.repeat(65) }, 'orderNo'],
    [{ memberId: '' }, 'memberId'],
    [{ channel: 'FAX' }, 'channel'],
    [{ amount: '0.00' }, 'amount'],
    [{ amount: '-3' }, 'amount'],
    [{ amount: '3.999' }, 'amount'],
  ])('refuses %p naming the field %s', (change, field) => {
    try {
      parseOrder({ ...valid, ...change });
      throw new Error('accepted');
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('BAD_USER_INPUT');
      expect((error as DomainError).details.field).toBe(field);
    }
  });

  it('treats a different order under a known number as CONFLICT', () => {
    const order = parseOrder(valid);
    expect(() => assertSameOrder(order, { ...order })).not.toThrow();
    expect(() => assertSameOrder(order, { ...order, amountFen: 1 })).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    expect(() => assertSameOrder(order, { ...order, memberId: 'm2' })).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
  });
});
