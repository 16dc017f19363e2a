import type { DataSource } from 'typeorm';
import type { RequestBase } from '../../kit/src';
import { createLoaders, type BenefitsLoaders } from './graphql/loaders';

export interface BenefitsContext extends RequestBase {
  loaders: BenefitsLoaders;
}

export function createBenefitsContext(dataSource: DataSource) {
  return (base: RequestBase): BenefitsContext => ({ ...base, loaders: createLoaders(dataSource) });
}
