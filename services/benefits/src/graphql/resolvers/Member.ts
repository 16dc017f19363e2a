import type { BenefitsContext } from '../../context';

/** The gateway sends `tier { id }` with each member (@requires), so no call to the member service is needed. */
type MemberRef = { id: string; tier: { id: string } };

export const Member = {
  __resolveReference: (ref: MemberRef) => ref,
  benefits: (member: MemberRef, _: unknown, ctx: BenefitsContext) => ctx.loaders.benefitsOfTier.load(member.tier.id),
};
