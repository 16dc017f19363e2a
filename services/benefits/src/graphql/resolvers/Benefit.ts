import type { BenefitCell } from '../../db/entities/BenefitCell';
import type { BenefitRating as BenefitRatingRow } from '../../db/entities/BenefitRating';
import type { RatingSummary } from '../../domain/ratings';
import type { TierBenefitView } from '../../db/tierBenefits';
import type { BenefitRatingSummaryResolvers, MemberBenefitResolvers } from '../__generated__/resolvers-types';

export const Benefit = {
  id: (benefit: TierBenefitView) => `${benefit.tierId}:${benefit.code}`,
  effectiveFrom: (benefit: TierBenefitView) => benefit.effectiveFrom.toISOString(),
};

export const TierBenefitRevision = {
  effectiveFrom: (cell: BenefitCell) => cell.effectiveFrom.toISOString(),
  recordedAt: (cell: BenefitCell) => cell.recordedAt.toISOString(),
};

/** A member's ranked benefit: the tier's benefit as Benefit shows it, with its score and reasons. */
export const MemberBenefit: MemberBenefitResolvers = {
  id: ({ benefit }) => `${benefit.tierId}:${benefit.code}`,
  code: ({ benefit }) => benefit.code,
  name: ({ benefit }) => benefit.name,
  type: ({ benefit }) => benefit.type,
  level: ({ benefit }) => benefit.level,
  discountPercent: ({ benefit }) => benefit.discountPercent,
  effectiveFrom: ({ benefit }) => benefit.effectiveFrom.toISOString(),
  score: (ranked) => ranked.score,
  reasons: (ranked) => ranked.reasons,
  rating: async (ranked, _, ctx) =>
    (await ctx.loaders.ratingsOfMember.load(ranked.memberId)).find((r) => r.benefitCode === ranked.benefit.code)?.score ?? null,
};

export const BenefitRating = {
  ratedAt: (rating: BenefitRatingRow) => rating.ratedAt.toISOString(),
};

export const BenefitRatingSummary: BenefitRatingSummaryResolvers = {
  benefit: (summary: RatingSummary, _, ctx) => ctx.loaders.catalogueBenefit.load(summary.benefitCode),
};
