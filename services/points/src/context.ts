import type { DataSource } from 'typeorm';
import type { RequestBase } from '../../kit/src';
import type { EarnRules } from './commands/recordOrder';
import { createLoaders, type PointsLoaders } from './graphql/loaders';
import type { EventDelivery, PointsPeers } from './ports';

export interface PointsContext extends RequestBase {
  dataSource: DataSource;
  peers: PointsPeers;
  /** Delivers a member's pending events after a write commits. */
  events: EventDelivery;
  rules: PointsRules;
  loaders: PointsLoaders;
}

/** The programme's configurable figures that resolvers apply. */
export interface PointsRules extends EarnRules {
  pointsPerCnyOffset: number;
  checkInPoints: number;
  registrationBonus: number;
  profileCompletionBonus: number;
}

export function createPointsContext(dataSource: DataSource, peers: PointsPeers, events: EventDelivery, rules: PointsRules) {
  return (base: RequestBase): PointsContext => ({
    ...base,
    dataSource,
    peers,
    events,
    rules,
    loaders: createLoaders(dataSource, peers.member),
  });
}
