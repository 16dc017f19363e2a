import { readableMemberRef } from '../../../../kit/src';
import type { MemberResolvers } from '../__generated__/resolvers-types';

export const Member: MemberResolvers = {
  __resolveReference: readableMemberRef,
  points: (member, _, ctx) => ctx.loaders.accountOfMember.load(readableMemberRef(member, ctx).id),
  spend: (member, _, ctx) => ctx.loaders.spendOfMember.load(readableMemberRef(member, ctx).id),
};
