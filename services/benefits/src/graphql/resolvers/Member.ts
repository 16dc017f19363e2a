import { readableMemberRef } from '../../../../kit/src';
import type { BenefitsContext } from '../../context';

/** The gateway sends `tier { id }` with each member (@requires), so no call to the member service is needed. */
type MemberRef = { id: string; tier: { id: string } };

export const Member = {
  __resolveReference: readableMemberRef,
  benefits: (member: MemberRef, _: unknown, ctx: BenefitsContext) =>
    ctx.loaders.benefitsOfTier.load(readableMemberRef(member, ctx).tier.id),
};
