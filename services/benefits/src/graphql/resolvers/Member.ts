import { parseMemberId, parsePageSize, readableMemberRef } from '../../../../kit/src';
import { findCouponPage } from '../../db/couponPages';
import { findPartnerOfferPage } from '../../db/partnerOfferPages';
import { memberFeatures, rankBenefits } from '../../domain/ranking';
import { connectionOf, decodeCursor } from '../connection';
import type { MemberResolvers } from '../__generated__/resolvers-types';
import { signalsOf, tierInForce } from '../memberSignals';

/**
 * The gateway sends each member with their tier as the member service answered it (the key of Member
 * here: `tier { id multiplier pointsNeverExpire effectiveFrom }`), so no call to the member service is
 * needed, and `tier { benefits }` is answered in the same fetch as the member's own fields.
 */
export const Member: MemberResolvers = {
  /**
   * Not refused here: the reference only echoes what the member service already gave this caller,
   * and `tier` is what a partner may see of a sharing member (`tier { benefits }` of the card). Every
   * field of the member's own data below checks its reader (readableMemberRef), as before.
   */
  __resolveReference: (ref) => ref,
  /** The tier the member service answered (the key): Tier.benefits shows its benefits. */
  tier: (member) => member.tier,
  /**
   * The tier's benefits ranked for this member from what the gateway brought of the member service
   * (the key's tier, registeredAt by @requires) and the points service's spend figures (held here as points sent them; asked over
   * gRPC for a member never sent, ranked without them when points does not answer); the tier's
   * benefits are one look-up per distinct tier per request, the spend one read for every member of
   * the request.
   */
  benefits: async (member, _, ctx) => {
    const [benefits, spend] = await Promise.all([
      ctx.loaders.benefitsOfTier.load(tierInForce(readableMemberRef(member, ctx).tier)),
      ctx.loaders.spendOfMember.load(member.id),
    ]);
    return rankBenefits(benefits, memberFeatures(signalsOf(member, spend), new Date())).map((ranked) => ({
      ...ranked,
      memberId: member.id,
    }));
  },

  /** Newest first; keyset pagination on (issued_at, id). The member themselves or staff (readableMemberRef). */
  coupons: async (member, args, ctx) => {
    readableMemberRef(member, ctx);
    const first = parsePageSize(args.first);
    parseMemberId(member.id);
    const after = args.after ? decodeCursor(args.after) : null;
    const rows = await findCouponPage(ctx.dataSource, { memberId: member.id, status: args.status, first, after }, new Date());
    return connectionOf(rows, first, args.after, (c) => ({ at: c.issuedAt, id: c.id }));
  },

  /** Partners' offers valid now, for a member who allows partner sharing (the gateway requires the consent of the member service). */
  partnerOffers: async (member, args, ctx) => {
    readableMemberRef(member, ctx);
    const first = parsePageSize(args.first);
    const after = args.after ? decodeCursor(args.after) : null;
    const rows =
      member.partnerSharing === true
        ? await findPartnerOfferPage(ctx.dataSource, { direction: 'PARTNER_TO_US', validAt: new Date() }, first, after)
        : [];
    return connectionOf(rows, first, args.after, (o) => ({ at: o.createdAt, id: o.id }));
  },
};
