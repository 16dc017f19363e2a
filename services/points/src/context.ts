import type { DataSource } from 'typeorm';
import type { RequestBase } from '../../kit/src';
import type { Peers } from './commands/recordOrder';
import { createLoaders, type PointsLoaders } from './graphql/loaders';

export interface PointsContext extends RequestBase {
  dataSource: DataSource;
  peers: Peers;
  baseRateMilli: number;
  loaders: PointsLoaders;
}

export function createPointsContext(dataSource: DataSource, peers: Peers, baseRateMilli: number) {
  return (base: RequestBase): PointsContext => ({ ...base, dataSource, peers, baseRateMilli, loaders: createLoaders(dataSource) });
}
