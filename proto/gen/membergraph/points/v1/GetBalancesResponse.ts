// Original file: proto/points.proto

import type { Balance as _membergraph_points_v1_Balance, Balance__Output as _membergraph_points_v1_Balance__Output } from '../../../membergraph/points/v1/Balance';

export interface GetBalancesResponse {
  'balances'?: (_membergraph_points_v1_Balance)[];
}

export interface GetBalancesResponse__Output {
  'balances': (_membergraph_points_v1_Balance__Output)[];
}
