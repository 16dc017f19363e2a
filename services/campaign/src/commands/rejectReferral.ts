import type { DataSource } from 'typeorm';
import { parseReason } from '../../../kit/src';
import { ReferralMember } from '../db/entities/ReferralMember';
import { decideReferral, type DecidedReferral } from './decideReferral';

/**
 * Staff reject a referral risk held for REVIEW, with a reason (required): REVIEW → REJECTED, never
 * counted, nothing owed. Recorded with who and when; a repeat answers the rejection.
 */
export async function rejectReferral(
  dataSource: DataSource,
  input: { id: string; reason: string },
  actor: string,
  now = new Date(),
): Promise<DecidedReferral> {
  const reason = parseReason(input.reason);
  const { referral } = await decideReferral(
    dataSource,
    input.id,
    'REJECTED',
    async (manager, held) => {
      const moved = await manager.update(ReferralMember, { memberId: held.memberId, status: 'REVIEW' }, { status: 'REJECTED' });
      return moved.affected === 1 ? true : null;
    },
    { reason, actor, now },
  );
  return referral;
}
