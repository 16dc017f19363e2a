import { DomainError, parseInstant, parsePositiveFen, parseWholeNumber } from '../../../kit/src';
import { parseLabel } from './benefitMatrix';

/**
 * Cross-brand partners (shared/DOMAIN.md §4: hotel or airline alliances). A partner brand offers
 * its benefits to our members and we offer ours to the members it brings. Every redemption of a
 * cross-brand offer is settled between the brands: the offer's funder owes the other brand the
 * agreed price, recorded once in the clearing ledger, and a partner's monthly statement is exactly
 * the sum of its entries of that month: receivable (the partner pays us), payable (we pay the
 * partner), net = receivable − payable.
 */

export const OFFER_DIRECTIONS = ['PARTNER_TO_US', 'US_TO_PARTNER'] as const;
/** PARTNER_TO_US: the partner's offer, for our members. US_TO_PARTNER: ours, for the members a partner brings. */
export type OfferDirection = (typeof OFFER_DIRECTIONS)[number];
export const OFFER_FUNDERS = ['US', 'PARTNER'] as const;
export type OfferFunder = (typeof OFFER_FUNDERS)[number];

/** As the member service names partners in their API keys. */
const PARTNER = /^[a-z0-9-]{2,64}$/;

export function parsePartnerCode(text: string, field = 'partner'): string {
  const code = text.trim().toLowerCase();
  if (!PARTNER.test(code)) throw new DomainError('BAD_USER_INPUT', `${field} must be 2–64 lower-case letters, digits or dashes`, { field });
  return code;
}

export interface OfferInput {
  partner: string;
  direction: string;
  title: string;
  description?: string | null;
  /** CNY per redemption, e.g. "30.00". */
  price: string;
  fundedBy?: string | null;
  validFrom: string;
  validTo: string;
  /** Redemptions the offer allows in all; absent: no limit. */
  stock?: number | null;
  /** Redemptions one member of ours may make; absent: no limit. */
  perMemberLimit?: number | null;
}

export interface ParsedOffer {
  partnerCode: string;
  direction: OfferDirection;
  title: string;
  description: string;
  priceFen: number;
  fundedBy: OfferFunder;
  validFrom: Date;
  validTo: Date;
  stock: number | null;
  perMemberLimit: number | null;
}

const MAX_STOCK = 10_000_000;
const MAX_PER_MEMBER = 1000;

/**
 * By default the brand whose members enjoy an offer pays for it: we pay for our members' use of a
 * partner's offer, the partner pays for its members' use of ours. An alliance may agree otherwise.
 */
export const defaultFunder = (direction: OfferDirection): OfferFunder => (direction === 'PARTNER_TO_US' ? 'US' : 'PARTNER');

const oneOf = <T extends string>(values: readonly T[], text: string, field: string): T => {
  if (!(values as readonly string[]).includes(text))
    throw new DomainError('BAD_USER_INPUT', `${field} must be one of ${values.join(', ')}`, { field });
  return text as T;
};

export function parseOffer(input: OfferInput): ParsedOffer {
  const partnerCode = parsePartnerCode(input.partner);
  const direction = oneOf(OFFER_DIRECTIONS, input.direction, 'direction');
  const title = parseLabel(input.title, 'title');
  const description = (input.description ?? '').trim();
  if (description.length > 512) throw new DomainError('BAD_USER_INPUT', 'description is at most 512 characters', { field: 'description' });
  const priceFen = parsePositiveFen(input.price, 'price');
  if (priceFen > 100_000_00) throw new DomainError('BAD_USER_INPUT', 'price is at most 100000.00 CNY a redemption', { field: 'price' });
  const fundedBy = input.fundedBy ? oneOf(OFFER_FUNDERS, input.fundedBy, 'fundedBy') : defaultFunder(direction);
  const validFrom = parseInstant(input.validFrom, 'validFrom');
  const validTo = parseInstant(input.validTo, 'validTo');
  if (validTo <= validFrom) throw new DomainError('BAD_USER_INPUT', 'validTo must be after validFrom', { field: 'validTo' });
  // An offer with nothing to redeem is a mistake, not a closed offer: stock and limit start at 1.
  const stock = input.stock == null ? null : parseWholeNumber(input.stock, 'stock', 1, MAX_STOCK);
  const perMemberLimit = input.perMemberLimit == null ? null : parseWholeNumber(input.perMemberLimit, 'perMemberLimit', 1, MAX_PER_MEMBER);
  return { partnerCode, direction, title, description, priceFen, fundedBy, validFrom, validTo, stock, perMemberLimit };
}

/** An offer is used within its window only. */
export function requireRedeemable(offer: { validFrom: Date; validTo: Date }, now: Date): void {
  if (now < offer.validFrom)
    throw new DomainError('BAD_USER_INPUT', 'this offer is not valid yet', { field: 'offerId', reason: 'NOT_YET_VALID' });
  if (now >= offer.validTo) throw new DomainError('BAD_USER_INPUT', 'this offer has ended', { field: 'offerId', reason: 'EXPIRED' });
}

/** Over the offer's total stock: CONFLICT like a coupon template's (reason OUT_OF_STOCK). */
export const offerOutOfStock = (offerId: string) =>
  new DomainError('CONFLICT', `cross-brand offer ${offerId} has no stock left`, { field: 'offerId', reason: 'OUT_OF_STOCK' });

/** Over the offer's per-member limit: CONFLICT (reason PER_MEMBER_LIMIT). */
export const offerLimitReached = (offerId: string, limit: number) =>
  new DomainError('CONFLICT', `a member may redeem cross-brand offer ${offerId} at most ${limit} times`, {
    field: 'offerId',
    reason: 'PER_MEMBER_LIMIT',
  });

/** A statement month, YYYY-MM. */
export function parseMonth(text: string): string {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(text)) throw new DomainError('BAD_USER_INPUT', 'month is YYYY-MM', { field: 'month' });
  return text;
}

/** The statement month of an instant, in the programme's time zone. */
export function periodOf(at: Date, utcOffsetMinutes: number): string {
  return new Date(at.getTime() + utcOffsetMinutes * 60_000).toISOString().slice(0, 7);
}

export interface StatementTotals {
  receivableFen: number;
  payableFen: number;
  netFen: number;
  redemptions: number;
}

/** A statement's totals: exactly the sum of its entries, integer fen. */
export function statementTotals(entries: ReadonlyArray<{ payer: OfferFunder; amountFen: number }>): StatementTotals {
  let receivableFen = 0;
  let payableFen = 0;
  for (const entry of entries) {
    if (entry.payer === 'PARTNER') receivableFen += entry.amountFen;
    else payableFen += entry.amountFen;
  }
  return { receivableFen, payableFen, netFen: receivableFen - payableFen, redemptions: entries.length };
}
