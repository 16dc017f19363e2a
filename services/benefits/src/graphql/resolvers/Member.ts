import { readableMemberRef } from '../../../../kit/src';
import type { MemberResolvers } from '../__generated__/resolvers-types';

/** The gateway sends `tier { id }` with each member (@requires), so no call to the member service is needed. */
export const Member: MemberResolvers = {
  __resolveReference: readableMemberRef,
  benefits: (member, _, ctx) => ctx.loaders.benefitsOfTier.load(readableMemberRef(member, ctx).tier.id),
};
