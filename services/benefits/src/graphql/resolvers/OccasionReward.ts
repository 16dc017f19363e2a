import { kindOf, type OccasionKind } from '../../domain/occasions';
import type { OccasionRewardResolvers } from '../__generated__/resolvers-types';

export const OccasionReward: OccasionRewardResolvers = {
  occasion: (row) => kindOf(row.occasion).kind satisfies OccasionKind,
  tierId: (row) => kindOf(row.occasion).tierId,
  template: (row, _, ctx) => ctx.loaders.template.load(row.templateCode),
  updatedAt: (row) => row.updatedAt.toISOString(),
};
