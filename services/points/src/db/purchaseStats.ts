import type { DataSource } from 'typeorm';
import { fromRawDatetime } from '../../../kit/src';
import { LedgerEntry } from './entities/LedgerEntry';
import { Order } from './entities/Order';

/** One member's purchase statistics (see proto/points.proto PurchaseStats). */
export interface PurchaseStatsRow {
  memberId: string;
  purchases: number;
  spendFen: number;
  lastPurchaseAt: Date | null;
  firstPurchaseAt: Date | null;
  purchasesEver: number;
  checkIns: number;
  channels: number;
}

type Raw = string | number | null;

/**
 * The statistics of up to `limit` members with orders after `afterMemberId` (keyset pagination in
 * member-id order): three statements a page whatever its size — the page's ids, their orders'
 * aggregates (by ordered_at), their check-ins. Orders after `asOf` are ignored, so a figure as of
 * a past moment is stable.
 */
export async function purchaseStatsPage(
  dataSource: DataSource,
  window: { from: Date; asOf: Date },
  afterMemberId: string,
  limit: number,
): Promise<PurchaseStatsRow[]> {
  const ids: Array<{ memberId: string }> = await dataSource
    .getRepository(Order)
    .createQueryBuilder('o')
    .select('DISTINCT o.member_id', 'memberId')
    .where('o.member_id > :after', { after: afterMemberId })
    .orderBy('o.member_id', 'ASC')
    .limit(limit)
    .getRawMany();
  if (ids.length === 0) return [];
  const memberIds = ids.map((r) => r.memberId);
  const live = 'o.refunded_fen < o.amount_fen AND o.ordered_at <= :asOf';
  const inWindow = 'o.ordered_at >= :from AND o.ordered_at <= :asOf';
  const rows: Array<{ memberId: string; purchases: Raw; spend: Raw; last: Raw | Date; first: Raw | Date; ever: Raw; channels: Raw }> =
    await dataSource
      .getRepository(Order)
      .createQueryBuilder('o')
      .select('o.member_id', 'memberId')
      .addSelect(`SUM(CASE WHEN ${live} AND ${inWindow} THEN 1 ELSE 0 END)`, 'purchases')
      .addSelect(`SUM(CASE WHEN ${inWindow} THEN o.amount_fen - o.refunded_fen ELSE 0 END)`, 'spend')
      .addSelect(`MAX(CASE WHEN ${live} THEN o.ordered_at END)`, 'last')
      .addSelect(`MIN(CASE WHEN ${live} THEN o.ordered_at END)`, 'first')
      .addSelect(`SUM(CASE WHEN ${live} THEN 1 ELSE 0 END)`, 'ever')
      .addSelect(`COUNT(DISTINCT CASE WHEN ${live} AND ${inWindow} THEN o.channel END)`, 'channels')
      .where('o.member_id IN (:...memberIds)', { memberIds })
      .setParameters(window)
      .groupBy('o.member_id')
      .getRawMany();
  const checkIns: Array<{ memberId: string; n: Raw }> = await dataSource
    .getRepository(LedgerEntry)
    .createQueryBuilder('e')
    .select('e.member_id', 'memberId')
    .addSelect('COUNT(*)', 'n')
    .where('e.member_id IN (:...memberIds)', { memberIds })
    .andWhere("e.source = 'CHECK_IN' AND e.created_at >= :from AND e.created_at <= :asOf", window)
    .groupBy('e.member_id')
    .getRawMany();
  const byMember = new Map(rows.map((r) => [r.memberId, r]));
  const checkInsOf = new Map(checkIns.map((r) => [r.memberId, Number(r.n)]));
  return memberIds.map((memberId) => {
    const row = byMember.get(memberId);
    return {
      memberId,
      purchases: Number(row?.purchases ?? 0),
      spendFen: Number(row?.spend ?? 0),
      lastPurchaseAt: fromRawDatetime(row?.last as Date | string | null),
      firstPurchaseAt: fromRawDatetime(row?.first as Date | string | null),
      purchasesEver: Number(row?.ever ?? 0),
      checkIns: checkInsOf.get(memberId) ?? 0,
      channels: Number(row?.channels ?? 0),
    };
  });
}
