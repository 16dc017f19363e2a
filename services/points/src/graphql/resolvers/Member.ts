import { readableMemberRef } from '../../../../kit/src';
import type { PointsContext } from '../../context';

export const Member = {
  __resolveReference: readableMemberRef,
  points: (member: { id: string }, _: unknown, ctx: PointsContext) => ctx.loaders.accountOfMember.load(readableMemberRef(member, ctx).id),
  spend: (member: { id: string }, _: unknown, ctx: PointsContext) => ctx.loaders.spendOfMember.load(readableMemberRef(member, ctx).id),
};
