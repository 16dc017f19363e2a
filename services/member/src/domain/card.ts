import { DomainError } from '../../../kit/src';

const CARD = /^[A-Za-z0-9-]{4,32}$/;

/** A POS membership card number: 4–32 letters, digits or dashes, upper-cased (cards are printed either way). */
export function parseCardNo(cardNo: string): string {
  if (!CARD.test(cardNo)) throw new DomainError('BAD_USER_INPUT', 'cardNo must be 4–32 letters, digits or dashes', { field: 'cardNo' });
  return cardNo.toUpperCase();
}
