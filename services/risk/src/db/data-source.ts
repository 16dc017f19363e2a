import type { DatabaseSchema } from '../../../kit/src';
import { JobLease } from '../../../kit/src';
import { MemberHealthRow } from './entities/MemberHealthRow';
import { MemberScoreRow } from './entities/MemberScoreRow';
import { ModelEvaluation } from './entities/ModelEvaluation';
import { RiskAlert } from './entities/RiskAlert';
import { RiskEvent } from './entities/RiskEvent';
import { RiskModelRow } from './entities/RiskModelRow';
import { RiskProfile } from './entities/RiskProfile';
import { RiskRuleRow } from './entities/RiskRuleRow';
import { CreateRisk1764000000000 } from './migrations/1764000000000-CreateRisk';
import { RiskRules1764600000000 } from './migrations/1764600000000-RiskRules';
import { MemberModels1764700000000 } from './migrations/1764700000000-MemberModels';

/** The risk service's entities and migrations. */
export const riskSchema: DatabaseSchema = {
  entities: [RiskEvent, RiskProfile, RiskRuleRow, RiskModelRow, ModelEvaluation, MemberScoreRow, MemberHealthRow, RiskAlert, JobLease],
  migrations: [CreateRisk1764000000000, RiskRules1764600000000, MemberModels1764700000000],
};
