import { ConfigError } from '../../../../kit/src/config';
import { earnPoints, parseRateToMilli } from '../earn';
import { thrown } from '../../../../../test/harness/thrown';

/** Independent reference: floor(fen/100 × r/1000 × γ/1000 × c/1000) in exact integers. */
function reference(amountFen: number, baseRateMilli: number, multiplierMilli: number, coefficientMilli: number): bigint {
  const numerator = BigInt(amountFen) * BigInt(baseRateMilli) * BigInt(multiplierMilli) * BigInt(coefficientMilli);
  const denominator = 100n * 1000n ** 3n;
  return numerator / denominator; // BigInt division truncates, which is floor for non-negative values
}

const earn = (amountFen: number, multiplierMilli: number, coefficientMilli: number, baseRateMilli = 1000) =>
  earnPoints({ amountFen, baseRateMilli, multiplierMilli, coefficientMilli });

describe('earnPoints', () => {
  it('199.90 CNY × γ 1.0 × coefficient 2.0 = 399 (floor of 399.8)', () => {
    expect(earn(19_990, 1000, 2000)).toBe(399);
  });

  it('100.00 CNY × γ 1.2 × coefficient 1.0 = 120', () => {
    expect(earn(10_000, 1200, 1000)).toBe(120);
  });

  it('0.99 CNY × 1 × 1 = 0', () => {
    expect(earn(99, 1000, 1000)).toBe(0);
  });

  it.each([
    [300_000, 1000, 1200, 1000, 3600],
    [12_345, 1000, 1200, 2000, 296],
  ])('%i fen × %i × %i × %i (thousandths) = %i points', (amountFen, baseRateMilli, multiplierMilli, coefficientMilli, points) => {
    expect(earnPoints({ amountFen, baseRateMilli, multiplierMilli, coefficientMilli })).toBe(points);
  });

  it('floors rather than rounds', () => {
    expect(earn(199, 1000, 1000)).toBe(1); // 1.99
    expect(earn(833, 1200, 1000)).toBe(9); // 9.996
    expect(earn(100, 1000, 1000)).toBe(1); // exactly 1
    expect(earn(0, 2000, 2000)).toBe(0);
  });

  it('applies the base rate', () => {
    expect(earn(10_000, 1000, 1000, 2000)).toBe(200);
    expect(earn(10_000, 1000, 1000, 500)).toBe(50);
    expect(earn(10_000, 1000, 1000, 0)).toBe(0);
  });

  it('is exact where floating point math is off', () => {
    // 0.29 × 100 in floats is 28.999999999999996.
    expect(Math.floor(0.29 * 100)).toBe(28);
    expect(earnPoints({ amountFen: 29, baseRateMilli: 100_000, multiplierMilli: 1000, coefficientMilli: 1000 })).toBe(29);
    // 1.15 × 1.0 × 1.0 × 100 points per CNY → float gives 114.99999999999999.
    expect(Math.floor(1.15 * 100)).toBe(114);
    expect(earnPoints({ amountFen: 115, baseRateMilli: 100_000, multiplierMilli: 1000, coefficientMilli: 1000 })).toBe(115);
  });

  it('is exact on a large amount: 999999999999 fen × γ 1.2 × coefficient 1.5', () => {
    const expected = reference(999_999_999_999, 1000, 1200, 1500);
    expect(expected).toBe(17_999_999_999n);
    expect(earn(999_999_999_999, 1200, 1500)).toBe(Number(expected));
  });

  it('is exact where the naive float product lands below the floor: 150.00 CNY × 1.2 × 1.15 = 207', () => {
    expect(Math.floor((15_000 / 100) * 1.2 * 1.15)).toBe(206);
    expect(reference(15_000, 1000, 1200, 1150)).toBe(207n);
    expect(earn(15_000, 1200, 1150)).toBe(207);
  });

  it('agrees with a BigInt reference over many deterministic inputs', () => {
    let state = 0x2545f491;
    const next = (bound: number) => {
      // xorshift32, deterministic and independent of Math.random
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      return (state >>> 0) % bound;
    };
    const multipliers = [1000, 1200, 1500, 2000, 1001, 999, 3333];
    const coefficients = [1000, 1500, 2000, 10_000, 1234, 2250, 1776];
    let checked = 0;
    for (let i = 0; i < 20_000; i += 1) {
      const magnitude = 10 ** next(12); // 1 .. 1e11 fen
      const amountFen = next(magnitude) + next(100);
      const baseRateMilli = next(4) === 0 ? 1000 + next(5000) : 1000;
      const multiplierMilli = next(2) ? multipliers[next(multipliers.length)] : 1000 + next(9001);
      const coefficientMilli = next(2) ? coefficients[next(coefficients.length)] : 1000 + next(9001);
      const expected = reference(amountFen, baseRateMilli, multiplierMilli, coefficientMilli);
      if (expected > BigInt(Number.MAX_SAFE_INTEGER)) continue;
      expect(earnPoints({ amountFen, baseRateMilli, multiplierMilli, coefficientMilli })).toBe(Number(expected));
      checked += 1;
    }
    expect(checked).toBeGreaterThan(19_000);
  });

  it('agrees with the reference on amounts up to 2^40 fen and any base rate (a second generator)', () => {
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
      expect(earnPoints(inputs)).toBe(
        Number(reference(inputs.amountFen, inputs.baseRateMilli, inputs.multiplierMilli, inputs.coefficientMilli)),
      );
    }
  });

  it('never decreases when the amount grows', () => {
    let previous = 0;
    for (let amountFen = 0; amountFen <= 5_000; amountFen += 1) {
      const points = earn(amountFen, 1200, 1500);
      expect(points).toBeGreaterThanOrEqual(previous);
      previous = points;
    }
  });
});

describe('parseRateToMilli', () => {
  it.each([
    ['1', 1000],
    ['1.5', 1500],
    ['1.2', 1200],
    ['0.001', 1],
    ['0', 0],
    ['2.05', 2050],
    ['0.125', 125],
    ['9999.999', 9_999_999],
  ])('%p → %i', (text, milli) => {
    expect(parseRateToMilli('POINTS_BASE_RATE', text)).toBe(milli);
  });

  it.each(['1.2345', '-1', 'abc', '', '1.', '.5', '10000', ' 1', '1e3'])('rejects %p with a ConfigError naming the variable', (text) => {
    const error = thrown(ConfigError, () => parseRateToMilli('POINTS_BASE_RATE', text));
    expect(error.variable).toBe('POINTS_BASE_RATE');
    expect(error.message).toBe(`Invalid configuration: POINTS_BASE_RATE must be a decimal with at most three decimals, got "${text}"`);
  });
});
