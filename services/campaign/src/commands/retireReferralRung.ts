import type { DataSource } from 'typeorm';
import type { ReferralRungVersion } from '../db/entities/ReferralRungVersion';
import { parseLadderEdit, writeLadderEdit, type LadderEditInput } from './editReferralLadder';

/**
 * Staff retire a rung from `effectiveFrom` (now by default): from then on the ladder does not pay
 * it; rewards it paid stay, and its history reads back. NOT_FOUND for an unknown rung,
 * BAD_USER_INPUT for one already retired.
 */
export function retireReferralRung(
  dataSource: DataSource,
  input: LadderEditInput & { rungId: number },
  actor: string,
  now = new Date(),
): Promise<ReferralRungVersion> {
  const parsed = parseLadderEdit(input, now);
  return writeLadderEdit(dataSource, () => ({ kind: 'RETIRE', rungId: input.rungId }), parsed, actor, now);
}
