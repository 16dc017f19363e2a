import type { DataSource } from 'typeorm';
import type { RequestBase } from '../../kit/src';
import type { SegmentRules } from './commands/recomputeSegments';
import { createLoaders, type CampaignLoaders } from './graphql/loaders';
import type { SegmentPeers } from './ports';

/** What segment and CAC resolvers need beyond the database: the peers and the programme's rules. */
export interface SegmentServices {
  peers: SegmentPeers;
  rules: SegmentRules;
  utcOffsetMinutes: number;
}

export interface CampaignContext extends RequestBase {
  dataSource: DataSource;
  loaders: CampaignLoaders;
  segments: SegmentServices;
}

export function createCampaignContext(dataSource: DataSource, segments: SegmentServices) {
  return (base: RequestBase): CampaignContext => ({ ...base, dataSource, loaders: createLoaders(dataSource), segments });
}
