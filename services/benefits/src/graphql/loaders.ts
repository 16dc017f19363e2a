import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { DomainError, groupByKeys, orderByKeys } from '../../../kit/src';
import { findMemberRatings } from '../db/benefitRatings';
import { Benefit } from '../db/entities/Benefit';
import type { BenefitRating } from '../db/entities/BenefitRating';
import { Coupon } from '../db/entities/Coupon';
import { CouponTemplate } from '../db/entities/CouponTemplate';
import { PartnerBrand } from '../db/entities/PartnerBrand';
import { PartnerOffer } from '../db/entities/PartnerOffer';
import { Reward } from '../db/entities/Reward';
import { sharedShownTierBenefits, type TierBenefitView, type TierInForce } from '../db/tierBenefits';
import type { SpendSignals } from '../domain/ranking';
import type { PointsPort } from '../ports';

/** Per-request loaders: members share tiers, so many members cost one look-up per distinct tier set. */
export function createLoaders(dataSource: DataSource, points: Pick<PointsPort, 'getSpendStats'>) {
  return {
    /**
     * Each member's spend from the points service, one call for every member of a request; null for
     * all of them when points does not answer (any error it sends back, or none within the
     * deadline): Member.benefits then ranks without the spend rather than fail. The peer client's
     * metrics count the failed calls.
     */
    spendOfMember: new DataLoader<string, SpendSignals | null>(
      async (memberIds) => {
        try {
          return await points.getSpendStats(memberIds);
        } catch (error) {
          if (error instanceof DomainError) return memberIds.map(() => null);
          throw error;
        }
      },
      { maxBatchSize: 500 },
    ),
    /** Keyed by the tier as the member service has it in force: its γ is part of what it shows (the matrix: the process's shared catalogue). */
    benefitsOfTier: new DataLoader<TierInForce, TierBenefitView[], string>((tiers) => sharedShownTierBenefits(dataSource, tiers), {
      cacheKeyFn: (t) => `${t.id}\u0000${t.multiplier}\u0000${t.pointsNeverExpire}\u0000${t.effectiveFrom.getTime()}`,
    }),
    /** A page of coupons names a few templates: one statement for all of them. */
    template: new DataLoader<string, CouponTemplate>(async (codes) =>
      orderByKeys(
        codes,
        await dataSource.getRepository(CouponTemplate).findBy({ code: In([...codes]) }),
        (t) => t.code,
        // A coupon's template is a foreign key: missing would be a broken database, not a null.
        (code) => new Error(`coupon template ${code} is missing`),
      ),
    ),
    /** The coupons a checkout plan names, as the graph shows them. */
    coupon: new DataLoader<string, Coupon>(async (ids) =>
      orderByKeys(
        ids,
        await dataSource.getRepository(Coupon).findBy({ id: In([...ids]) }),
        (c) => c.id,
        (id) => new Error(`coupon ${id} is missing`),
      ),
    ),
    /** The rewards a page of redemptions names. */
    reward: new DataLoader<string, Reward>(async (codes) =>
      orderByKeys(
        codes,
        await dataSource.getRepository(Reward).findBy({ code: In([...codes]) }),
        (r) => r.code,
        // A redemption's reward is a foreign key: missing would be a broken database, not a null.
        (code) => new Error(`reward ${code} is missing`),
      ),
    ),
    /** A catalogue benefit by code (the ratings summary names a few). */
    catalogueBenefit: new DataLoader<string, Benefit>(async (codes) =>
      orderByKeys(
        codes,
        await dataSource.getRepository(Benefit).findBy({ code: In([...codes]) }),
        (b) => b.code,
        (code) => new Error(`benefit ${code} is missing`),
      ),
    ),
    /** Each member's ratings, for MemberBenefit.rating: one statement for every member of a request. */
    ratingsOfMember: new DataLoader<string, BenefitRating[]>(async (memberIds) =>
      groupByKeys(memberIds, await findMemberRatings(dataSource, memberIds), (r) => r.memberId),
    ),
    partnerBrand: new DataLoader<string, PartnerBrand>(async (codes) =>
      orderByKeys(
        codes,
        await dataSource.getRepository(PartnerBrand).findBy({ code: In([...codes]) }),
        (b) => b.code,
        (code) => new Error(`partner brand ${code} is missing`),
      ),
    ),
    partnerOffer: new DataLoader<string, PartnerOffer>(async (ids) =>
      orderByKeys(
        ids,
        await dataSource.getRepository(PartnerOffer).findBy({ id: In([...ids]) }),
        (o) => o.id,
        (id) => new Error(`partner offer ${id} is missing`),
      ),
    ),
  };
}

export type BenefitsLoaders = ReturnType<typeof createLoaders>;
