import { DomainError } from '../../../kit/src';

/** Mainland China mobile numbers: 11 digits starting with 1; an optional +86 / 86 prefix is dropped. */
const MOBILE = /^1[3-9]\d{9}$/;

export function normalizePhone(input: string): string {
  const compact = input.replace(/[\s-]/g, '').replace(/^(\+?86)(?=1\d{10}$)/, '');
  if (!MOBILE.test(compact)) {
    throw new DomainError('BAD_USER_INPUT', 'phone must be a mainland mobile number of 11 digits, e.g. 13812341234', { field: 'phone' });
  }
  return compact;
}

/** 13812341234 → 138****1234: what every channel shows by default (PIPL, DOMAIN.md §8). */
export function maskPhone(phone: string): string {
  return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}
