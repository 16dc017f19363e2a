import { requireStaff } from '../../../../kit/src';
import type { CampaignContext } from '../../context';
import { Campaign } from '../../db/entities/Campaign';
import { newCampaign } from '../../domain/newCampaign';

export const Mutation = {
  createCampaign: async (
    _: unknown,
    args: { input: { name: string; activityCoefficient: string; startsAt: string; endsAt: string } },
    ctx: CampaignContext,
  ) => {
    requireStaff(ctx.identity, ['ADMIN', 'OPERATOR']);
    const campaign = Object.assign(new Campaign(), newCampaign(args.input));
    await ctx.dataSource.getRepository(Campaign).insert(campaign);
    return campaign;
  },
};
