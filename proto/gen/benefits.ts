import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { BenefitsServiceClient as _membergraph_benefits_v1_BenefitsServiceClient, BenefitsServiceDefinition as _membergraph_benefits_v1_BenefitsServiceDefinition } from './membergraph/benefits/v1/BenefitsService';
import type { GrantMilestoneRewardRequest as _membergraph_benefits_v1_GrantMilestoneRewardRequest, GrantMilestoneRewardRequest__Output as _membergraph_benefits_v1_GrantMilestoneRewardRequest__Output } from './membergraph/benefits/v1/GrantMilestoneRewardRequest';
import type { GrantMilestoneRewardResponse as _membergraph_benefits_v1_GrantMilestoneRewardResponse, GrantMilestoneRewardResponse__Output as _membergraph_benefits_v1_GrantMilestoneRewardResponse__Output } from './membergraph/benefits/v1/GrantMilestoneRewardResponse';
import type { IssueCouponRequest as _membergraph_benefits_v1_IssueCouponRequest, IssueCouponRequest__Output as _membergraph_benefits_v1_IssueCouponRequest__Output } from './membergraph/benefits/v1/IssueCouponRequest';
import type { IssueCouponResponse as _membergraph_benefits_v1_IssueCouponResponse, IssueCouponResponse__Output as _membergraph_benefits_v1_IssueCouponResponse__Output } from './membergraph/benefits/v1/IssueCouponResponse';
import type { ListTierBenefitsRequest as _membergraph_benefits_v1_ListTierBenefitsRequest, ListTierBenefitsRequest__Output as _membergraph_benefits_v1_ListTierBenefitsRequest__Output } from './membergraph/benefits/v1/ListTierBenefitsRequest';
import type { ListTierBenefitsResponse as _membergraph_benefits_v1_ListTierBenefitsResponse, ListTierBenefitsResponse__Output as _membergraph_benefits_v1_ListTierBenefitsResponse__Output } from './membergraph/benefits/v1/ListTierBenefitsResponse';
import type { MemberSpendWindow as _membergraph_benefits_v1_MemberSpendWindow, MemberSpendWindow__Output as _membergraph_benefits_v1_MemberSpendWindow__Output } from './membergraph/benefits/v1/MemberSpendWindow';
import type { RecordSpendStatsRequest as _membergraph_benefits_v1_RecordSpendStatsRequest, RecordSpendStatsRequest__Output as _membergraph_benefits_v1_RecordSpendStatsRequest__Output } from './membergraph/benefits/v1/RecordSpendStatsRequest';
import type { RecordSpendStatsResponse as _membergraph_benefits_v1_RecordSpendStatsResponse, RecordSpendStatsResponse__Output as _membergraph_benefits_v1_RecordSpendStatsResponse__Output } from './membergraph/benefits/v1/RecordSpendStatsResponse';
import type { SpendOrder as _membergraph_benefits_v1_SpendOrder, SpendOrder__Output as _membergraph_benefits_v1_SpendOrder__Output } from './membergraph/benefits/v1/SpendOrder';
import type { TierBenefit as _membergraph_benefits_v1_TierBenefit, TierBenefit__Output as _membergraph_benefits_v1_TierBenefit__Output } from './membergraph/benefits/v1/TierBenefit';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  membergraph: {
    benefits: {
      v1: {
        BenefitsService: SubtypeConstructor<typeof grpc.Client, _membergraph_benefits_v1_BenefitsServiceClient> & { service: _membergraph_benefits_v1_BenefitsServiceDefinition }
        GrantMilestoneRewardRequest: MessageTypeDefinition<_membergraph_benefits_v1_GrantMilestoneRewardRequest, _membergraph_benefits_v1_GrantMilestoneRewardRequest__Output>
        GrantMilestoneRewardResponse: MessageTypeDefinition<_membergraph_benefits_v1_GrantMilestoneRewardResponse, _membergraph_benefits_v1_GrantMilestoneRewardResponse__Output>
        IssueCouponRequest: MessageTypeDefinition<_membergraph_benefits_v1_IssueCouponRequest, _membergraph_benefits_v1_IssueCouponRequest__Output>
        IssueCouponResponse: MessageTypeDefinition<_membergraph_benefits_v1_IssueCouponResponse, _membergraph_benefits_v1_IssueCouponResponse__Output>
        ListTierBenefitsRequest: MessageTypeDefinition<_membergraph_benefits_v1_ListTierBenefitsRequest, _membergraph_benefits_v1_ListTierBenefitsRequest__Output>
        ListTierBenefitsResponse: MessageTypeDefinition<_membergraph_benefits_v1_ListTierBenefitsResponse, _membergraph_benefits_v1_ListTierBenefitsResponse__Output>
        MemberSpendWindow: MessageTypeDefinition<_membergraph_benefits_v1_MemberSpendWindow, _membergraph_benefits_v1_MemberSpendWindow__Output>
        RecordSpendStatsRequest: MessageTypeDefinition<_membergraph_benefits_v1_RecordSpendStatsRequest, _membergraph_benefits_v1_RecordSpendStatsRequest__Output>
        RecordSpendStatsResponse: MessageTypeDefinition<_membergraph_benefits_v1_RecordSpendStatsResponse, _membergraph_benefits_v1_RecordSpendStatsResponse__Output>
        SpendOrder: MessageTypeDefinition<_membergraph_benefits_v1_SpendOrder, _membergraph_benefits_v1_SpendOrder__Output>
        TierBenefit: MessageTypeDefinition<_membergraph_benefits_v1_TierBenefit, _membergraph_benefits_v1_TierBenefit__Output>
      }
    }
  }
}

