import type { DataSource } from 'typeorm';
import { parseReason } from '../../../kit/src';
import { countInvitee, grantNow, type RewardPeers } from './referralRewards';
import { decideReferral, type DecidedReferral } from './decideReferral';

/**
 * Staff release a referral risk held for REVIEW: it is counted and owed exactly what the ladder
 * would have owed it (countInvitee — the automatic path's lock, ladder, rows and idempotency keys),
 * then granted. A double release, or one racing another decision, grants once. The decision is
 * recorded with who, when and an optional reason.
 */
export async function releaseReferral(
  dataSource: DataSource,
  peers: RewardPeers,
  input: { id: string; reason?: string | null },
  actor: string,
  now = new Date(),
): Promise<DecidedReferral> {
  const reason = input.reason ? parseReason(input.reason) : null;
  const { referral, applied } = await decideReferral(
    dataSource,
    input.id,
    'RELEASED',
    (manager, held) => countInvitee(manager, held, 'REVIEW', now),
    { reason, actor, now },
  );
  if (applied) await grantNow(dataSource, peers, applied);
  return referral;
}
