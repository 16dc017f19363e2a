import { DomainError, parseCnyToFen } from '../../../kit/src';

export const CHANNELS = ['WEB', 'MINI_PROGRAM', 'POS', 'PARTNER'] as const;

const ORDER_NO = /^[A-Za-z0-9_\-:.]{1,64}$/;

/** 10,000,000.00 CNY: no retail order comes near it; above it is a typo or an attack, not a sale. */
export const MAX_ORDER_FEN = 1_000_000_000;

export interface OrderInput {
  memberId: string;
  orderNo: string;
  amountFen: number;
  channel: string;
}

/** Checks an incoming order before anything is called or written. */
export function parseOrder(input: { memberId: string; orderNo: string; amount: string; channel: string }): OrderInput {
  if (!ORDER_NO.test(input.orderNo)) {
    throw new DomainError('BAD_USER_INPUT', 'orderNo must be 1–64 letters, digits or _-:.', { field: 'orderNo' });
  }
  if (!input.memberId || input.memberId.length > 36)
    throw new DomainError('BAD_USER_INPUT', 'memberId is malformed', { field: 'memberId' });
  if (!(CHANNELS as readonly string[]).includes(input.channel)) {
    throw new DomainError('BAD_USER_INPUT', `channel must be one of ${CHANNELS.join(', ')}`, { field: 'channel' });
  }
  const amountFen = parseCnyToFen(input.amount);
  if (amountFen <= 0) throw new DomainError('BAD_USER_INPUT', 'amount must be greater than zero', { field: 'amount' });
  if (amountFen > MAX_ORDER_FEN)
    throw new DomainError('BAD_USER_INPUT', 'amount is larger than any order can be (10,000,000.00 CNY)', { field: 'amount' });
  return { memberId: input.memberId, orderNo: input.orderNo, amountFen, channel: input.channel };
}

/** A replayed orderNo must describe the same order; a different one under the same number is a conflict. */
export function assertSameOrder(existing: OrderInput, incoming: OrderInput): void {
  if (existing.memberId !== incoming.memberId || existing.amountFen !== incoming.amountFen || existing.channel !== incoming.channel) {
    throw new DomainError('CONFLICT', `orderNo ${incoming.orderNo} was already recorded with different details`, { field: 'orderNo' });
  }
}
