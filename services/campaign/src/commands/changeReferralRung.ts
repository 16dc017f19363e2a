import type { DataSource } from 'typeorm';
import { DomainError } from '../../../kit/src';
import type { ReferralRungVersion } from '../db/entities/ReferralRungVersion';
import { asRungVersion, loadRungVersions } from '../db/referralLadder';
import { editableRung, resolveRungDefinition, type RungInput } from '../domain/referralLadder';
import { checkTier, parseLadderEdit, writeLadderEdit, type LadderEditInput, type LadderPeers } from './editReferralLadder';

/**
 * Staff change a rung's threshold or reward from `effectiveFrom` (now by default): a new version
 * of the rung, the earlier ones kept. Fields not given keep their values. Rewards already owed
 * keep the version they were owed under, and a referrer the rung already paid is not paid again.
 * Refused like addReferralRung; an unknown rung is NOT_FOUND, a retired one BAD_USER_INPUT.
 */
export async function changeReferralRung(
  dataSource: DataSource,
  peers: LadderPeers,
  input: LadderEditInput & { rungId: number; rung: RungInput },
  actor: string,
  now = new Date(),
): Promise<ReferralRungVersion> {
  const parsed = parseLadderEdit(input, now);
  const read = editableRung((await loadRungVersions(dataSource)).map(asRungVersion), input.rungId);
  const definition = resolveRungDefinition(read, input.rung);
  // Asked outside the transaction (a gRPC call holds no lock); the version it was asked for must still be the latest.
  await checkTier(peers, definition);
  return writeLadderEdit(
    dataSource,
    (versions) => {
      if (editableRung(versions, input.rungId).revision !== read.revision)
        throw new DomainError('CONFLICT', `rung ${input.rungId} was changed at the same time; read it again`, { field: 'rungId' });
      return { kind: 'CHANGE', rungId: input.rungId, definition };
    },
    parsed,
    actor,
    now,
  );
}
