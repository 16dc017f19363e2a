import type { DataSource } from 'typeorm';
import { DomainError, parseMemberId } from '../../../kit/src';
import { findHeldCoupons } from '../db/coupons';
import { sharedTierBenefits } from '../db/tierBenefits';
import { parseCart, planCheckout, type Cart, type CartInput, type CheckoutPlan, type TierDiscount } from '../domain/checkout';
import type { MemberPort } from '../ports';

export interface CheckoutInput {
  memberId: string;
  cart: CartInput;
  /** The coupons the member chose, in the order to apply them. */
  couponIds?: readonly string[] | null;
}

/** The most coupons one order may use. */
const MAX_CHOSEN = 10;

/**
 * The DISCOUNT benefit of the tier in force at `at`, if the tier has one: from the catalogue this
 * process shares (no statement per checkout; see sharedTierBenefits for how soon an edit shows).
 */
export async function tierDiscountOf(dataSource: DataSource, tierId: string, at: Date): Promise<TierDiscount | null> {
  const discount = (await sharedTierBenefits(dataSource, [tierId], at)).find((b) => b.type === 'DISCOUNT' && b.discountPercent);
  return discount ? { tierId, benefitCode: discount.code, percent: discount.discountPercent!, revision: discount.revision } : null;
}

/**
 * Everything a checkout decision needs, read and planned: the input checked first (nothing is asked
 * of the member service for a bad cart), then the member's tier (NOT_FOUND for an unknown member),
 * the tier's discount and the member's coupons.
 */
export async function planMemberCheckout(
  dataSource: DataSource,
  member: MemberPort,
  input: CheckoutInput,
  now: Date,
): Promise<{ memberId: string; cart: Cart; chosen: string[]; plan: CheckoutPlan }> {
  const memberId = parseMemberId(input.memberId);
  const cart = parseCart(input.cart);
  const chosen = [...(input.couponIds ?? [])];
  if (chosen.length > MAX_CHOSEN || chosen.some((id) => !id || id.length > 36)) {
    throw new DomainError('BAD_USER_INPUT', `couponIds holds at most ${MAX_CHOSEN} coupon ids`, { field: 'couponIds' });
  }
  const tier = await member.getMemberTier(memberId);
  if (!tier) throw new DomainError('NOT_FOUND', `no member ${memberId}`, { field: 'memberId' });
  const held = await findHeldCoupons(dataSource.manager, memberId, chosen);
  const plan = planCheckout(cart, await tierDiscountOf(dataSource, tier.tierId, now), held, chosen, now);
  return { memberId, cart, chosen, plan };
}

/** `validateCoupons`: the plan of a checkout, nothing written. */
export async function validateCoupons(
  dataSource: DataSource,
  member: MemberPort,
  input: CheckoutInput,
  now = new Date(),
): Promise<CheckoutPlan> {
  return (await planMemberCheckout(dataSource, member, input, now)).plan;
}
