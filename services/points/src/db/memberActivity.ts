import { In, LessThan, type DataSource } from 'typeorm';
import { LedgerEntry } from './entities/LedgerEntry';
import { Order } from './entities/Order';

/** One member's history as the risk models read it (orders with refunds, points issued and burned). */
export interface MemberActivityRow {
  memberId: string;
  orders: Array<{ orderedAt: Date; amountFen: number; refundedFen: number }>;
  /** `source` is the entry's (ORDER, CHECK_IN, CHECKOUT …): the models count check-ins from it. */
  points: Array<{ at: Date; kind: 'EARN' | 'BURN'; points: number; source: string }>;
}

/**
 * A page of members (points accounts in member id order, after `afterMemberId`) with their orders
 * placed and their EARN / REDEEM ledger entries applied before `before`. Three statements a page,
 * each an index search by member id (orders' idx_orders_member, the ledger's member-and-seq key).
 */
export async function readMemberActivity(
  dataSource: DataSource,
  afterMemberId: string,
  limit: number,
  before: Date,
): Promise<{ members: MemberActivityRow[]; nextAfterMemberId: string | null }> {
  const accounts: Array<{ member_id: string }> = await dataSource.query(
    'SELECT member_id FROM points_accounts WHERE member_id > ? ORDER BY member_id LIMIT ?',
    [afterMemberId, limit],
  );
  const ids = accounts.map((a) => a.member_id);
  if (ids.length === 0) return { members: [], nextAfterMemberId: null };
  const [orders, entries] = await Promise.all([
    dataSource.getRepository(Order).find({
      select: { memberId: true, orderedAt: true, amountFen: true, refundedFen: true },
      where: { memberId: In(ids), orderedAt: LessThan(before) },
      order: { memberId: 'ASC', orderedAt: 'ASC' },
    }),
    dataSource.getRepository(LedgerEntry).find({
      select: { memberId: true, createdAt: true, points: true, source: true },
      where: { memberId: In(ids), entryType: In(['EARN', 'REDEEM']), createdAt: LessThan(before) },
      order: { memberId: 'ASC', seq: 'ASC' },
    }),
  ]);
  const byId = new Map<string, MemberActivityRow>(ids.map((memberId) => [memberId, { memberId, orders: [], points: [] }]));
  for (const o of orders) byId.get(o.memberId)!.orders.push({ orderedAt: o.orderedAt, amountFen: o.amountFen, refundedFen: o.refundedFen });
  for (const e of entries) {
    if (e.points === 0) continue;
    byId
      .get(e.memberId)!
      .points.push({ at: e.createdAt, kind: e.points > 0 ? 'EARN' : 'BURN', points: Math.abs(e.points), source: e.source });
  }
  return { members: [...byId.values()], nextAfterMemberId: ids.length === limit ? ids[ids.length - 1] : null };
}
