import type { DataSource } from 'typeorm';
import type { RequestBase } from '../../kit/src';
import { createLoaders, type BenefitsLoaders } from './graphql/loaders';
import type { BenefitsPeers } from './ports';

export interface BenefitsContext extends RequestBase {
  dataSource: DataSource;
  peers: BenefitsPeers;
  loaders: BenefitsLoaders;
}

export function createBenefitsContext(dataSource: DataSource, peers: BenefitsPeers) {
  return (base: RequestBase): BenefitsContext => ({ ...base, dataSource, peers, loaders: createLoaders(dataSource) });
}
