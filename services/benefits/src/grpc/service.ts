import type { DataSource } from 'typeorm';
import type { ProtoGrpcType } from '../../../../proto/gen/benefits';
import type { BenefitsServiceHandlers } from '../../../../proto/gen/membergraph/benefits/v1/BenefitsService';
import { loadProto, unaryHandler, type GrpcGuard } from '../../../kit/src';
import type { BenefitsPeers } from '../ports';
import { grantMilestoneRewardForPeer } from './handlers/GrantMilestoneReward';
import { issueCouponForPeer } from './handlers/IssueCoupon';
import { listTierBenefits } from './handlers/ListTierBenefits';
import { recordSpendStatsForPeer } from './handlers/RecordSpendStats';

export const BENEFITS_GRPC_SERVICE = 'membergraph.benefits.v1.BenefitsService';

export function benefitsGrpcService(dataSource: DataSource, peers: BenefitsPeers, guard: GrpcGuard) {
  const proto = loadProto<ProtoGrpcType>('benefits');
  const implementation: BenefitsServiceHandlers = {
    ListTierBenefits: unaryHandler(guard, (request) => listTierBenefits(dataSource, request)),
    IssueCoupon: unaryHandler(guard, (request) => issueCouponForPeer(dataSource, peers.member, request)),
    GrantMilestoneReward: unaryHandler(guard, (request) => grantMilestoneRewardForPeer(dataSource, peers.member, request)),
    RecordSpendStats: unaryHandler(guard, (request) => recordSpendStatsForPeer(dataSource, request)),
  };
  return { definition: proto.membergraph.benefits.v1.BenefitsService.service, implementation };
}
