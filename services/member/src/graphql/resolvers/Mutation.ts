import { requireSelf, requireSelfOrStaff, requireStaff } from '../../../../kit/src';
import { bindCard } from '../../commands/bindCard';
import { grantTier } from '../../commands/grantTier';
import { registerMember } from '../../commands/registerMember';
import { setPartnerSharing } from '../../commands/setPartnerSharing';
import { updateProfile } from '../../commands/updateProfile';
import { updateTier } from '../../commands/updateTier';
import type { MemberContext } from '../../context';
import type { ProfileInput } from '../../domain/profile';
import type { TierEdit } from '../../domain/tierEdit';

/** The member after a write, read afresh (the request's loader may hold the row from before it). */
function reloaded(ctx: MemberContext, memberId: string) {
  ctx.loaders.member.clear(memberId);
  return ctx.loaders.member.load(memberId);
}

export const Mutation = {
  registerMember: async (_: unknown, args: { phone: string; channel: string }, ctx: MemberContext) => {
    requireStaff(ctx.identity, ['ADMIN', 'OPERATOR', 'SERVICE_AGENT']);
    const member = await registerMember(ctx.dataSource, ctx.pii, args);
    await ctx.deliverEvents(member.id);
    return member;
  },

  updateProfile: async (_: unknown, args: { memberId: string; input: ProfileInput }, ctx: MemberContext) => {
    requireSelfOrStaff(ctx.identity, args.memberId, ['ADMIN', 'SERVICE_AGENT']);
    await updateProfile(ctx.dataSource, ctx.deliverEvents, args);
    return reloaded(ctx, args.memberId);
  },

  setPartnerSharing: async (_: unknown, args: { memberId: string; consent: boolean }, ctx: MemberContext) => {
    requireSelf(ctx.identity, args.memberId, 'only the member may give or withdraw this consent');
    await setPartnerSharing(ctx.dataSource, args);
    return reloaded(ctx, args.memberId);
  },

  bindCard: async (_: unknown, args: { memberId: string; cardNo: string }, ctx: MemberContext) => {
    requireStaff(ctx.identity, ['ADMIN', 'OPERATOR', 'SERVICE_AGENT']);
    await bindCard(ctx.dataSource, ctx.pii, args);
    return reloaded(ctx, args.memberId);
  },

  grantTier: async (
    _: unknown,
    args: { memberId: string; tierId: string; reason: string; expiresAt?: string | null },
    ctx: MemberContext,
  ) => {
    const actor = requireStaff(ctx.identity, ['ADMIN', 'OPERATOR']);
    await grantTier(ctx.dataSource, args, actor);
    return reloaded(ctx, args.memberId);
  },

  updateTier: (_: unknown, args: { id: string; input: TierEdit; reason: string; effectiveFrom?: string | null }, ctx: MemberContext) => {
    const actor = requireStaff(ctx.identity, ['ADMIN']);
    return updateTier(ctx.dataSource, args, actor);
  },
};
