import { DomainError } from '../../../kit/src';

/**
 * Members rate benefits 1–10 (shared/DOMAIN.md §4): one rating per member and benefit, which the
 * member may change; a benefit whose members rate it below 7 on average is flagged for redesign.
 * Averages are compared exactly, on integer sums (sum < 7 × count), never on a rounded float.
 */

export const RATING_SCALE = { min: 1, max: 10 } as const;

/** Rated below this on average, a benefit is flagged for redesign. */
export const REDESIGN_BELOW = 7;

/** A score from a member: a whole number from 1 to 10. */
export function parseRating(score: number): number {
  if (!Number.isInteger(score) || score < RATING_SCALE.min || score > RATING_SCALE.max) {
    throw new DomainError('BAD_USER_INPUT', `a rating is a whole number from ${RATING_SCALE.min} to ${RATING_SCALE.max}`, {
      field: 'score',
    });
  }
  return score;
}

/** The ratings of one benefit as the database sums them. */
export interface RatingTally {
  benefitCode: string;
  ratings: number;
  sum: number;
}

export interface RatingSummary extends RatingTally {
  /** The mean, rounded to hundredths for display. */
  average: number;
  flaggedForRedesign: boolean;
}

/** A benefit's average and whether it is flagged (below `below`, exactly). */
export function summarizeRatings(tally: RatingTally, below = REDESIGN_BELOW): RatingSummary {
  return {
    ...tally,
    average: Math.round((tally.sum * 100) / tally.ratings) / 100,
    flaggedForRedesign: tally.sum < below * tally.ratings,
  };
}
