import { requireStaff } from '../../../../kit/src';
import { createCampaign } from '../../commands/createCampaign';
import type { CampaignContext } from '../../context';

export const Mutation = {
  createCampaign: (
    _: unknown,
    args: { input: { name: string; activityCoefficient: string; startsAt: string; endsAt: string } },
    ctx: CampaignContext,
  ) => {
    requireStaff(ctx.identity, ['ADMIN', 'OPERATOR']);
    return createCampaign(ctx.dataSource, args.input);
  },
};
