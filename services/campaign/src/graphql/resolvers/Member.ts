import { readableMemberRef, requireMemberReader } from '../../../../kit/src';
import { experimentByKey } from '../../db/experiments';
import { assignVariant } from '../../domain/experiment';
import type { MemberResolvers } from '../__generated__/resolvers-types';
import { requireGrowthReader } from '../staff';

export const Member: MemberResolvers = {
  __resolveReference: readableMemberRef,
  liveCampaigns: (member, _, ctx) => ctx.loaders.liveCampaignsOfMember.load(readableMemberRef(member, ctx).id),
  segment: (member, _, ctx) => {
    requireGrowthReader(ctx.identity);
    return ctx.loaders.rfmOfMember.load(member.id);
  },
  experimentVariant: async (member, args, ctx) => {
    requireMemberReader(ctx.identity, member.id);
    const experiment = await experimentByKey(ctx.dataSource, args.experimentKey);
    return assignVariant({ ...experiment.plan, winnerKey: experiment.winnerKey }, member.id);
  },
  referral: (member, _, ctx) => ({ memberId: readableMemberRef(member, ctx).id }),
};
