import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { CampaignGrant as _membergraph_campaign_v1_CampaignGrant, CampaignGrant__Output as _membergraph_campaign_v1_CampaignGrant__Output } from './membergraph/campaign/v1/CampaignGrant';
import type { CampaignServiceClient as _membergraph_campaign_v1_CampaignServiceClient, CampaignServiceDefinition as _membergraph_campaign_v1_CampaignServiceDefinition } from './membergraph/campaign/v1/CampaignService';
import type { EarnCampaign as _membergraph_campaign_v1_EarnCampaign, EarnCampaign__Output as _membergraph_campaign_v1_EarnCampaign__Output } from './membergraph/campaign/v1/EarnCampaign';
import type { GetActivityCoefficientRequest as _membergraph_campaign_v1_GetActivityCoefficientRequest, GetActivityCoefficientRequest__Output as _membergraph_campaign_v1_GetActivityCoefficientRequest__Output } from './membergraph/campaign/v1/GetActivityCoefficientRequest';
import type { GetActivityCoefficientResponse as _membergraph_campaign_v1_GetActivityCoefficientResponse, GetActivityCoefficientResponse__Output as _membergraph_campaign_v1_GetActivityCoefficientResponse__Output } from './membergraph/campaign/v1/GetActivityCoefficientResponse';
import type { GetMemberEngagementRequest as _membergraph_campaign_v1_GetMemberEngagementRequest, GetMemberEngagementRequest__Output as _membergraph_campaign_v1_GetMemberEngagementRequest__Output } from './membergraph/campaign/v1/GetMemberEngagementRequest';
import type { GetMemberEngagementResponse as _membergraph_campaign_v1_GetMemberEngagementResponse, GetMemberEngagementResponse__Output as _membergraph_campaign_v1_GetMemberEngagementResponse__Output } from './membergraph/campaign/v1/GetMemberEngagementResponse';
import type { ListEarnCampaignsRequest as _membergraph_campaign_v1_ListEarnCampaignsRequest, ListEarnCampaignsRequest__Output as _membergraph_campaign_v1_ListEarnCampaignsRequest__Output } from './membergraph/campaign/v1/ListEarnCampaignsRequest';
import type { ListEarnCampaignsResponse as _membergraph_campaign_v1_ListEarnCampaignsResponse, ListEarnCampaignsResponse__Output as _membergraph_campaign_v1_ListEarnCampaignsResponse__Output } from './membergraph/campaign/v1/ListEarnCampaignsResponse';
import type { MemberEngagement as _membergraph_campaign_v1_MemberEngagement, MemberEngagement__Output as _membergraph_campaign_v1_MemberEngagement__Output } from './membergraph/campaign/v1/MemberEngagement';
import type { MemberEngagementEvent as _membergraph_campaign_v1_MemberEngagementEvent, MemberEngagementEvent__Output as _membergraph_campaign_v1_MemberEngagementEvent__Output } from './membergraph/campaign/v1/MemberEngagementEvent';
import type { OrderActionCampaign as _membergraph_campaign_v1_OrderActionCampaign, OrderActionCampaign__Output as _membergraph_campaign_v1_OrderActionCampaign__Output } from './membergraph/campaign/v1/OrderActionCampaign';
import type { RecordActionRequest as _membergraph_campaign_v1_RecordActionRequest, RecordActionRequest__Output as _membergraph_campaign_v1_RecordActionRequest__Output } from './membergraph/campaign/v1/RecordActionRequest';
import type { RecordActionResponse as _membergraph_campaign_v1_RecordActionResponse, RecordActionResponse__Output as _membergraph_campaign_v1_RecordActionResponse__Output } from './membergraph/campaign/v1/RecordActionResponse';
import type { RecordRegistrationRequest as _membergraph_campaign_v1_RecordRegistrationRequest, RecordRegistrationRequest__Output as _membergraph_campaign_v1_RecordRegistrationRequest__Output } from './membergraph/campaign/v1/RecordRegistrationRequest';
import type { RecordRegistrationResponse as _membergraph_campaign_v1_RecordRegistrationResponse, RecordRegistrationResponse__Output as _membergraph_campaign_v1_RecordRegistrationResponse__Output } from './membergraph/campaign/v1/RecordRegistrationResponse';
import type { ResolveReferralCodeRequest as _membergraph_campaign_v1_ResolveReferralCodeRequest, ResolveReferralCodeRequest__Output as _membergraph_campaign_v1_ResolveReferralCodeRequest__Output } from './membergraph/campaign/v1/ResolveReferralCodeRequest';
import type { ResolveReferralCodeResponse as _membergraph_campaign_v1_ResolveReferralCodeResponse, ResolveReferralCodeResponse__Output as _membergraph_campaign_v1_ResolveReferralCodeResponse__Output } from './membergraph/campaign/v1/ResolveReferralCodeResponse';
import type { ReturnBudgetRequest as _membergraph_campaign_v1_ReturnBudgetRequest, ReturnBudgetRequest__Output as _membergraph_campaign_v1_ReturnBudgetRequest__Output } from './membergraph/campaign/v1/ReturnBudgetRequest';
import type { ReturnBudgetResponse as _membergraph_campaign_v1_ReturnBudgetResponse, ReturnBudgetResponse__Output as _membergraph_campaign_v1_ReturnBudgetResponse__Output } from './membergraph/campaign/v1/ReturnBudgetResponse';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  membergraph: {
    campaign: {
      v1: {
        CampaignGrant: MessageTypeDefinition<_membergraph_campaign_v1_CampaignGrant, _membergraph_campaign_v1_CampaignGrant__Output>
        CampaignService: SubtypeConstructor<typeof grpc.Client, _membergraph_campaign_v1_CampaignServiceClient> & { service: _membergraph_campaign_v1_CampaignServiceDefinition }
        EarnCampaign: MessageTypeDefinition<_membergraph_campaign_v1_EarnCampaign, _membergraph_campaign_v1_EarnCampaign__Output>
        GetActivityCoefficientRequest: MessageTypeDefinition<_membergraph_campaign_v1_GetActivityCoefficientRequest, _membergraph_campaign_v1_GetActivityCoefficientRequest__Output>
        GetActivityCoefficientResponse: MessageTypeDefinition<_membergraph_campaign_v1_GetActivityCoefficientResponse, _membergraph_campaign_v1_GetActivityCoefficientResponse__Output>
        GetMemberEngagementRequest: MessageTypeDefinition<_membergraph_campaign_v1_GetMemberEngagementRequest, _membergraph_campaign_v1_GetMemberEngagementRequest__Output>
        GetMemberEngagementResponse: MessageTypeDefinition<_membergraph_campaign_v1_GetMemberEngagementResponse, _membergraph_campaign_v1_GetMemberEngagementResponse__Output>
        ListEarnCampaignsRequest: MessageTypeDefinition<_membergraph_campaign_v1_ListEarnCampaignsRequest, _membergraph_campaign_v1_ListEarnCampaignsRequest__Output>
        ListEarnCampaignsResponse: MessageTypeDefinition<_membergraph_campaign_v1_ListEarnCampaignsResponse, _membergraph_campaign_v1_ListEarnCampaignsResponse__Output>
        MemberEngagement: MessageTypeDefinition<_membergraph_campaign_v1_MemberEngagement, _membergraph_campaign_v1_MemberEngagement__Output>
        MemberEngagementEvent: MessageTypeDefinition<_membergraph_campaign_v1_MemberEngagementEvent, _membergraph_campaign_v1_MemberEngagementEvent__Output>
        OrderActionCampaign: MessageTypeDefinition<_membergraph_campaign_v1_OrderActionCampaign, _membergraph_campaign_v1_OrderActionCampaign__Output>
        RecordActionRequest: MessageTypeDefinition<_membergraph_campaign_v1_RecordActionRequest, _membergraph_campaign_v1_RecordActionRequest__Output>
        RecordActionResponse: MessageTypeDefinition<_membergraph_campaign_v1_RecordActionResponse, _membergraph_campaign_v1_RecordActionResponse__Output>
        RecordRegistrationRequest: MessageTypeDefinition<_membergraph_campaign_v1_RecordRegistrationRequest, _membergraph_campaign_v1_RecordRegistrationRequest__Output>
        RecordRegistrationResponse: MessageTypeDefinition<_membergraph_campaign_v1_RecordRegistrationResponse, _membergraph_campaign_v1_RecordRegistrationResponse__Output>
        ResolveReferralCodeRequest: MessageTypeDefinition<_membergraph_campaign_v1_ResolveReferralCodeRequest, _membergraph_campaign_v1_ResolveReferralCodeRequest__Output>
        ResolveReferralCodeResponse: MessageTypeDefinition<_membergraph_campaign_v1_ResolveReferralCodeResponse, _membergraph_campaign_v1_ResolveReferralCodeResponse__Output>
        ReturnBudgetRequest: MessageTypeDefinition<_membergraph_campaign_v1_ReturnBudgetRequest, _membergraph_campaign_v1_ReturnBudgetRequest__Output>
        ReturnBudgetResponse: MessageTypeDefinition<_membergraph_campaign_v1_ReturnBudgetResponse, _membergraph_campaign_v1_ReturnBudgetResponse__Output>
      }
    }
  }
}

