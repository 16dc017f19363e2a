import type { PointsContext } from '../../context';

export const Member = {
  __resolveReference: (ref: { id: string }) => ref,
  points: async (member: { id: string }, _: unknown, ctx: PointsContext) => ({
    balance: await ctx.loaders.balanceOfMember.load(member.id),
  }),
};
