import type { DatabaseSchema } from '../../../kit/src';
import { Benefit } from './entities/Benefit';
import { TierBenefit } from './entities/TierBenefit';
import { CreateBenefits1764000000000 } from './migrations/1764000000000-CreateBenefits';

/** The benefits service's entities and migrations. */
export const benefitsSchema: DatabaseSchema = {
  entities: [Benefit, TierBenefit],
  migrations: [CreateBenefits1764000000000],
};
