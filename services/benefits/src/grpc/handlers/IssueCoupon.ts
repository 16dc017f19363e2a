import type { DataSource } from 'typeorm';
import type { IssueCouponRequest__Output } from '../../../../../proto/gen/membergraph/benefits/v1/IssueCouponRequest';
import type { IssueCouponResponse } from '../../../../../proto/gen/membergraph/benefits/v1/IssueCouponResponse';
import { DomainError, toEpochMs } from '../../../../kit/src';
import { issueCoupon, type IssueSource } from '../../commands/issueCoupon';
import type { MemberPort } from '../../ports';

/** The sources a peer may name; STAFF is the graph's, where the staff member is known. */
const PEER_SOURCES: readonly IssueSource[] = ['CAMPAIGN', 'REFERRAL', 'REWARD'];

export async function issueCouponForPeer(
  dataSource: DataSource,
  member: MemberPort,
  request: IssueCouponRequest__Output,
): Promise<IssueCouponResponse> {
  if (!(PEER_SOURCES as readonly string[]).includes(request.source)) {
    throw new DomainError('BAD_USER_INPUT', `source must be one of ${PEER_SOURCES.join(', ')}`, { field: 'source' });
  }
  const source = request.source as IssueSource;
  const { coupon, replayed } = await issueCoupon(dataSource, member, request, `service:${source.toLowerCase()}`, source);
  return { couponId: coupon.id, validFromEpochMs: toEpochMs(coupon.validFrom), validToEpochMs: toEpochMs(coupon.validTo), replayed };
}
