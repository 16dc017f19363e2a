import type { CampaignContext } from '../../context';
import { Campaign } from '../../db/entities/Campaign';
import { findLiveCampaigns } from '../../db/liveCampaigns';

export const Query = {
  campaigns: (_: unknown, args: { liveOnly: boolean }, ctx: CampaignContext) =>
    args.liveOnly
      ? findLiveCampaigns(ctx.dataSource, new Date())
      : ctx.dataSource.getRepository(Campaign).find({ order: { startsAt: 'DESC' }, take: 200 }),
};
