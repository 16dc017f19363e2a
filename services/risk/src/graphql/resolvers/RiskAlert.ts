import type { RiskAlertResolvers } from '../__generated__/resolvers-types';

export const RiskAlert: RiskAlertResolvers = {
  createdAt: (alert) => alert.createdAt.toISOString(),
  acknowledgedAt: (alert) => alert.acknowledgedAt?.toISOString() ?? null,
  resolvedAt: (alert) => alert.resolvedAt?.toISOString() ?? null,
};
