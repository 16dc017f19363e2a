import type { DatabaseSchema } from '../../../kit/src';
import { RiskEvent } from './entities/RiskEvent';
import { RiskProfile } from './entities/RiskProfile';
import { CreateRisk1764000000000 } from './migrations/1764000000000-CreateRisk';

/** The risk service's entities and migrations. */
export const riskSchema: DatabaseSchema = {
  entities: [RiskEvent, RiskProfile],
  migrations: [CreateRisk1764000000000],
};
