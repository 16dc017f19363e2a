// Original file: proto/points.proto

import type { PurchaseStats as _membergraph_points_v1_PurchaseStats, PurchaseStats__Output as _membergraph_points_v1_PurchaseStats__Output } from '../../../membergraph/points/v1/PurchaseStats';

export interface PurchaseStatsBatch {
  'stats'?: (_membergraph_points_v1_PurchaseStats)[];
}

export interface PurchaseStatsBatch__Output {
  'stats': (_membergraph_points_v1_PurchaseStats__Output)[];
}
