import { parseCnyToFen } from '../../../kit/src';
import type { MemberSignals } from '../domain/ranking';

/** What the gateway hands Member.rankedBenefits (@requires): the member service's and the points service's fields. */
export interface RankingRef {
  id: string;
  tier: { id: string };
  registeredAt?: string | null;
  spend?: { spend?: string | null; purchases?: number | null; lastPurchaseAt?: string | null } | null;
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
