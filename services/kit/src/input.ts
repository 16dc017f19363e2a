import { DomainError } from './errors';
import { parseCnyToFen } from './money';

/**
 * The input vocabulary every service shares: each rule written once, each refusing with
 * BAD_USER_INPUT and the field it is about, so a client can point at the wrong input.
 */

/** The channels a member can come through (SDL enum `Channel`; the gateway holds clients to them too). */
export const CHANNELS = ['WEB', 'MINI_PROGRAM', 'POS', 'PARTNER'] as const;
export type Channel = (typeof CHANNELS)[number];

export function parseChannel(input: string, field = 'channel'): Channel {
  if (!(CHANNELS as readonly string[]).includes(input)) {
    throw new DomainError('BAD_USER_INPUT', `${field} must be one of ${CHANNELS.join(', ')}`, { field });
  }
  return input as Channel;
}

/** A member id as another service passes it: present and no longer than an id column (36). */
export function parseMemberId(text: string, field = 'memberId'): string {
  if (!text || text.length > 36) throw new DomainError('BAD_USER_INPUT', `${field} is malformed`, { field });
  return text;
}

/**
 * The reason staff give for a change, kept in the audit trail: 3–255 characters after trimming
 * (255 is the width of every reason column, so nothing is ever cut off).
 */
export function parseReason(text: string, field = 'reason'): string {
  const reason = text.trim();
  if (reason.length < 3 || reason.length > 255) throw new DomainError('BAD_USER_INPUT', `${field} must be 3–255 characters`, { field });
  return reason;
}

/**
 * A client's idempotency key: 8–100 printable ASCII characters, no spaces. Long enough that two
 * clients do not collide by chance; callers namespace it (`DEBIT:…`) before it meets a unique key.
 */
export function parseIdempotencyKey(key: string, field = 'idempotencyKey'): string {
  if (!/^[\x21-\x7e]{8,100}$/.test(key)) throw new DomainError('BAD_USER_INPUT', `${field} must be 8–100 printable characters`, { field });
  return key;
}

/** The alphabet of business codes (order, refund and item numbers, stores): safe in keys, logs and URLs. */
const CODE = /^[A-Za-z0-9_\-:.]+$/;

/**
 * A business code from another system (order number, refund number, SKU, source reference):
 * 1–`max` letters, digits or `_-:.`. `label` names it in the message when the field holds more
 * than the code (an order's `items`).
 */
export function parseCode(text: string, field: string, options: { max?: number; label?: string } = {}): string {
  const max = options.max ?? 64;
  if (text.length < 1 || text.length > max || !CODE.test(text)) {
    throw new DomainError('BAD_USER_INPUT', `${options.label ?? field} must be 1–${max} letters, digits or _-:.`, { field });
  }
  return text;
}

/**
 * A store code, the same wherever a store is named (a staff account's store, the store an order
 * was placed in): a code of at most 32 characters, the width of every store column.
 */
export function parseStoreCode(text: string, field = 'store'): string {
  return parseCode(text, field, { max: 32, label: 'store' });
}

/** A whole number from `min` to `max` (a count: stock, a limit, a price in points), or BAD_USER_INPUT on `field`. */
export function parseWholeNumber(value: number, field: string, min: number, max: number): number {
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new DomainError('BAD_USER_INPUT', `${field} must be a whole number between ${min} and ${max}`, { field });
  }
  return value;
}

/** An amount of money that must be more than nothing ("0.01" and up), as fen. */
export function parsePositiveFen(text: string, field = 'amount'): number {
  const fen = parseCnyToFen(text, field);
  if (fen <= 0) throw new DomainError('BAD_USER_INPUT', `${field} must be greater than zero`, { field });
  return fen;
}

/**
 * The largest page any list of the graph serves. The gateway's cost limit is set so that every
 * documented list can be asked for at this size with all its scalar fields (query-cost.e2e.test.ts
 * walks the schema to prove it): the two must agree, so both read this one constant.
 */
export const MAX_PAGE_SIZE = 100;

/** A `first` argument: a whole number from 1 to MAX_PAGE_SIZE, or BAD_USER_INPUT on `first`. */
export function parsePageSize(first: number): number {
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw new DomainError('BAD_USER_INPUT', `first must be between 1 and ${MAX_PAGE_SIZE}`, { field: 'first' });
  }
  return first;
}
