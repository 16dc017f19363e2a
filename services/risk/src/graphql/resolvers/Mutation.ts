import { actorOf, requireStaff } from '../../../../kit/src';
import { reviewDecision } from '../../commands/reviewDecision';
import { saveRiskRule } from '../../commands/saveRiskRule';
import type { MutationResolvers } from '../__generated__/resolvers-types';
import { REVIEWERS } from './Query';

export const Mutation: MutationResolvers = {
  saveRiskRule: (_, args, ctx) => {
    requireStaff(ctx.identity, ['ADMIN']);
    return saveRiskRule(ctx.dataSource, args.input, actorOf(ctx.identity));
  },

  reviewRiskDecision: (_, args, ctx) => {
    requireStaff(ctx.identity, REVIEWERS);
    return reviewDecision(ctx.dataSource, { eventId: args.id, verdict: args.verdict, reason: args.reason }, actorOf(ctx.identity));
  },
};
