import { LessThan, LessThanOrEqual, MoreThan, type DataSource, type FindOptionsWhere } from 'typeorm';
import type { Position } from '../graphql/connection';
import { Coupon } from './entities/Coupon';
import { CouponTemplate } from './entities/CouponTemplate';

/** A status as members see it: EXPIRED is an unused coupon past its validity, AVAILABLE one within it. */
export type CouponStatusView = 'AVAILABLE' | 'REDEEMED' | 'VOIDED' | 'EXPIRED';

function statusFilter(status: CouponStatusView | null | undefined, now: Date): FindOptionsWhere<Coupon> {
  switch (status) {
    case 'AVAILABLE':
      return { status: 'AVAILABLE', validTo: MoreThan(now) };
    case 'EXPIRED':
      return { status: 'AVAILABLE', validTo: LessThanOrEqual(now) };
    case 'REDEEMED':
    case 'VOIDED':
      return { status };
    default:
      return {};
  }
}

/** One page (plus one row) of a member's coupons, newest first, keyset on (issued_at, id). */
export function findCouponPage(
  dataSource: DataSource,
  query: { memberId: string; status?: CouponStatusView | null; first: number; after: Position | null },
  now: Date,
): Promise<Coupon[]> {
  const base: FindOptionsWhere<Coupon> = { memberId: query.memberId, ...statusFilter(query.status, now) };
  const where = query.after
    ? [
        { ...base, issuedAt: LessThan(query.after.at) },
        { ...base, issuedAt: query.after.at, id: LessThan(query.after.id) },
      ]
    : [base];
  return dataSource.getRepository(Coupon).find({ where, order: { issuedAt: 'DESC', id: 'DESC' }, take: query.first + 1 });
}

/** One page (plus one row) of coupon templates, newest first, keyset on (created_at, code). */
export function findTemplatePage(dataSource: DataSource, first: number, after: Position | null): Promise<CouponTemplate[]> {
  const where = after ? [{ createdAt: LessThan(after.at) }, { createdAt: after.at, code: LessThan(after.id) }] : [{}];
  return dataSource.getRepository(CouponTemplate).find({ where, order: { createdAt: 'DESC', code: 'DESC' }, take: first + 1 });
}
