import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { groupByKeys, orderByKeys } from '../../../kit/src';
import { Coupon } from '../db/entities/Coupon';
import { CouponTemplate } from '../db/entities/CouponTemplate';
import { findTierBenefits, type TierBenefitView } from '../db/tierBenefits';

/** Per-request loaders: members share tiers, so many members cost one look-up per distinct tier set. */
export function createLoaders(dataSource: DataSource) {
  return {
    benefitsOfTier: new DataLoader<string, TierBenefitView[]>(async (tierIds) =>
      groupByKeys(tierIds, await findTierBenefits(dataSource, tierIds), (b) => b.tierId),
    ),
    /** A page of coupons names a few templates: one statement for all of them. */
    template: new DataLoader<string, CouponTemplate | null>(async (codes) =>
      orderByKeys(codes, await dataSource.getRepository(CouponTemplate).findBy({ code: In([...codes]) }), (t) => t.code),
    ),
    /** The coupons a checkout plan names, as the graph shows them. */
    coupon: new DataLoader<string, Coupon | null>(async (ids) =>
      orderByKeys(ids, await dataSource.getRepository(Coupon).findBy({ id: In([...ids]) }), (c) => c.id),
    ),
  };
}

export type BenefitsLoaders = ReturnType<typeof createLoaders>;
