import { actorOf, requireStaff } from '../../../../kit/src';
import { reviewDecision } from '../../commands/reviewDecision';
import { saveRiskRule } from '../../commands/saveRiskRule';
import { workAlert } from '../../commands/workAlert';
import type { MutationResolvers } from '../__generated__/resolvers-types';
import { ALERT_WORKERS, REVIEWERS } from './Query';

export const Mutation: MutationResolvers = {
  saveRiskRule: (_, args, ctx) => {
    requireStaff(ctx.identity, ['ADMIN']);
    return saveRiskRule(ctx.dataSource, args.input, actorOf(ctx.identity));
  },

  reviewRiskDecision: (_, args, ctx) => {
    requireStaff(ctx.identity, REVIEWERS);
    return reviewDecision(ctx.dataSource, { eventId: args.id, verdict: args.verdict, reason: args.reason }, actorOf(ctx.identity));
  },

  acknowledgeRiskAlert: (_, args, ctx) => {
    requireStaff(ctx.identity, ALERT_WORKERS);
    return workAlert(ctx.dataSource, { id: args.id, step: 'ACKNOWLEDGE' }, actorOf(ctx.identity));
  },

  resolveRiskAlert: (_, args, ctx) => {
    requireStaff(ctx.identity, ALERT_WORKERS);
    return workAlert(ctx.dataSource, { id: args.id, step: 'RESOLVE', resolution: args.resolution }, actorOf(ctx.identity));
  },
};
