import type { PointsContext } from '../../context';

export const Member = {
  __resolveReference: (ref: { id: string }) => ref,
  points: (member: { id: string }, _: unknown, ctx: PointsContext) => ctx.loaders.accountOfMember.load(member.id),
  spend: (member: { id: string }, _: unknown, ctx: PointsContext) => ctx.loaders.spendOfMember.load(member.id),
};
