import { requireStaff } from '../../../../kit/src';
import { createCampaign } from '../../commands/createCampaign';
import type { MutationResolvers } from '../__generated__/resolvers-types';

export const Mutation: MutationResolvers = {
  createCampaign: (_, args, ctx) => {
    requireStaff(ctx.identity, ['ADMIN', 'OPERATOR']);
    return createCampaign(ctx.dataSource, args.input);
  },
};
