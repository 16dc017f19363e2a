// Original file: proto/points.proto

import type { SpendStats as _membergraph_points_v1_SpendStats, SpendStats__Output as _membergraph_points_v1_SpendStats__Output } from '../../../membergraph/points/v1/SpendStats';

/**
 * One entry per member asked for, in the order asked.
 */
export interface GetSpendStatsResponse {
  'stats'?: (_membergraph_points_v1_SpendStats)[];
}

/**
 * One entry per member asked for, in the order asked.
 */
export interface GetSpendStatsResponse__Output {
  'stats': (_membergraph_points_v1_SpendStats__Output)[];
}
