import type { DataSource } from 'typeorm';
import type { ListTiersResponse } from '../../../../../proto/gen/membergraph/member/v1/ListTiersResponse';
import { toInt64 } from '../../../../kit/src';
import { sharedLadder } from '../../db/ladder';

/** The ladder in force now, lowest rank first: the ids, and the rungs with γ and thresholds (points holds them to earn). */
export async function listTiers(dataSource: DataSource): Promise<ListTiersResponse> {
  const ladder = [...(await sharedLadder(dataSource))].sort((a, b) => a.rank - b.rank);
  return {
    tierIds: ladder.map((tier) => tier.id),
    tiers: ladder.map((tier) => ({
      tierId: tier.id,
      rank: tier.rank,
      multiplierMilli: tier.multiplierMilli,
      pointsNeverExpire: tier.pointsNeverExpire,
      spendThresholdFen: toInt64(tier.spendThresholdFen),
      purchaseThreshold: tier.purchaseThreshold,
      rule: tier.rule,
    })),
  };
}
