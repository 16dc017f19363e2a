import { formatFen } from '../../../../kit/src';
import type { SpendView } from '../../db/spendStats';

export const SpendStats = {
  spend: (stats: SpendView) => formatFen(stats.spendFen),
  lastPurchaseAt: (stats: SpendView) => stats.lastPurchaseAt?.toISOString() ?? null,
};
