import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { DomainError, groupByKeys, orderByKeys } from '../../../kit/src';
import { findMemberRatings } from '../db/benefitRatings';
import { findSpendWindows } from '../db/memberSpend';
import { Benefit } from '../db/entities/Benefit';
import type { BenefitRating } from '../db/entities/BenefitRating';
import { Coupon } from '../db/entities/Coupon';
import { CouponTemplate } from '../db/entities/CouponTemplate';
import { PartnerBrand } from '../db/entities/PartnerBrand';
import { PartnerOffer } from '../db/entities/PartnerOffer';
import { Reward } from '../db/entities/Reward';
import { sharedShownTierBenefits, type TierBenefitView, type TierInForce } from '../db/tierBenefits';
import type { SpendSignals } from '../domain/ranking';
import { spendAt } from '../domain/spendWindow';
import type { PointsPort } from '../ports';

/**
 * Per-request loaders, each made on first use (a card asks for two of them: a request builds only
 * what it reads). Members share tiers, so many members cost one look-up per distinct tier set.
 */
export class BenefitsLoaders {
  private made: {
    spendOfMember?: DataLoader<string, SpendSignals | null>;
    benefitsOfTier?: DataLoader<TierInForce, TierBenefitView[], string>;
    template?: DataLoader<string, CouponTemplate>;
    coupon?: DataLoader<string, Coupon>;
    reward?: DataLoader<string, Reward>;
    catalogueBenefit?: DataLoader<string, Benefit>;
    ratingsOfMember?: DataLoader<string, BenefitRating[]>;
    partnerBrand?: DataLoader<string, PartnerBrand>;
    partnerOffer?: DataLoader<string, PartnerOffer>;
  } = {};

  constructor(
    private readonly dataSource: DataSource,
    private readonly points: Pick<PointsPort, 'getSpendStats'>,
  ) {}

  /**
   * Each member's spend: from the windows points sent (RecordSpendStats), aged to now, one local
   * read for every member of a request; for a member none was sent for (no order since this was
   * built, or seeded before), from the points service over gRPC, one call for all of them, as
   * before. Null when that call does not answer (any error it sends back, or none within the
   * deadline): Member.benefits then ranks without the spend rather than fail. The peer client's
   * metrics count the calls.
   */
  get spendOfMember(): DataLoader<string, SpendSignals | null> {
    return (this.made.spendOfMember ??= new DataLoader(
      async (memberIds) => {
        const now = new Date();
        const windows = await findSpendWindows(this.dataSource, memberIds);
        const unsent = memberIds.filter((_, i) => windows[i] === null);
        const asked = unsent.length ? await this.spendFromPoints(unsent) : [];
        let next = 0;
        return windows.map((window) => (window ? spendAt(window, now) : asked[next++]));
      },
      { maxBatchSize: 500 },
    ));
  }

  private async spendFromPoints(memberIds: readonly string[]): Promise<Array<SpendSignals | null>> {
    try {
      return await this.points.getSpendStats(memberIds);
    } catch (error) {
      if (error instanceof DomainError) return memberIds.map(() => null);
      throw error;
    }
  }

  /** Keyed by the tier as the member service has it in force: its γ is part of what it shows (the matrix: the process's shared catalogue). */
  get benefitsOfTier(): DataLoader<TierInForce, TierBenefitView[], string> {
    return (this.made.benefitsOfTier ??= new DataLoader((tiers) => sharedShownTierBenefits(this.dataSource, tiers), {
      cacheKeyFn: (t) => `${t.id}\u0000${t.multiplier}\u0000${t.pointsNeverExpire}\u0000${t.effectiveFrom.getTime()}`,
    }));
  }

  /** A page of coupons names a few templates: one statement for all of them. */
  get template(): DataLoader<string, CouponTemplate> {
    return (this.made.template ??= new DataLoader(async (codes) =>
      orderByKeys(
        codes,
        await this.dataSource.getRepository(CouponTemplate).findBy({ code: In([...codes]) }),
        (t) => t.code,
        // A coupon's template is a foreign key: missing would be a broken database, not a null.
        (code) => new Error(`coupon template ${code} is missing`),
      ),
    ));
  }

  /** The coupons a checkout plan names, as the graph shows them. */
  get coupon(): DataLoader<string, Coupon> {
    return (this.made.coupon ??= new DataLoader(async (ids) =>
      orderByKeys(
        ids,
        await this.dataSource.getRepository(Coupon).findBy({ id: In([...ids]) }),
        (c) => c.id,
        (id) => new Error(`coupon ${id} is missing`),
      ),
    ));
  }

  /** The rewards a page of redemptions names. */
  get reward(): DataLoader<string, Reward> {
    return (this.made.reward ??= new DataLoader(async (codes) =>
      orderByKeys(
        codes,
        await this.dataSource.getRepository(Reward).findBy({ code: In([...codes]) }),
        (r) => r.code,
        // A redemption's reward is a foreign key: missing would be a broken database, not a null.
        (code) => new Error(`reward ${code} is missing`),
      ),
    ));
  }

  /** A catalogue benefit by code (the ratings summary names a few). */
  get catalogueBenefit(): DataLoader<string, Benefit> {
    return (this.made.catalogueBenefit ??= new DataLoader(async (codes) =>
      orderByKeys(
        codes,
        await this.dataSource.getRepository(Benefit).findBy({ code: In([...codes]) }),
        (b) => b.code,
        (code) => new Error(`benefit ${code} is missing`),
      ),
    ));
  }

  /** Each member's ratings, for MemberBenefit.rating: one statement for every member of a request. */
  get ratingsOfMember(): DataLoader<string, BenefitRating[]> {
    return (this.made.ratingsOfMember ??= new DataLoader(async (memberIds) =>
      groupByKeys(memberIds, await findMemberRatings(this.dataSource, memberIds), (r) => r.memberId),
    ));
  }

  get partnerBrand(): DataLoader<string, PartnerBrand> {
    return (this.made.partnerBrand ??= new DataLoader(async (codes) =>
      orderByKeys(
        codes,
        await this.dataSource.getRepository(PartnerBrand).findBy({ code: In([...codes]) }),
        (b) => b.code,
        (code) => new Error(`partner brand ${code} is missing`),
      ),
    ));
  }

  get partnerOffer(): DataLoader<string, PartnerOffer> {
    return (this.made.partnerOffer ??= new DataLoader(async (ids) =>
      orderByKeys(
        ids,
        await this.dataSource.getRepository(PartnerOffer).findBy({ id: In([...ids]) }),
        (o) => o.id,
        (id) => new Error(`partner offer ${id} is missing`),
      ),
    ));
  }
}

export function createLoaders(dataSource: DataSource, points: Pick<PointsPort, 'getSpendStats'>): BenefitsLoaders {
  return new BenefitsLoaders(dataSource, points);
}
