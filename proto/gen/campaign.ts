import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { CampaignServiceClient as _membergraph_campaign_v1_CampaignServiceClient, CampaignServiceDefinition as _membergraph_campaign_v1_CampaignServiceDefinition } from './membergraph/campaign/v1/CampaignService';
import type { GetActivityCoefficientRequest as _membergraph_campaign_v1_GetActivityCoefficientRequest, GetActivityCoefficientRequest__Output as _membergraph_campaign_v1_GetActivityCoefficientRequest__Output } from './membergraph/campaign/v1/GetActivityCoefficientRequest';
import type { GetActivityCoefficientResponse as _membergraph_campaign_v1_GetActivityCoefficientResponse, GetActivityCoefficientResponse__Output as _membergraph_campaign_v1_GetActivityCoefficientResponse__Output } from './membergraph/campaign/v1/GetActivityCoefficientResponse';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  membergraph: {
    campaign: {
      v1: {
        CampaignService: SubtypeConstructor<typeof grpc.Client, _membergraph_campaign_v1_CampaignServiceClient> & { service: _membergraph_campaign_v1_CampaignServiceDefinition }
        GetActivityCoefficientRequest: MessageTypeDefinition<_membergraph_campaign_v1_GetActivityCoefficientRequest, _membergraph_campaign_v1_GetActivityCoefficientRequest__Output>
        GetActivityCoefficientResponse: MessageTypeDefinition<_membergraph_campaign_v1_GetActivityCoefficientResponse, _membergraph_campaign_v1_GetActivityCoefficientResponse__Output>
      }
    }
  }
}

