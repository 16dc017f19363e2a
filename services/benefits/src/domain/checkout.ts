import { DomainError, parseChannel, parseCnyToFen, parseCode, parseStoreCode, type Channel } from '../../../kit/src';
import type { CouponKind } from './couponTemplate';

/**
 * Checkout: what a cart costs after the member's tier discount and the coupons they chose, and
 * for every other coupon they hold whether it would still apply and what it would add. The same
 * plan answers `validateCoupons` and is what `redeemCoupons` writes, so POS and web charge alike.
 *
 * Order of application, each on what is still payable: the tier discount (the DISCOUNT benefit of
 * the tier in force), then the chosen coupons in the order given. Minimum spends are measured on
 * the cart's subtotal before any discount. Every discount is rounded down to the fen, so the brand
 * never gives more than the rule says, and never takes the payable below zero.
 */

export interface CartLine {
  sku: string;
  quantity: number;
  unitPriceFen: number;
}

export interface Cart {
  channel: Channel;
  store: string | null;
  lines: CartLine[];
  subtotalFen: number;
}

/** A line beyond these is a typo or an attack, not a purchase. */
export const CART_LIMITS = { lines: 100, quantity: 999, lineFen: 100_000_000 } as const;

export interface CartInput {
  channel: string;
  store?: string | null;
  items: ReadonlyArray<{ sku: string; quantity: number; unitPrice: string }>;
}

/** A cart from a client: 1–100 lines, whole quantities 1–999, prices in CNY, no line over 1,000,000 CNY. */
export function parseCart(input: CartInput): Cart {
  const channel = parseChannel(input.channel);
  const store = input.store ? parseStoreCode(input.store) : null;
  if (input.items.length < 1 || input.items.length > CART_LIMITS.lines) {
    throw new DomainError('BAD_USER_INPUT', `a cart has 1–${CART_LIMITS.lines} items`, { field: 'items' });
  }
  const lines = input.items.map((item) => {
    const sku = parseCode(item.sku, 'items.sku', { label: 'sku' });
    if (!Number.isInteger(item.quantity) || item.quantity < 1 || item.quantity > CART_LIMITS.quantity) {
      throw new DomainError('BAD_USER_INPUT', `quantity must be a whole number from 1 to ${CART_LIMITS.quantity}`, {
        field: 'items.quantity',
      });
    }
    const unitPriceFen = parseCnyToFen(item.unitPrice, 'items.unitPrice');
    if (unitPriceFen * item.quantity > CART_LIMITS.lineFen) {
      throw new DomainError('BAD_USER_INPUT', 'a cart line may not exceed 1000000.00 CNY', { field: 'items.unitPrice' });
    }
    return { sku, quantity: item.quantity, unitPriceFen };
  });
  return { channel, store, lines, subtotalFen: lines.reduce((sum, l) => sum + l.unitPriceFen * l.quantity, 0) };
}

/** A coupon the member holds, with its template's rules. */
export interface HeldCoupon {
  id: string;
  status: 'AVAILABLE' | 'REDEEMED' | 'VOIDED';
  validFrom: Date;
  validTo: Date;
  templateCode: string;
  name: string;
  kind: CouponKind;
  amountFen: number | null;
  percentOff: number | null;
  maxDiscountFen: number | null;
  minSpendFen: number;
  giftSku: string | null;
  channels: string[];
  stores: string[];
  stackGroup: string | null;
}

/** Why a coupon does not apply to this cart. */
export type CouponRefusal =
  | 'REDEEMED'
  | 'VOIDED'
  | 'NOT_YET_VALID'
  | 'EXPIRED'
  | 'WRONG_CHANNEL'
  | 'WRONG_STORE'
  | 'BELOW_MIN_SPEND'
  | 'STACKING_CONFLICT'
  | 'NOTHING_LEFT_TO_DISCOUNT';

export interface TierDiscount {
  tierId: string;
  benefitCode: string;
  percent: number;
  revision: number;
}

export interface DiscountLine {
  source: 'TIER_BENEFIT' | 'COUPON';
  /** `<tier>:<benefit code>` for the tier discount, the coupon id for a coupon. */
  sourceId: string;
  label: string;
  discountFen: number;
  /** GIFT coupons: the item handed over. */
  giftSku: string | null;
}

export interface CouponCheck {
  coupon: HeldCoupon;
  selected: boolean;
  /** For a chosen coupon: its line; for another: what it would add on top of the chosen ones. */
  discountFen: number | null;
  refusal: CouponRefusal | null;
}

export interface CheckoutPlan {
  subtotalFen: number;
  lines: DiscountLine[];
  discountFen: number;
  payableFen: number;
  coupons: CouponCheck[];
}

/** What a coupon would take off `payableFen` of this cart, or why it cannot. */
function evaluate(
  coupon: HeldCoupon,
  cart: Cart,
  payableFen: number,
  groupsTaken: ReadonlySet<string>,
  now: Date,
): { discountFen: number } | { refusal: CouponRefusal } {
  if (coupon.status !== 'AVAILABLE') return { refusal: coupon.status };
  if (now.getTime() < coupon.validFrom.getTime()) return { refusal: 'NOT_YET_VALID' };
  if (now.getTime() >= coupon.validTo.getTime()) return { refusal: 'EXPIRED' };
  if (coupon.channels.length > 0 && !coupon.channels.includes(cart.channel)) return { refusal: 'WRONG_CHANNEL' };
  if (coupon.stores.length > 0 && (!cart.store || !coupon.stores.includes(cart.store))) return { refusal: 'WRONG_STORE' };
  if (cart.subtotalFen < coupon.minSpendFen) return { refusal: 'BELOW_MIN_SPEND' };
  if (coupon.stackGroup && groupsTaken.has(coupon.stackGroup)) return { refusal: 'STACKING_CONFLICT' };
  if (coupon.kind === 'GIFT') return { discountFen: 0 };
  const wanted =
    coupon.kind === 'PERCENTAGE'
      ? Math.min(Math.floor((payableFen * coupon.percentOff!) / 100), coupon.maxDiscountFen ?? Number.MAX_SAFE_INTEGER)
      : coupon.amountFen!;
  const discountFen = Math.min(wanted, payableFen);
  return discountFen > 0 ? { discountFen } : { refusal: 'NOTHING_LEFT_TO_DISCOUNT' };
}

/**
 * Plans a checkout. `held` are the member's coupons (any status) and `chosen` the ids they want to
 * use, in order; a chosen coupon that is not theirs is NOT_FOUND, one that does not apply (or
 * breaks stacking) is BAD_USER_INPUT with the reason, since charging without it would surprise them.
 */
export function planCheckout(
  cart: Cart,
  tier: TierDiscount | null,
  held: readonly HeldCoupon[],
  chosen: readonly string[],
  now: Date,
): CheckoutPlan {
  if (new Set(chosen).size !== chosen.length) {
    throw new DomainError('BAD_USER_INPUT', 'a coupon can be used once per order', { field: 'couponIds', reason: 'DUPLICATE' });
  }
  const byId = new Map(held.map((c) => [c.id, c]));
  for (const id of chosen) {
    if (!byId.has(id)) throw new DomainError('NOT_FOUND', `no coupon ${id} of this member`, { field: 'couponIds' });
  }
  const lines: DiscountLine[] = [];
  let payableFen = cart.subtotalFen;
  if (tier && tier.percent > 0) {
    const discountFen = Math.floor((payableFen * tier.percent) / 100);
    if (discountFen > 0) {
      lines.push({
        source: 'TIER_BENEFIT',
        sourceId: `${tier.tierId}:${tier.benefitCode}`,
        label: `${tier.tierId} member discount ${tier.percent}% off`,
        discountFen,
        giftSku: null,
      });
      payableFen -= discountFen;
    }
  }
  const groups = new Set<string>();
  const checks = new Map<string, CouponCheck>();
  for (const id of chosen) {
    const coupon = byId.get(id)!;
    const outcome = evaluate(coupon, cart, payableFen, groups, now);
    if ('refusal' in outcome) {
      throw new DomainError('BAD_USER_INPUT', `coupon ${id} does not apply to this cart: ${outcome.refusal}`, {
        field: 'couponIds',
        reason: outcome.refusal,
      });
    }
    if (coupon.stackGroup) groups.add(coupon.stackGroup);
    payableFen -= outcome.discountFen;
    lines.push({ source: 'COUPON', sourceId: id, label: coupon.name, discountFen: outcome.discountFen, giftSku: coupon.giftSku });
    checks.set(id, { coupon, selected: true, discountFen: outcome.discountFen, refusal: null });
  }
  const coupons = held.map((coupon) => {
    const chosenCheck = checks.get(coupon.id);
    if (chosenCheck) return chosenCheck;
    const outcome = evaluate(coupon, cart, payableFen, groups, now);
    return 'refusal' in outcome
      ? { coupon, selected: false, discountFen: null, refusal: outcome.refusal }
      : { coupon, selected: false, discountFen: outcome.discountFen, refusal: null };
  });
  const discountFen = cart.subtotalFen - payableFen;
  return { subtotalFen: cart.subtotalFen, lines, discountFen, payableFen, coupons };
}
