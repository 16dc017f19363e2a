import type { DataSource } from 'typeorm';
import type { Outbox, RequestBase } from '../../kit/src';
import type { SagaDeps } from './commands/rewardSaga';
import { createLoaders, type BenefitsLoaders } from './graphql/loaders';
import type { BenefitsPeers } from './ports';

/** What the reward saga runs with: its steps' ports and figures, and the outbox that delivers them. */
export interface RewardSagaRuntime {
  saga: SagaDeps;
  outbox: Pick<Outbox, 'deliverNow'>;
}

export interface BenefitsContext extends RequestBase {
  dataSource: DataSource;
  peers: BenefitsPeers;
  loaders: BenefitsLoaders;
  rewards: RewardSagaRuntime;
  /** The programme's time zone (minutes east of UTC): the month a clearing entry belongs to. */
  utcOffsetMinutes: number;
}

export function createBenefitsContext(dataSource: DataSource, peers: BenefitsPeers, rewards: RewardSagaRuntime, utcOffsetMinutes = 480) {
  return (base: RequestBase): BenefitsContext => ({
    ...base,
    dataSource,
    peers,
    rewards,
    loaders: createLoaders(dataSource, peers.points),
    utcOffsetMinutes,
  });
}
