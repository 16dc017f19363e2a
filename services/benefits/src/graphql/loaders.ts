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
  };
}

export type BenefitsLoaders = ReturnType<typeof createLoaders>;
