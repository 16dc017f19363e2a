import {
  DomainError,
  parseChannel,
  type Channel,
  parseCnyToFen,
  parseCode,
  parseMemberId,
  parsePositiveFen,
  parseStoreCode,
} from '../../../kit/src';

/** 10,000,000.00 CNY: no retail order comes near it; above it is a typo or an attack, not a sale. */
export const MAX_ORDER_FEN = 1_000_000_000;

export interface OrderLine {
  sku: string;
  quantity: number;
  amountFen: number;
}

export interface OrderInput {
  memberId: string;
  orderNo: string;
  amountFen: number;
  channel: Channel;
  storeId?: string | null;
  items?: OrderLine[] | null;
}

const MAX_LINES = 500;

function parseLines(items: Array<{ sku: string; quantity: number; amount: string }>, amountFen: number): OrderLine[] {
  if (items.length > MAX_LINES) throw new DomainError('BAD_USER_INPUT', `at most ${MAX_LINES} items`, { field: 'items' });
  const lines = items.map((item) => {
    parseCode(item.sku, 'items', { label: 'item sku' });
    if (!Number.isInteger(item.quantity) || item.quantity < 1 || item.quantity > 10_000) {
      throw new DomainError('BAD_USER_INPUT', 'item quantity must be between 1 and 10000', { field: 'items' });
    }
    return { sku: item.sku, quantity: item.quantity, amountFen: parseCnyToFen(item.amount, 'items') };
  });
  if (lines.reduce((sum, line) => sum + line.amountFen, 0) > amountFen) {
    throw new DomainError('BAD_USER_INPUT', 'the items add up to more than the order amount', { field: 'items' });
  }
  return lines;
}

/** Checks an incoming order before anything is called or written. */
export function parseOrder(input: {
  memberId: string;
  orderNo: string;
  amount: string;
  channel: string;
  store?: string | null;
  items?: Array<{ sku: string; quantity: number; amount: string }> | null;
}): OrderInput {
  parseCode(input.orderNo, 'orderNo');
  parseMemberId(input.memberId);
  const channel = parseChannel(input.channel);
  const amountFen = parsePositiveFen(input.amount);
  if (amountFen > MAX_ORDER_FEN)
    throw new DomainError('BAD_USER_INPUT', 'amount is larger than any order can be (10,000,000.00 CNY)', { field: 'amount' });
  if (input.store != null) parseStoreCode(input.store);
  const order: OrderInput = { memberId: input.memberId, orderNo: input.orderNo, amountFen, channel };
  if (input.store != null) order.storeId = input.store;
  if (input.items != null) order.items = parseLines(input.items, amountFen);
  return order;
}

/** A replayed orderNo must describe the same order; a different one under the same number is a conflict. */
export function assertSameOrder(existing: Pick<OrderInput, 'memberId' | 'amountFen' | 'channel'>, incoming: OrderInput): void {
  if (existing.memberId !== incoming.memberId || existing.amountFen !== incoming.amountFen || existing.channel !== incoming.channel) {
    throw new DomainError('CONFLICT', `orderNo ${incoming.orderNo} was already recorded with different details`, { field: 'orderNo' });
  }
}
