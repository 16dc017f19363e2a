import type { DataSource } from 'typeorm';
import type { PiiCipher, RequestBase } from '../../kit/src';
import { createLoaders, type MemberLoaders } from './graphql/loaders';

export interface MemberContext extends RequestBase {
  dataSource: DataSource;
  loaders: MemberLoaders;
  /** Encrypts and indexes personal identifiers (phones). */
  pii: PiiCipher;
  /** Delivers the member's pending events now (bonuses show at once); never throws: the outbox retries. */
  deliverEvents(memberId: string): Promise<void>;
}

export function createMemberContext(dataSource: DataSource, pii: PiiCipher, deliverEvents: (memberId: string) => Promise<void>) {
  return (base: RequestBase): MemberContext => ({ ...base, dataSource, pii, deliverEvents, loaders: createLoaders(dataSource) });
}
