import type { RiskRuleResolvers } from '../__generated__/resolvers-types';

export const RiskRule: RiskRuleResolvers = {
  updatedAt: (rule) => rule.updatedAt.toISOString(),
};
