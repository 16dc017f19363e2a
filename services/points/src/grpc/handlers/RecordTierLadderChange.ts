import type { DataSource } from 'typeorm';
import type { RecordTierLadderChangeResponse } from '../../../../../proto/gen/membergraph/points/v1/RecordTierLadderChangeResponse';
import { tierLadderChanged } from '../../commands/memberTier';

/** Staff edited the ladder: this process's next earn reads it again (other replicas within TIER_LADDER_TTL_MS). */
export async function recordTierLadderChange(dataSource: DataSource): Promise<RecordTierLadderChangeResponse> {
  tierLadderChanged(dataSource);
  return {};
}
