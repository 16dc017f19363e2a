import type { DataSource, EntityManager } from 'typeorm';
import { DomainError, inTransaction, isUniqueViolation, parseMemberId } from '../../../kit/src';
import { ReferralDecision } from '../db/entities/ReferralDecision';
import { ReferralMember } from '../db/entities/ReferralMember';

/** A held referral and the decision on it, as staff read them. */
export type DecidedReferral = ReferralMember;

/**
 * One staff decision on a referral risk held for REVIEW, exactly once: `apply` moves it out of
 * REVIEW (a guarded update, in one transaction with the decision row, keyed by the invitee). Asked
 * again with the decision it already has, it answers the referral as it stands and writes nothing
 * (a double click, a retried request, two staff at once); a referral that is not held, or was
 * decided the other way, is CONFLICT.
 */
export async function decideReferral<T>(
  dataSource: DataSource,
  id: string,
  decision: ReferralDecision['decision'],
  apply: (manager: EntityManager, referral: ReferralMember) => Promise<T | null>,
  record: { reason: string | null; actor: string; now: Date },
): Promise<{ referral: DecidedReferral; applied: T | null }> {
  const memberId = parseMemberId(id, 'id');
  const referral = await dataSource.getRepository(ReferralMember).findOneBy({ memberId });
  if (!referral?.inviterId) throw new DomainError('NOT_FOUND', `no referral of member ${memberId}`, { field: 'id' });
  const settled = async () => {
    const done = await dataSource.getRepository(ReferralDecision).findOneBy({ memberId });
    if (done?.decision !== decision)
      throw new DomainError('CONFLICT', `the referral of ${memberId} is not held for review (${done?.decision ?? referral.status})`, {
        field: 'id',
        reason: 'NOT_IN_REVIEW',
      });
    return { referral: await dataSource.getRepository(ReferralMember).findOneByOrFail({ memberId }), applied: null };
  };
  if (referral.status !== 'REVIEW') return settled();
  try {
    const applied = await inTransaction(
      dataSource,
      async (manager) => {
        const result = await apply(manager, referral);
        if (result === null) throw new Moved();
        await manager.insert(ReferralDecision, {
          memberId,
          inviterId: referral.inviterId!,
          decision,
          reason: record.reason,
          decidedBy: record.actor,
          decidedAt: record.now,
        });
        return result;
      },
      { isolation: 'READ COMMITTED' },
    );
    return { referral: await dataSource.getRepository(ReferralMember).findOneByOrFail({ memberId }), applied };
  } catch (error) {
    // Another decision landed first: answer as a repeat of it, or CONFLICT.
    if (error instanceof Moved || isUniqueViolation(error)) return settled();
    throw error;
  }
}

/** The referral had left REVIEW when the guarded update ran: roll back, then read what happened. */
class Moved extends Error {}
