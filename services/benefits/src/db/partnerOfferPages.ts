import { LessThan, LessThanOrEqual, MoreThan, type DataSource, type FindOptionsWhere } from 'typeorm';
import type { OfferDirection } from '../domain/partners';
import type { Position } from '../graphql/connection';
import { PartnerOffer } from './entities/PartnerOffer';

/** Which offers a page is of: one partner's or all, one direction or both, only those valid at `validAt`. */
export interface OfferFilter {
  partnerCode?: string | null;
  direction?: OfferDirection | null;
  validAt?: Date;
}

/** One page (plus one row) of cross-brand offers, newest first, keyset on (created_at, id). */
export function findPartnerOfferPage(dataSource: DataSource, filter: OfferFilter, first: number, after: Position | null) {
  const base: FindOptionsWhere<PartnerOffer> = {
    ...(filter.partnerCode ? { partnerCode: filter.partnerCode } : {}),
    ...(filter.direction ? { direction: filter.direction } : {}),
    ...(filter.validAt ? { validFrom: LessThanOrEqual(filter.validAt), validTo: MoreThan(filter.validAt) } : {}),
  };
  const where = after
    ? [
        { ...base, createdAt: LessThan(after.at) },
        { ...base, createdAt: after.at, id: LessThan(after.id) },
      ]
    : [base];
  return dataSource.getRepository(PartnerOffer).find({ where, order: { createdAt: 'DESC', id: 'DESC' }, take: first + 1 });
}
