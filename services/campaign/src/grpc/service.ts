import type { DataSource } from 'typeorm';
import type { ProtoGrpcType } from '../../../../proto/gen/campaign';
import type { CampaignServiceHandlers } from '../../../../proto/gen/membergraph/campaign/v1/CampaignService';
import { loadProto, unaryHandler, type GrpcGuard } from '../../../kit/src';
import type { CampaignConfig } from '../config';
import { getActivityCoefficient } from './handlers/GetActivityCoefficient';

export const CAMPAIGN_GRPC_SERVICE = 'membergraph.campaign.v1.CampaignService';

export function campaignGrpcService(dataSource: DataSource, config: CampaignConfig, guard: GrpcGuard) {
  const proto = loadProto<ProtoGrpcType>('campaign');
  const implementation: CampaignServiceHandlers = {
    GetActivityCoefficient: unaryHandler(guard, (request) => getActivityCoefficient(dataSource, config.coefficientCombination, request)),
  };
  return { definition: proto.membergraph.campaign.v1.CampaignService.service, implementation };
}
