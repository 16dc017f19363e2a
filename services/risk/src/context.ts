import type { DataSource } from 'typeorm';
import type { RequestBase } from '../../kit/src';
import { createLoaders, type RiskLoaders } from './graphql/loaders';

export interface RiskContext extends RequestBase {
  dataSource: DataSource;
  loaders: RiskLoaders;
}

export function createRiskContext(dataSource: DataSource) {
  return (base: RequestBase): RiskContext => ({ ...base, dataSource, loaders: createLoaders(dataSource) });
}
