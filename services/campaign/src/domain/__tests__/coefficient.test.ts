import { combineCoefficients, isLive, NEUTRAL_COEFFICIENT } from '../coefficient';
import { newCampaign, parseCoefficient } from '../newCampaign';

describe('combineCoefficients', () => {
  it('is neutral with no live campaign', () => {
    expect(combineCoefficients([], 'max')).toBe(NEUTRAL_COEFFICIENT);
    expect(combineCoefficients([], 'product')).toBe(NEUTRAL_COEFFICIENT);
  });
  it('takes the largest by default (DOMAIN.md §3)', () => expect(combineCoefficients([1500, 2000, 1200], 'max')).toBe(2000));
  it('or multiplies, flooring to a thousandth', () => {
    expect(combineCoefficients([1500, 2000], 'product')).toBe(3000);
    expect(combineCoefficients([1333, 1333], 'product')).toBe(1776); // 1.776889 floored
  });
});

describe('isLive', () => {
  const campaign = { startsAt: new Date('2026-12-01T00:00:00Z'), endsAt: new Date('2026-12-08T00:00:00Z') };
  it('includes the start and excludes the end', () => {
    expect(isLive(campaign, new Date('2026-12-01T00:00:00Z'))).toBe(true);
    expect(isLive(campaign, new Date('2026-12-07T23:59:59.999Z'))).toBe(true);
    expect(isLive(campaign, new Date('2026-12-08T00:00:00Z'))).toBe(false);
    expect(isLive(campaign, new Date('2026-11-30T23:59:59.999Z'))).toBe(false);
  });
});

describe('parseCoefficient', () => {
  it.each([
    ['2.0', 2000],
    ['1', 1000],
    ['10', 10000],
    ['1.25', 1250],
    ['1.005', 1005],
  ])('%s → %i', (text, milli) => expect(parseCoefficient(text)).toBe(milli));
  it.each(['0.5', '10.001', 'abc', '2.0001', '-2', ''])('refuses %p', (text) =>
    expect(() => parseCoefficient(text)).toThrow(/activityCoefficient/),
  );
});

describe('newCampaign', () => {
  const input = {
    name: ' Double points week ',
    activityCoefficient: '2.0',
    startsAt: '2026-12-01T00:00:00Z',
    endsAt: '2026-12-08T00:00:00Z',
  };
  it('trims the name and parses the window', () => {
    expect(newCampaign(input)).toMatchObject({
      name: 'Double points week',
      coefficientMilli: 2000,
      startsAt: new Date(input.startsAt),
      endsAt: new Date(input.endsAt),
    });
  });
  it('refuses a window that ends before it starts, and dates that are not ISO-8601', () => {
    expect(() => newCampaign({ ...input, endsAt: input.startsAt })).toThrow(/endsAt must be after startsAt/);
    expect(() => newCampaign({ ...input, startsAt: '12/01/2026' })).toThrow(/startsAt must be an ISO-8601/);
  });
});
