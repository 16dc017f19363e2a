import type { DataSource } from 'typeorm';
import type { RecordMemberTiersRequest__Output } from '../../../../../proto/gen/membergraph/points/v1/RecordMemberTiersRequest';
import type { RecordMemberTiersResponse } from '../../../../../proto/gen/membergraph/points/v1/RecordMemberTiersResponse';
import { DomainError } from '../../../../kit/src';
import { keepTierCopies } from '../../db/memberTiers';

const MAX_BATCH = 500;

/** The member service's tier changes (its outbox), kept in points' copy: a version not above the kept one changes nothing. */
export async function recordMemberTiers(
  dataSource: DataSource,
  request: RecordMemberTiersRequest__Output,
): Promise<RecordMemberTiersResponse> {
  if (request.changes.length > MAX_BATCH) throw new DomainError('BAD_USER_INPUT', `at most ${MAX_BATCH} changes per call`);
  const copies = request.changes.map((change) => {
    const version = Number(change.tierVersion);
    if (!change.memberId || !change.tierId || !Number.isSafeInteger(version) || version < 0) {
      throw new DomainError('BAD_USER_INPUT', 'each change needs a member, a tier and a tier_version ≥ 0');
    }
    const ends = Number(change.grantExpiresEpochMs);
    return {
      memberId: change.memberId,
      tierId: change.tierId,
      tierVersion: version,
      granted: change.granted,
      grantExpiresAt: ends > 0 ? new Date(ends) : null,
    };
  });
  await keepTierCopies(dataSource, copies);
  return {};
}
