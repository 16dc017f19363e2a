import { In, IsNull, type DataSource } from 'typeorm';
import type { GetMemberTiersRequest__Output } from '../../../../../proto/gen/membergraph/member/v1/GetMemberTiersRequest';
import type { GetMemberTiersResponse } from '../../../../../proto/gen/membergraph/member/v1/GetMemberTiersResponse';
import { DomainError } from '../../../../kit/src';
import { Member } from '../../db/entities/Member';
import { loadLadder, tierById } from '../../db/ladder';
import { readWithGrantsEnded } from '../../commands/endGrants';

const MAX_BATCH = 500;

/** Tier and multiplier (as in force now) for each known member: two queries whatever the batch size. */
export async function getMemberTiers(dataSource: DataSource, request: GetMemberTiersRequest__Output): Promise<GetMemberTiersResponse> {
  if (request.memberIds.length > MAX_BATCH) throw new DomainError('BAD_USER_INPUT', `at most ${MAX_BATCH} member ids per call`);
  if (request.memberIds.length === 0) return { tiers: [] };
  // A grant past its expiry no longer counts for γ even before the scheduled sweep ends it.
  const members = await readWithGrantsEnded(dataSource, () =>
    dataSource.getRepository(Member).find({
      select: { id: true, tierId: true, tierSource: true, grantExpiresAt: true },
      // A merged member is no longer a member: orders go to the one it was merged into.
      where: { id: In(request.memberIds), mergedInto: IsNull() },
    }),
  );
  const ladder = await loadLadder(dataSource);
  return {
    tiers: members.map((m) => {
      const tier = tierById(ladder, m.tierId);
      return { memberId: m.id, tierId: m.tierId, multiplierMilli: tier.multiplierMilli, pointsNeverExpire: tier.pointsNeverExpire };
    }),
  };
}
