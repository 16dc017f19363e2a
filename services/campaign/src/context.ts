import type { DataSource } from 'typeorm';
import type { RequestBase } from '../../kit/src';
import { createLoaders, type CampaignLoaders } from './graphql/loaders';

export interface CampaignContext extends RequestBase {
  dataSource: DataSource;
  loaders: CampaignLoaders;
}

export function createCampaignContext(dataSource: DataSource) {
  return (base: RequestBase): CampaignContext => ({ ...base, dataSource, loaders: createLoaders(dataSource) });
}
