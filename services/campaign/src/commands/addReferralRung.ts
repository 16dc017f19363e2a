import type { DataSource } from 'typeorm';
import type { ReferralRungVersion } from '../db/entities/ReferralRungVersion';
import { resolveRungDefinition, type RungInput } from '../domain/referralLadder';
import { checkTier, parseLadderEdit, writeLadderEdit, type LadderEditInput, type LadderPeers } from './editReferralLadder';

/**
 * Staff add a rung to the referral ladder from `effectiveFrom` (now by default). Refused with a
 * coded BAD_USER_INPUT, writing nothing: a threshold below one friend, one a live rung already
 * has, an unknown reward kind, a reward without its figure or with a negative one, a tier the
 * programme does not have.
 */
export async function addReferralRung(
  dataSource: DataSource,
  peers: LadderPeers,
  input: LadderEditInput & { rung: RungInput },
  actor: string,
  now = new Date(),
): Promise<ReferralRungVersion> {
  const parsed = parseLadderEdit(input, now);
  const definition = resolveRungDefinition(null, input.rung);
  await checkTier(peers, definition);
  return writeLadderEdit(dataSource, () => ({ kind: 'ADD', definition }), parsed, actor, now);
}
