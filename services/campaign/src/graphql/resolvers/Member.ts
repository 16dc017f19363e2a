import { readableMemberRef } from '../../../../kit/src';
import type { CampaignContext } from '../../context';

export const Member = {
  __resolveReference: readableMemberRef,
  liveCampaigns: (member: { id: string }, _: unknown, ctx: CampaignContext) =>
    ctx.loaders.liveCampaignsOfMember.load(readableMemberRef(member, ctx).id),
};
