import {
  CHANNELS,
  DomainError,
  parseChannel,
  parseCnyToFen,
  parseCode,
  parseInstant,
  parsePositiveFen,
  parseStoreCode,
  type Channel,
} from '../../../kit/src';
import { parseLabel, parseMatrixCode } from './benefitMatrix';

/**
 * Coupon templates: what a coupon gives and the rules of issuing it. Money is integer fen.
 * - FIXED_AMOUNT (代金券): `amount` off, with an optional minimum spend;
 * - SPEND_THRESHOLD (滿減): `amount` off from a minimum spend that is more than the amount;
 * - NO_THRESHOLD (無門檻): `amount` off whatever the spend;
 * - PERCENTAGE: `percentOff` % off, optionally capped at `maxDiscount`, with an optional minimum spend;
 * - GIFT: a gift item (`giftSku`, worth `amount` to the brand's budget) from an optional minimum spend.
 */
export const COUPON_KINDS = ['FIXED_AMOUNT', 'PERCENTAGE', 'SPEND_THRESHOLD', 'NO_THRESHOLD', 'GIFT'] as const;
export type CouponKind = (typeof COUPON_KINDS)[number];

export interface CouponTemplateInput {
  code: string;
  name: string;
  kind: string;
  amount?: string | null;
  percentOff?: number | null;
  maxDiscount?: string | null;
  minSpend?: string | null;
  giftSku?: string | null;
  /** A fixed window (both ISO-8601 with zone), or `validDays` from the day each coupon is issued. */
  validFrom?: string | null;
  validTo?: string | null;
  validDays?: number | null;
  perMemberLimit: number;
  stock: number;
  /** The most the template may cost: each coupon issued reserves its face value. Unlimited when absent. */
  budget?: string | null;
  /** Where the coupons are good: empty or absent means every channel, every store. */
  channels?: readonly string[] | null;
  stores?: readonly string[] | null;
  /** Coupons of one exclusive group never stack: at most one per order. Absent: stacks with any. */
  stackGroup?: string | null;
}

/** A template as the rules read it. */
export interface CouponRules {
  code: string;
  name: string;
  kind: CouponKind;
  amountFen: number | null;
  percentOff: number | null;
  maxDiscountFen: number | null;
  minSpendFen: number;
  giftSku: string | null;
  validFrom: Date | null;
  validTo: Date | null;
  validDays: number | null;
  perMemberLimit: number;
  stock: number;
  budgetFen: number | null;
  channels: Channel[];
  stores: string[];
  stackGroup: string | null;
}

const MAX_VALID_DAYS = 3660;
const MAX_STOCK = 10_000_000;

const bad = (field: string, message: string) => new DomainError('BAD_USER_INPUT', message, { field });

function wholeNumber(value: number | null | undefined, field: string, min: number, max: number): number {
  if (value === null || value === undefined || !Number.isInteger(value) || value < min || value > max) {
    throw bad(field, `${field} must be a whole number from ${min} to ${max}`);
  }
  return value;
}

function forbid(input: CouponTemplateInput, kind: CouponKind, fields: Array<keyof CouponTemplateInput>): void {
  for (const field of fields) {
    if (input[field] !== null && input[field] !== undefined) throw bad(field, `a ${kind} coupon has no ${field}`);
  }
}

/** The face value a coupon reserves from the budget: the most it can ever take off (or the gift's worth). */
export function faceValueFen(rules: Pick<CouponRules, 'kind' | 'amountFen' | 'maxDiscountFen'>): number | null {
  return rules.kind === 'PERCENTAGE' ? rules.maxDiscountFen : rules.amountFen;
}

/** Checks a staff-defined template against every rule above; BAD_USER_INPUT on the first wrong field. */
export function parseCouponTemplate(input: CouponTemplateInput): CouponRules {
  const code = parseMatrixCode(input.code, 'code');
  const name = parseLabel(input.name, 'name');
  if (!(COUPON_KINDS as readonly string[]).includes(input.kind)) throw bad('kind', `kind must be one of ${COUPON_KINDS.join(', ')}`);
  const kind = input.kind as CouponKind;
  const minSpendFen = input.minSpend ? parseCnyToFen(input.minSpend, 'minSpend') : 0;
  let amountFen: number | null = null;
  let percentOff: number | null = null;
  let maxDiscountFen: number | null = null;
  let giftSku: string | null = null;
  if (kind === 'PERCENTAGE') {
    forbid(input, kind, ['amount', 'giftSku']);
    percentOff = wholeNumber(input.percentOff, 'percentOff', 1, 99);
    maxDiscountFen = input.maxDiscount ? parsePositiveFen(input.maxDiscount, 'maxDiscount') : null;
  } else {
    forbid(input, kind, ['percentOff', 'maxDiscount']);
    if (!input.amount) throw bad('amount', `a ${kind} coupon needs an amount`);
    amountFen = parsePositiveFen(input.amount, 'amount');
    if (kind === 'GIFT') {
      if (!input.giftSku) throw bad('giftSku', 'a GIFT coupon names its giftSku');
      giftSku = parseCode(input.giftSku, 'giftSku');
    } else forbid(input, kind, ['giftSku']);
    if (kind === 'NO_THRESHOLD' && minSpendFen > 0) throw bad('minSpend', 'a NO_THRESHOLD coupon has no minimum spend');
    if (kind === 'SPEND_THRESHOLD' && minSpendFen <= amountFen)
      throw bad('minSpend', 'a SPEND_THRESHOLD coupon needs a minSpend above its amount');
  }
  const windowGiven = Boolean(input.validFrom || input.validTo);
  if (windowGiven === (input.validDays !== null && input.validDays !== undefined)) {
    throw bad('validDays', 'give either validFrom and validTo, or validDays');
  }
  let validFrom: Date | null = null;
  let validTo: Date | null = null;
  let validDays: number | null = null;
  if (windowGiven) {
    if (!input.validFrom || !input.validTo)
      throw bad(input.validFrom ? 'validTo' : 'validFrom', 'a validity window needs validFrom and validTo');
    validFrom = parseInstant(input.validFrom, 'validFrom');
    validTo = parseInstant(input.validTo, 'validTo');
    if (validTo.getTime() <= validFrom.getTime()) throw bad('validTo', 'validTo must be after validFrom');
  } else validDays = wholeNumber(input.validDays, 'validDays', 1, MAX_VALID_DAYS);
  const perMemberLimit = wholeNumber(input.perMemberLimit, 'perMemberLimit', 1, 1000);
  const stock = wholeNumber(input.stock, 'stock', 1, MAX_STOCK);
  const budgetFen = input.budget ? parsePositiveFen(input.budget, 'budget') : null;
  if (budgetFen !== null) {
    const face = faceValueFen({ kind, amountFen, maxDiscountFen });
    if (face === null) throw bad('maxDiscount', 'a PERCENTAGE coupon under a budget needs a maxDiscount (what each coupon reserves)');
    if (face > budgetFen) throw bad('budget', 'the budget does not cover even one coupon');
  }
  const channels = [...new Set((input.channels ?? []).map((c) => parseChannel(c, 'channels')))];
  const stores = [...new Set((input.stores ?? []).map((s) => parseStoreCode(s, 'stores')))];
  if (stores.length > 200) throw bad('stores', 'at most 200 stores');
  const stackGroup = input.stackGroup ? parseMatrixCode(input.stackGroup, 'stackGroup') : null;
  return {
    code,
    name,
    kind,
    amountFen,
    percentOff,
    maxDiscountFen,
    minSpendFen,
    giftSku,
    validFrom,
    validTo,
    validDays,
    perMemberLimit,
    stock,
    budgetFen,
    channels: channels.length === CHANNELS.length ? [] : channels,
    stores,
    stackGroup,
  };
}

const DAY_MS = 86_400_000;

/**
 * The window of a coupon issued at `now`: the template's window, or `validDays` from issue. A
 * template whose window has closed issues nothing (the coupon could never be used).
 */
export function couponWindow(
  rules: Pick<CouponRules, 'validFrom' | 'validTo' | 'validDays'>,
  now: Date,
): { validFrom: Date; validTo: Date } {
  if (rules.validDays !== null) return { validFrom: now, validTo: new Date(now.getTime() + rules.validDays * DAY_MS) };
  if (rules.validTo!.getTime() <= now.getTime()) {
    throw new DomainError('BAD_USER_INPUT', 'this template has expired: its coupons could no longer be used', {
      field: 'templateCode',
      reason: 'TEMPLATE_EXPIRED',
    });
  }
  return { validFrom: rules.validFrom!, validTo: rules.validTo! };
}
