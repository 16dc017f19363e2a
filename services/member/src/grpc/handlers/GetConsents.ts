import { In, IsNull, type DataSource } from 'typeorm';
import type { GetConsentsRequest__Output } from '../../../../../proto/gen/membergraph/member/v1/GetConsentsRequest';
import type { GetConsentsResponse } from '../../../../../proto/gen/membergraph/member/v1/GetConsentsResponse';
import { DomainError } from '../../../../kit/src';
import { Member } from '../../db/entities/Member';
import { grantedPurposes } from '../../domain/consent';

const MAX_BATCH = 500;

/** The purposes each known, live member consents to now: one statement whatever the batch size. */
export async function getConsents(dataSource: DataSource, request: GetConsentsRequest__Output): Promise<GetConsentsResponse> {
  if (request.memberIds.length > MAX_BATCH) throw new DomainError('BAD_USER_INPUT', `at most ${MAX_BATCH} member ids per call`);
  if (request.memberIds.length === 0) return { members: [] };
  const members = await dataSource.getRepository(Member).find({
    select: { id: true, partnerSharingAt: true, marketingConsentAt: true, analyticsConsentAt: true },
    where: { id: In(request.memberIds), mergedInto: IsNull() },
  });
  return { members: members.map((m) => ({ memberId: m.id, purposes: grantedPurposes(m) })) };
}
