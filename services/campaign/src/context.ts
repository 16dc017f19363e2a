import type { DataSource } from 'typeorm';
import type { RequestBase } from '../../kit/src';
import type { SegmentRules } from './commands/recomputeSegments';
import type { CampaignConfig } from './config';
import { createLoaders, type CampaignLoaders } from './graphql/loaders';
import type { CampaignPeers, EventDelivery, SegmentPeers } from './ports';

/** What segment and CAC resolvers need beyond the database: the peers and the programme's rules. */
export interface SegmentServices {
  peers: SegmentPeers;
  rules: SegmentRules;
  utcOffsetMinutes: number;
}

export interface CampaignContext extends RequestBase {
  dataSource: DataSource;
  peers: CampaignPeers;
  events: EventDelivery;
  config: Pick<CampaignConfig, 'coefficientCombination' | 'referral'>;
  loaders: CampaignLoaders;
  segments: SegmentServices;
}

export function createCampaignContext(
  dataSource: DataSource,
  peers: CampaignPeers,
  events: EventDelivery,
  config: CampaignContext['config'],
  segments: SegmentServices,
) {
  return (base: RequestBase): CampaignContext => ({
    ...base,
    dataSource,
    peers,
    events,
    config,
    loaders: createLoaders(dataSource, peers),
    segments,
  });
}
