import { parseCnyToFen } from '../../../kit/src';
import type { TierBenefitView, TierInForce } from '../db/tierBenefits';
import type { MemberSignals, RankedBenefit } from '../domain/ranking';

/** A tier as the gateway hands it to Tier.benefits and Member.benefits (@requires from the member service). */
export interface TierRef {
  id: string;
  multiplier?: number | null;
  pointsNeverExpire?: boolean | null;
  effectiveFrom?: string | null;
}

/** What the gateway hands Member.benefits (@requires): the member service's and the points service's fields. */
export interface RankingRef {
  id: string;
  tier: TierRef;
  registeredAt?: string | null;
  spend?: { spend?: string | null; purchases?: number | null; lastPurchaseAt?: string | null } | null;
  /** Member.partnerOffers (@requires): the member's consent to partner sharing. */
  partnerSharing?: boolean | null;
}

const dateOf = (text: string | null | undefined) => {
  const at = text ? new Date(text) : null;
  return at && !Number.isNaN(at.getTime()) ? at : null;
};

const fenOf = (text: string | null | undefined) => {
  try {
    return text ? parseCnyToFen(text, 'spend') : null;
  } catch {
    return null;
  }
};

/**
 * The member's signals from the representation. A field a peer could not give (points down: spend
 * null) or gave in a shape we do not read is unknown, never a failure: ranking still answers.
 */
export function signalsOf(ref: RankingRef): MemberSignals {
  const purchases = ref.spend?.purchases;
  return {
    registeredAt: dateOf(ref.registeredAt),
    spendFen: fenOf(ref.spend?.spend),
    purchases: Number.isInteger(purchases) ? purchases! : null,
    lastPurchaseAt: dateOf(ref.spend?.lastPurchaseAt),
  };
}

/**
 * The tier's γ in force from the representation. Without it (a gateway that did not bring the
 * required fields) there is no acceleration to show: the field fails rather than show a figure of its own.
 */
export function tierInForce(ref: TierRef): TierInForce {
  const effectiveFrom = dateOf(ref.effectiveFrom);
  if (
    typeof ref.multiplier !== 'number' ||
    !Number.isFinite(ref.multiplier) ||
    typeof ref.pointsNeverExpire !== 'boolean' ||
    !effectiveFrom
  ) {
    throw new Error(`tier ${ref.id} came without its multiplier, pointsNeverExpire and effectiveFrom (@requires)`);
  }
  return { id: ref.id, multiplier: ref.multiplier, pointsNeverExpire: ref.pointsNeverExpire, effectiveFrom };
}
/** One of Member.benefits: the tier's benefit ranked for the member, and whose it is (for their rating). */
export type MemberBenefitView = RankedBenefit<TierBenefitView> & { memberId: string };
