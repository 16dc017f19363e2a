import type { CampaignContext } from '../../context';

export const Member = {
  __resolveReference: (ref: { id: string }) => ref,
  liveCampaigns: (member: { id: string }, _: unknown, ctx: CampaignContext) => ctx.loaders.liveCampaignsOfMember.load(member.id),
};
