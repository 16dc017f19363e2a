import type { DatabaseSchema } from '../../../kit/src';
import { Benefit } from './entities/Benefit';
import { BenefitCell } from './entities/BenefitCell';
import { CreateBenefits1764000000000 } from './migrations/1764000000000-CreateBenefits';
import { VersionBenefitMatrix1764600000000 } from './migrations/1764600000000-VersionBenefitMatrix';

/** The benefits service's entities and migrations. */
export const benefitsSchema: DatabaseSchema = {
  entities: [Benefit, BenefitCell],
  migrations: [CreateBenefits1764000000000, VersionBenefitMatrix1764600000000],
};
