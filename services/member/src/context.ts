import type { DataSource } from 'typeorm';
import type { RequestBase } from '../../kit/src';
import { createLoaders, type MemberLoaders } from './graphql/loaders';

export interface MemberContext extends RequestBase {
  dataSource: DataSource;
  loaders: MemberLoaders;
}

export function createMemberContext(dataSource: DataSource) {
  return (base: RequestBase): MemberContext => ({ ...base, dataSource, loaders: createLoaders(dataSource) });
}
