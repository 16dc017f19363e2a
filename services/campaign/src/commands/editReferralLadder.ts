import type { DataSource } from 'typeorm';
import { DomainError, inTransaction, isUniqueViolation, parseInstant, parseReason } from '../../../kit/src';
import { ReferralRungVersion } from '../db/entities/ReferralRungVersion';
import { asRungVersion, loadRungVersions } from '../db/referralLadder';
import { assertKnownTier, planLadderEdit, type LadderEdit, type RungDefinition, type RungVersion } from '../domain/referralLadder';
import type { CampaignPeers } from '../ports';

/** What every ladder edit carries besides its change. */
export interface LadderEditInput {
  /** ISO-8601 with zone; now when absent. */
  effectiveFrom?: string | null;
  reason: string;
}

export type LadderPeers = Pick<CampaignPeers, 'member'>;

/** The staff edit's common parts, parsed: when it takes effect and why. */
export function parseLadderEdit(input: LadderEditInput, now: Date) {
  return {
    reason: parseReason(input.reason),
    effectiveFrom: input.effectiveFrom ? parseInstant(input.effectiveFrom, 'effectiveFrom') : now,
  };
}

/** A TIER reward must name a tier of the programme: asked of the member service, which owns the tiers. */
export async function checkTier(peers: LadderPeers, definition: RungDefinition): Promise<void> {
  if (definition.reward === 'TIER') assertKnownTier(definition, await peers.member.listTierIds());
}

/**
 * Writes the version an edit plans (domain/referralLadder.ts planLadderEdit) in one transaction,
 * against the ladder as it stands inside it. `plan` gets the versions and may refuse; the version
 * written is the next ladder revision, so of two edits planned against the same ladder one lands
 * and the other is CONFLICT, writing nothing.
 */
export async function writeLadderEdit(
  dataSource: DataSource,
  plan: (versions: RungVersion[]) => LadderEdit,
  parsed: { reason: string; effectiveFrom: Date },
  actor: string,
  now: Date,
): Promise<ReferralRungVersion> {
  try {
    return await inTransaction(dataSource, async (manager) => {
      const versions = (await loadRungVersions(manager)).map(asRungVersion);
      const next = planLadderEdit(versions, plan(versions), parsed.effectiveFrom, now);
      const row = manager.create(ReferralRungVersion, { ...next, actor, reason: parsed.reason, recordedAt: now });
      await manager.insert(ReferralRungVersion, row);
      return row;
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new DomainError('CONFLICT', 'the referral ladder was changed at the same time; read it again', { field: 'rungId' });
    throw error;
  }
}
