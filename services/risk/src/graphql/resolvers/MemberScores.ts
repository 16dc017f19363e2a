import { formatFen } from '../../../../kit/src';
import type { MemberScoresResolvers } from '../__generated__/resolvers-types';

export const MemberScores: MemberScoresResolvers = {
  clvSimple: (row) => formatFen(row.clvSimpleFen),
  clvModel: (row) => formatFen(row.clvModelFen),
  expectedPurchasesNextYear: (row) => row.expectedPurchases,
  scoredAt: (row) => row.scoredAt.toISOString(),
};
