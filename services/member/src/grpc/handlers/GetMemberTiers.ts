import { In, IsNull, type DataSource } from 'typeorm';
import type { GetMemberTiersRequest__Output } from '../../../../../proto/gen/membergraph/member/v1/GetMemberTiersRequest';
import type { GetMemberTiersResponse } from '../../../../../proto/gen/membergraph/member/v1/GetMemberTiersResponse';
import { DomainError, toEpochMs, toInt64 } from '../../../../kit/src';
import { Member } from '../../db/entities/Member';
import { loadLadder, tierById } from '../../db/ladder';
import { lastLeft, tiersAt } from '../../db/tiersAt';
import { readWithGrantsEnded } from '../../commands/endGrants';

const MAX_BATCH = 500;

/**
 * Tier and multiplier for each known member, now or at `at_epoch_ms` (the tier held then, from the
 * tier history, with its γ as the ladder stood then): two or three queries whatever the batch size.
 * Each answer also says the tier now with its version, for a caller's copy.
 */
export async function getMemberTiers(dataSource: DataSource, request: GetMemberTiersRequest__Output): Promise<GetMemberTiersResponse> {
  if (request.memberIds.length > MAX_BATCH) throw new DomainError('BAD_USER_INPUT', `at most ${MAX_BATCH} member ids per call`);
  if (request.memberIds.length === 0) return { tiers: [] };
  // A grant past its expiry no longer counts for γ even before the scheduled sweep ends it.
  const members = await readWithGrantsEnded(dataSource, () =>
    dataSource.getRepository(Member).find({
      select: { id: true, tierId: true, tierSource: true, grantExpiresAt: true, partnerSharingAt: true, tierVersion: true },
      // A merged member is no longer a member: orders go to the one it was merged into.
      where: { id: In(request.memberIds), mergedInto: IsNull() },
    }),
  );
  const atMs = Number(request.atEpochMs);
  const at = atMs > 0 ? new Date(atMs) : new Date();
  const held = atMs > 0 ? await tiersAt(dataSource, request.memberIds, at) : new Map<string, string>();
  const ladder = await loadLadder(dataSource, at);
  const left = request.withNeverExpireEnd
    ? await lastLeft(
        dataSource,
        members.map((m) => m.id),
        ladder.filter((t) => t.pointsNeverExpire).map((t) => t.id),
      )
    : new Map<string, Date>();
  return {
    tiers: members.map((m) => {
      const tierId = held.get(m.id) ?? m.tierId;
      const tier = tierById(ladder, tierId);
      const ended = tier.pointsNeverExpire ? undefined : left.get(m.id);
      return {
        memberId: m.id,
        tierId,
        multiplierMilli: tier.multiplierMilli,
        pointsNeverExpire: tier.pointsNeverExpire,
        neverExpireEndedEpochMs: ended ? String(ended.getTime()) : '0',
        partnerSharing: m.partnerSharingAt !== null,
        // The tier now with its version, for a caller's copy (points keeps one to earn without asking).
        currentTierId: m.tierId,
        tierVersion: toInt64(Number(m.tierVersion)),
        granted: m.tierSource === 'GRANTED',
        grantExpiresEpochMs: m.tierSource === 'GRANTED' && m.grantExpiresAt ? toEpochMs(m.grantExpiresAt) : '0',
      };
    }),
  };
}
