import { JobLease, OutboxEventSchema, type DatabaseSchema } from '../../../kit/src';
import { Benefit } from './entities/Benefit';
import { BenefitCell } from './entities/BenefitCell';
import { BenefitRating } from './entities/BenefitRating';
import { ClearingEntry } from './entities/ClearingEntry';
import { MemberSpend } from './entities/MemberSpend';
import { Coupon } from './entities/Coupon';
import { CouponClaim } from './entities/CouponClaim';
import { CouponRedemption } from './entities/CouponRedemption';
import { CouponTemplate } from './entities/CouponTemplate';
import { Reward } from './entities/Reward';
import { RewardClaim } from './entities/RewardClaim';
import { RewardRedemption } from './entities/RewardRedemption';
import { OccasionGrant } from './entities/OccasionGrant';
import { OccasionReward } from './entities/OccasionReward';
import { PartnerBrand } from './entities/PartnerBrand';
import { PartnerOffer } from './entities/PartnerOffer';
import { PartnerOfferClaim } from './entities/PartnerOfferClaim';
import { PartnerRedemption } from './entities/PartnerRedemption';
import { CreateBenefits1764000000000 } from './migrations/1764000000000-CreateBenefits';
import { VersionBenefitMatrix1764600000000 } from './migrations/1764600000000-VersionBenefitMatrix';
import { Coupons1764700000000 } from './migrations/1764700000000-Coupons';
import { DeriveAcceleration1764800000000 } from './migrations/1764800000000-DeriveAcceleration';
import { BenefitRatings1764910000000 } from './migrations/1764910000000-BenefitRatings';
import { RewardsSaga1764830000000 } from './migrations/1764830000000-RewardsSaga';
import { Occasions1764920000000 } from './migrations/1764920000000-Occasions';
import { Partners1764930000000 } from './migrations/1764930000000-Partners';
import { PartnerOfferStock1764940000000 } from './migrations/1764940000000-PartnerOfferStock';
import { MemberSpend1764950000000 } from './migrations/1764950000000-MemberSpend';

/** The benefits service's entities and migrations. */
export const benefitsSchema: DatabaseSchema = {
  entities: [
    Benefit,
    BenefitCell,
    CouponTemplate,
    Coupon,
    CouponClaim,
    CouponRedemption,
    Reward,
    RewardClaim,
    RewardRedemption,
    OutboxEventSchema,
    BenefitRating,
    OccasionReward,
    OccasionGrant,
    JobLease,
    PartnerBrand,
    PartnerOffer,
    PartnerOfferClaim,
    PartnerRedemption,
    ClearingEntry,
    MemberSpend,
  ],
  migrations: [
    CreateBenefits1764000000000,
    VersionBenefitMatrix1764600000000,
    Coupons1764700000000,
    DeriveAcceleration1764800000000,
    RewardsSaga1764830000000,
    BenefitRatings1764910000000,
    Occasions1764920000000,
    Partners1764930000000,
    PartnerOfferStock1764940000000,
    MemberSpend1764950000000,
  ],
};
