import { readableMemberRef } from '../../../../kit/src';
import type { MemberResolvers } from '../__generated__/resolvers-types';

export const Member: MemberResolvers = {
  __resolveReference: readableMemberRef,
  liveCampaigns: (member, _, ctx) => ctx.loaders.liveCampaignsOfMember.load(readableMemberRef(member, ctx).id),
};
