import type { DataSource } from 'typeorm';
import { DomainError, invalidateShared, sharedValue, SHARED_VALUE_TTL_MS, type CallScope } from '../../../kit/src';
import type { MemberTierCopy } from '../db/entities/MemberTierCopy';
import { keepTierCopies, MERGED_AWAY_VERSION } from '../db/memberTiers';
import type { MemberPort, MemberTier, TierRung } from '../ports';

/** The member's tier as the member service has it now (or at `at`); NOT_FOUND for a member it does not know. */
export async function memberTier(
  member: Pick<MemberPort, 'getMemberTier'>,
  memberId: string,
  scope?: CallScope,
  at?: Date,
): Promise<MemberTier> {
  const tier = await member.getMemberTier(memberId, at, scope);
  if (!tier) throw new DomainError('NOT_FOUND', `no member ${memberId}`, { field: 'memberId' });
  return tier;
}

const LADDER = 'points.tierLadder';

/**
 * The ladder in force now as the member service lists it, held by this process for `ttlMs`
 * (TIER_LADDER_TTL_MS): the member service cannot clear it on an edit, so a ladder edit reaches
 * earns within that time.
 */
export function tierLadder(
  dataSource: DataSource,
  member: Pick<MemberPort, 'listTiers'>,
  ttlMs = SHARED_VALUE_TTL_MS,
): Promise<TierRung[]> {
  return sharedValue(dataSource, LADDER, () => member.listTiers(), ttlMs).get();
}

/** Staff edited the ladder (the member service's event): this process reads it again on the next earn. */
export function tierLadderChanged(dataSource: DataSource): void {
  invalidateShared(dataSource, LADDER);
}

/** A copy an earn may use now: a merged-away member's is not one, nor a staff grant past its end (member decides what follows it). */
function usable(copy: MemberTierCopy | undefined, now: Date): copy is MemberTierCopy {
  if (!copy || copy.tierVersion >= MERGED_AWAY_VERSION) return false;
  return !(copy.granted && copy.grantExpiresAt && copy.grantExpiresAt.getTime() <= now.getTime());
}

/**
 * The member's tier now for an earn: from points' own copy (kept by the member service's
 * tier-change events and its answers) with γ from the ladder held in this process, so an earn
 * usually asks the member service nothing. Without a usable copy, or when the ladder does not
 * answer or lacks the tier, it asks as before (memberTier: NOT_FOUND for an unknown member) and
 * keeps what the answer says for the next earn. `ladder` comes with a tier read from the copy: the
 * earn then knows the member's tier now and the thresholds above it (reportEarnActivity). `copy` is
 * the member's copy as the earn read it (readTierCopy, or with the order in one statement: readEarnState).
 */
export async function tierForEarn(
  dataSource: DataSource,
  member: Pick<MemberPort, 'getMemberTier' | 'listTiers'>,
  memberId: string,
  now: Date,
  ladderTtlMs: number | undefined,
  copy: MemberTierCopy | undefined,
): Promise<MemberTier & { ladder?: readonly TierRung[] }> {
  if (usable(copy, now)) {
    const ladder = await tierLadder(dataSource, member, ladderTtlMs).catch(() => undefined);
    const rung = ladder?.find((tier) => tier.tierId === copy.tierId);
    if (rung) {
      return {
        memberId,
        tierId: rung.tierId,
        multiplierMilli: rung.multiplierMilli,
        pointsNeverExpire: rung.pointsNeverExpire,
        ladder,
      };
    }
  }
  const tier = await memberTier(member, memberId);
  if (tier.current) await keepTierCopies(dataSource, [tier.current], now);
  return tier;
}
