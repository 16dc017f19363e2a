import { Campaign } from '../../db/entities/Campaign';
import { findLiveCampaigns } from '../../db/liveCampaigns';
import type { QueryResolvers } from '../__generated__/resolvers-types';

export const Query: QueryResolvers = {
  campaigns: (_, args, ctx) =>
    args.liveOnly
      ? findLiveCampaigns(ctx.dataSource, new Date())
      : ctx.dataSource.getRepository(Campaign).find({ order: { startsAt: 'DESC' }, take: 200 }),
};
