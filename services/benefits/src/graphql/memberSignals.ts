import type { TierBenefitView, TierInForce } from '../db/tierBenefits';
import type { MemberSignals, RankedBenefit, SpendSignals } from '../domain/ranking';

/** A tier as the gateway hands it to Tier.benefits and Member.benefits (in their keys, from the member service). */
export interface TierRef {
  id: string;
  multiplier?: number | null;
  pointsNeverExpire?: boolean | null;
  effectiveFrom?: string | null;
}

/**
 * What the gateway hands Member.benefits (the key's tier, registeredAt by @requires): the member service's fields. The spend is not
 * among them: it is the points service's, held here as points sent it (loaders.spendOfMember), or
 * asked of points over gRPC for a member it never sent, so that points being down costs at most the
 * ranking's spend features, not the whole list.
 */
export interface RankingRef {
  id: string;
  tier: TierRef;
  registeredAt?: string | null;
  /** Member.partnerOffers (@requires): the member's consent to partner sharing. */
  partnerSharing?: boolean | null;
}

const dateOf = (text: string | null | undefined) => {
  const at = text ? new Date(text) : null;
  return at && !Number.isNaN(at.getTime()) ? at : null;
};

/**
 * The member's signals: the registration from the representation (a shape we do not read is
 * unknown, never a failure) and the points service's spend figures, or null when they could not be had.
 */
export function signalsOf(ref: RankingRef, spend: SpendSignals | null): MemberSignals {
  return { registeredAt: dateOf(ref.registeredAt), spend };
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
    throw new Error(`tier ${ref.id} came without its multiplier, pointsNeverExpire and effectiveFrom (the key)`);
  }
  return { id: ref.id, multiplier: ref.multiplier, pointsNeverExpire: ref.pointsNeverExpire, effectiveFrom };
}
/** One of Member.benefits: the tier's benefit ranked for the member, and whose it is (for their rating). */
export type MemberBenefitView = RankedBenefit<TierBenefitView> & { memberId: string };
