import type { DataSource } from 'typeorm';
import type { RequestBase } from '../../kit/src';
import type { EarnRules, Peers } from './commands/recordOrder';
import { createLoaders, type PointsLoaders } from './graphql/loaders';

export interface PointsContext extends RequestBase {
  dataSource: DataSource;
  peers: Peers;
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

export function createPointsContext(dataSource: DataSource, peers: Peers, rules: PointsRules) {
  return (base: RequestBase): PointsContext => ({ ...base, dataSource, peers, rules, loaders: createLoaders(dataSource) });
}
