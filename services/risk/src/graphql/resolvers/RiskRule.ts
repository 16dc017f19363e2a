import type { RiskRuleRow } from '../../db/entities/RiskRuleRow';

export const RiskRule = {
  updatedAt: (rule: RiskRuleRow) => rule.updatedAt.toISOString(),
};
