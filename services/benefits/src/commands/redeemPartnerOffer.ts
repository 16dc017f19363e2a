import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { DomainError, inTransaction, isUniqueViolation, parseIdempotencyKey, parseMemberId } from '../../../kit/src';
import { ClearingEntry } from '../db/entities/ClearingEntry';
import { PartnerOffer } from '../db/entities/PartnerOffer';
import { PartnerOfferClaim } from '../db/entities/PartnerOfferClaim';
import { PartnerRedemption } from '../db/entities/PartnerRedemption';
import { offerLimitReached, offerOutOfStock, periodOf, requireRedeemable } from '../domain/partners';
import type { MemberPort } from '../ports';

/**
 * Who records a cross-brand redemption: the partner brand itself (with its API key) for its offer
 * used by one of our members, or our checkout (staff, a POS) for our offer used by a member the
 * partner brought.
 */
export type RedemptionCaller = { kind: 'PARTNER'; partner: string } | { kind: 'US'; actor: string };

export interface RedeemPartnerOfferInput {
  offerId: string;
  /** PARTNER_TO_US: our member. */
  memberId?: string | null;
  /** US_TO_PARTNER: the partner's id of its member, linked to ours. */
  partnerMemberId?: string | null;
  redemptionKey: string;
}

export interface PartnerRedemptionReceipt {
  redemption: PartnerRedemption;
  clearing: ClearingEntry;
  replayed: boolean;
}

/** Said alike for an unknown offer and another partner's: a partner cannot learn which offers exist. */
const noOffer = (id: string) => new DomainError('NOT_FOUND', `no cross-brand offer ${id} of yours`, { field: 'offerId' });
/** Said alike for an unknown member and one who does not share with partners. */
const NOT_SHARED = 'no member with this id shares data with partners';

async function replay(
  dataSource: DataSource,
  row: PartnerRedemption,
  offerId: string,
  memberId: string | null,
  partnerMemberId: string | null,
): Promise<PartnerRedemptionReceipt> {
  const same = row.offerId === offerId && (memberId ? row.memberId === memberId : row.partnerMemberId === partnerMemberId);
  if (!same) throw new DomainError('CONFLICT', 'this redemptionKey was already used for another redemption', { field: 'redemptionKey' });
  const clearing = await dataSource.getRepository(ClearingEntry).findOneByOrFail({ redemptionId: row.id });
  return { redemption: row, clearing, replayed: true };
}

/**
 * Records one use of a cross-brand offer and, in the same transaction, its clearing entry: the
 * offer's funder owes the other brand the agreed price. Exactly once per (partner, redemptionKey):
 * the same key again answers the first redemption; the clearing entry is unique per redemption, so
 * the ledger holds one entry for every redemption and no other. A partner reaches only its own
 * offers of direction PARTNER_TO_US, and only for our members who allow partner sharing; our
 * checkout redeems our US_TO_PARTNER offers for a partner's member linked to one of ours.
 *
 * An offer's per-member limit and total stock are taken like a coupon template's (issueCoupon): each
 * by a guarded UPDATE in the redemption's transaction, the member's count first and then the offer,
 * always in that order, so simultaneous redemptions queue on row locks and never deadlock. Over
 * either is CONFLICT (reason PER_MEMBER_LIMIT, OUT_OF_STOCK) and writes nothing; a replayed key
 * answers before anything is taken, and two first attempts with one key roll the loser's back.
 */
export async function redeemPartnerOffer(
  dataSource: DataSource,
  member: MemberPort,
  input: RedeemPartnerOfferInput,
  caller: RedemptionCaller,
  options: { utcOffsetMinutes: number; now?: Date },
): Promise<PartnerRedemptionReceipt> {
  const now = options.now ?? new Date();
  const redemptionKey = parseIdempotencyKey(input.redemptionKey, 'redemptionKey');
  if (!/^[0-9a-f-]{36}$/.test(input.offerId)) throw noOffer(input.offerId);
  const offer = await dataSource.getRepository(PartnerOffer).findOneBy({ id: input.offerId });
  if (!offer || (caller.kind === 'PARTNER' && offer.partnerCode !== caller.partner)) throw noOffer(input.offerId);

  let memberId: string;
  let partnerMemberId: string | null = null;
  if (offer.direction === 'PARTNER_TO_US') {
    if (caller.kind !== 'PARTNER') {
      throw new DomainError('FORBIDDEN', 'a partner records the use of its own offer, with its API key', { field: 'offerId' });
    }
    if (!input.memberId) throw new DomainError('BAD_USER_INPUT', 'name our member who used the offer', { field: 'memberId' });
    memberId = parseMemberId(input.memberId);
  } else {
    if (caller.kind !== 'US') throw new DomainError('FORBIDDEN', 'our offers are redeemed at our checkout', { field: 'offerId' });
    if (!input.partnerMemberId) {
      throw new DomainError('BAD_USER_INPUT', "name the partner's member id of the member it brought", { field: 'partnerMemberId' });
    }
    partnerMemberId = input.partnerMemberId;
  }

  const redemptions = dataSource.getRepository(PartnerRedemption);
  const known = await redemptions.findOneBy({ partnerCode: offer.partnerCode, redemptionKey });
  if (known) return replay(dataSource, known, offer.id, partnerMemberId ? null : memberId!, partnerMemberId);
  requireRedeemable(offer, now);
  if (partnerMemberId) {
    const linked = await member.resolvePartnerMember(offer.partnerCode, partnerMemberId);
    if (!linked)
      throw new DomainError('NOT_FOUND', `${offer.partnerCode} has not linked a member ${partnerMemberId}`, { field: 'partnerMemberId' });
    memberId = linked;
  } else if ((await member.getPartnerSharing(memberId!)) !== true) {
    throw new DomainError('FORBIDDEN', NOT_SHARED, { field: 'memberId' });
  }

  const redemption = redemptions.create({
    id: randomUUID(),
    offerId: offer.id,
    partnerCode: offer.partnerCode,
    redemptionKey,
    memberId: memberId!,
    partnerMemberId,
    actor: caller.kind === 'PARTNER' ? `partner:${caller.partner}` : caller.actor,
    redeemedAt: now,
  });
  const clearing = dataSource.getRepository(ClearingEntry).create({
    id: randomUUID(),
    redemptionId: redemption.id,
    partnerCode: offer.partnerCode,
    offerId: offer.id,
    direction: offer.direction,
    payer: offer.fundedBy,
    amountFen: offer.priceFen,
    period: periodOf(now, options.utcOffsetMinutes),
    recordedAt: now,
  });
  if (offer.stockLeft !== null && offer.stockLeft <= 0) throw offerOutOfStock(offer.id);
  if (offer.perMemberLimit !== null) {
    // The count row exists before the transaction, so inside it is only ever updated (an INSERT …
    // IGNORE there would take a shared lock that two redemptions could both try to upgrade).
    await dataSource
      .createQueryBuilder()
      .insert()
      .into(PartnerOfferClaim)
      .values({ offerId: offer.id, memberId: memberId!, redeemed: 0 })
      .orIgnore()
      .updateEntity(false)
      .execute();
  }
  try {
    await inTransaction(dataSource, async (manager) => {
      if (offer.perMemberLimit !== null) {
        const counted = await manager
          .createQueryBuilder()
          .update(PartnerOfferClaim)
          .set({ redeemed: () => 'redeemed + 1' })
          .where('offer_id = :offerId AND member_id = :memberId AND redeemed < :limit', {
            offerId: offer.id,
            memberId: memberId!,
            limit: offer.perMemberLimit,
          })
          .execute();
        if (counted.affected !== 1) throw offerLimitReached(offer.id, offer.perMemberLimit);
      }
      if (offer.stockLeft !== null) {
        const taken = await manager
          .createQueryBuilder()
          .update(PartnerOffer)
          .set({ stockLeft: () => 'stock_left - 1' })
          .where('id = :offerId AND stock_left > 0', { offerId: offer.id })
          .execute();
        if (taken.affected !== 1) throw offerOutOfStock(offer.id);
      }
      await manager.getRepository(PartnerRedemption).insert(redemption);
      await manager.getRepository(ClearingEntry).insert(clearing);
    });
  } catch (error) {
    // A retry racing its own first attempt waits on the count or stock row and, once the first
    // commits, may find the limit or the stock used up by it: that retry is a replay too, not a refusal.
    const raced = isUniqueViolation(error) || (error instanceof DomainError && error.code === 'CONFLICT');
    const first = raced ? await redemptions.findOneBy({ partnerCode: offer.partnerCode, redemptionKey }) : null;
    if (!first) throw error;
    return replay(dataSource, first, offer.id, partnerMemberId ? null : memberId!, partnerMemberId);
  }
  return { redemption, clearing, replayed: false };
}
