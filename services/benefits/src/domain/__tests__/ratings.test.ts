import { parseRating, summarizeRatings } from '../ratings';

describe('benefit ratings', () => {
  it('takes whole scores from 1 to 10 only', () => {
    expect(parseRating(1)).toBe(1);
    expect(parseRating(10)).toBe(10);
    for (const bad of [0, 11, 6.5, Number.NaN, -3]) {
      expect(() => parseRating(bad)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', details: { field: 'score' } }));
    }
  });

  it('flags a benefit averaging below 7, exactly (not on a rounded average)', () => {
    expect(summarizeRatings({ benefitCode: 'A', ratings: 2, sum: 14 })).toMatchObject({ average: 7, flaggedForRedesign: false });
    expect(summarizeRatings({ benefitCode: 'B', ratings: 3, sum: 20 })).toMatchObject({ average: 6.67, flaggedForRedesign: true });
    // 6.999… rounds to 7.00 for display and is still below 7.
    expect(summarizeRatings({ benefitCode: 'C', ratings: 1000, sum: 6999 })).toMatchObject({ average: 7, flaggedForRedesign: true });
  });
});
