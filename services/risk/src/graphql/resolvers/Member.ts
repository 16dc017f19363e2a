import type { RiskContext } from '../../context';

export const Member = {
  __resolveReference: (ref: { id: string }) => ref,
  risk: (member: { id: string }, _: unknown, ctx: RiskContext) => ctx.loaders.riskOfMember.load(member.id),
};
