import { readableMemberRef } from '../../../../kit/src';
import type { MemberResolvers } from '../__generated__/resolvers-types';

export const Member: MemberResolvers = {
  __resolveReference: readableMemberRef,
  risk: (member, _, ctx) => ctx.loaders.riskOfMember.load(readableMemberRef(member, ctx).id),
};
