import { DomainError } from '../../../../kit/src/errors';
import { NEUTRAL_COEFFICIENT, combineCoefficients, isLive } from '../coefficient';
import { parseCoefficient } from '../newCampaign';
import { thrown } from '../../../../../test/harness/thrown';

describe('combineCoefficients', () => {
  it('is neutral (1000) when no campaign is live, under either rule', () => {
    expect(NEUTRAL_COEFFICIENT).toBe(1000);
    expect(combineCoefficients([], 'max')).toBe(1000);
    expect(combineCoefficients([], 'product')).toBe(1000);
  });

  it('takes the maximum', () => {
    expect(combineCoefficients([1500], 'max')).toBe(1500);
    expect(combineCoefficients([1200, 3000, 1500], 'max')).toBe(3000);
    expect(combineCoefficients([2000, 2000], 'max')).toBe(2000);
    expect(combineCoefficients([1500, 2000, 1200], 'max')).toBe(2000); // the default rule (DOMAIN.md §3)
  });

  it('multiplies in thousandths', () => {
    expect(combineCoefficients([1500], 'product')).toBe(1500);
    expect(combineCoefficients([2000, 1500], 'product')).toBe(3000);
    expect(combineCoefficients([1500, 2000], 'product')).toBe(3000);
    expect(combineCoefficients([1500, 1500], 'product')).toBe(2250);
    expect(combineCoefficients([2000, 2000, 2000], 'product')).toBe(8000);
    expect(combineCoefficients([1000, 1000], 'product')).toBe(1000);
  });

  it('floors each step of the product to a thousandth', () => {
    expect(combineCoefficients([1333, 1333], 'product')).toBe(1776); // 1.776889
    expect(combineCoefficients([1001, 1001], 'product')).toBe(1002); // 1.002001
    expect(combineCoefficients([1001, 1001, 1001], 'product')).toBe(1003); // 1.002 × 1.001 = 1.003002
  });

  it('does not depend on the order of the coefficients for the max rule', () => {
    const values = [1100, 2500, 1800, 1000];
    expect(combineCoefficients([...values].reverse(), 'max')).toBe(combineCoefficients(values, 'max'));
  });
});

describe('isLive: the window is [startsAt, endsAt)', () => {
  const campaign = { startsAt: new Date('2026-06-01T00:00:00.000Z'), endsAt: new Date('2026-06-02T00:00:00.000Z') };

  it.each([
    ['1 ms before the start', '2026-05-31T23:59:59.999Z', false],
    ['at the start', '2026-06-01T00:00:00.000Z', true],
    ['inside', '2026-06-01T12:00:00.000Z', true],
    ['1 ms before the end', '2026-06-01T23:59:59.999Z', true],
    ['at the end', '2026-06-02T00:00:00.000Z', false],
    ['after the end', '2026-06-03T00:00:00.000Z', false],
  ])('%s → %p', (_label, at, live) => {
    expect(isLive(campaign, new Date(at))).toBe(live);
  });

  it('includes the start and excludes the end of a week-long window', () => {
    const week = { startsAt: new Date('2026-12-01T00:00:00Z'), endsAt: new Date('2026-12-08T00:00:00Z') };
    expect(isLive(week, new Date('2026-12-01T00:00:00Z'))).toBe(true);
    expect(isLive(week, new Date('2026-12-07T23:59:59.999Z'))).toBe(true);
    expect(isLive(week, new Date('2026-12-08T00:00:00Z'))).toBe(false);
    expect(isLive(week, new Date('2026-11-30T23:59:59.999Z'))).toBe(false);
  });

  it('is never live for an empty window', () => {
    const at = new Date('2026-06-01T00:00:00Z');
    expect(isLive({ startsAt: at, endsAt: at }, at)).toBe(false);
  });
});

describe('parseCoefficient', () => {
  it.each([
    ['2.0', 2000],
    ['1', 1000],
    ['10', 10_000],
    ['1.5', 1500],
    ['1.25', 1250],
    ['1.005', 1005],
    ['1.001', 1001],
    ['9.999', 9999],
    ['10.000', 10_000],
    [' 3 ', 3000],
  ])('%p → %i', (text, milli) => {
    expect(parseCoefficient(text)).toBe(milli);
  });

  it.each(['0.5', '0.999', '10.001', '11', 'abc', '2.0001', '', '-2', '2.', '.5', '1e1', '100'])(
    'rejects %p with BAD_USER_INPUT on field activityCoefficient',
    (text) => {
      const error = thrown(DomainError, () => parseCoefficient(text));
      expect(error.code).toBe('BAD_USER_INPUT');
      expect(error.details).toEqual({ field: 'activityCoefficient' });
      expect(error.message).toMatch(/^activityCoefficient must be between 1 and 10/);
    },
  );
});
