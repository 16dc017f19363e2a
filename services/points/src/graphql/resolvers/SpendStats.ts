import { formatFen } from '../../../../kit/src';
import type { SpendStatsResolvers } from '../__generated__/resolvers-types';

export const SpendStats: SpendStatsResolvers = {
  spend: (stats) => formatFen(stats.spendFen),
  lastPurchaseAt: (stats) => stats.lastPurchaseAt?.toISOString() ?? null,
};
