import type { DatabaseSchema } from '../../../kit/src';
import { RiskEvent } from './entities/RiskEvent';
import { RiskProfile } from './entities/RiskProfile';
import { RiskRuleRow } from './entities/RiskRuleRow';
import { CreateRisk1764000000000 } from './migrations/1764000000000-CreateRisk';
import { RiskRules1764600000000 } from './migrations/1764600000000-RiskRules';

/** The risk service's entities and migrations. */
export const riskSchema: DatabaseSchema = {
  entities: [RiskEvent, RiskProfile, RiskRuleRow],
  migrations: [CreateRisk1764000000000, RiskRules1764600000000],
};
