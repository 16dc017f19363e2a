import { actorOf, requireStaff } from '../../../../kit/src';
import { reviewDecision, type ReviewVerdict } from '../../commands/reviewDecision';
import { saveRiskRule } from '../../commands/saveRiskRule';
import type { RiskContext } from '../../context';
import type { RuleInput } from '../../domain/rules';
import { REVIEWERS } from './Query';

export const Mutation = {
  saveRiskRule: (_: unknown, args: { input: RuleInput }, ctx: RiskContext) => {
    requireStaff(ctx.identity, ['ADMIN']);
    return saveRiskRule(ctx.dataSource, args.input, actorOf(ctx.identity));
  },

  reviewRiskDecision: (_: unknown, args: { id: string; verdict: ReviewVerdict; reason: string }, ctx: RiskContext) => {
    requireStaff(ctx.identity, REVIEWERS);
    return reviewDecision(ctx.dataSource, { eventId: args.id, verdict: args.verdict, reason: args.reason }, actorOf(ctx.identity));
  },
};
