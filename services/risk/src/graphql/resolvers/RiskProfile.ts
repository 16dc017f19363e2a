import { DomainError, requireStaff } from '../../../../kit/src';
import type { RiskProfileResolvers } from '../__generated__/resolvers-types';
import { MAX_LAST_DECISIONS } from '../loaders';

/** Who sees why a member is risky: the level is on the member card, the evidence is for staff. */
export const RISK_READERS = ['ADMIN', 'SERVICE_AGENT', 'ANALYST'] as const;

export const RiskProfile: RiskProfileResolvers = {
  score: (risk, _, ctx) => {
    requireStaff(ctx.identity, RISK_READERS);
    return risk.score;
  },
  reasons: (risk, _, ctx) => {
    requireStaff(ctx.identity, RISK_READERS);
    return risk.reasons;
  },
  scores: (risk, _, ctx) => {
    requireStaff(ctx.identity, RISK_READERS);
    return ctx.loaders.scoresOf.load(risk.memberId);
  },
  lastDecisions: async (risk, args, ctx) => {
    requireStaff(ctx.identity, RISK_READERS);
    if (!Number.isInteger(args.first) || args.first < 1 || args.first > MAX_LAST_DECISIONS) {
      throw new DomainError('BAD_USER_INPUT', `first must be between 1 and ${MAX_LAST_DECISIONS}`, { field: 'first' });
    }
    return (await ctx.loaders.lastDecisionsOf.load(risk.memberId)).slice(0, args.first);
  },
};
