import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { ChannelRegistrations as _membergraph_member_v1_ChannelRegistrations, ChannelRegistrations__Output as _membergraph_member_v1_ChannelRegistrations__Output } from './membergraph/member/v1/ChannelRegistrations';
import type { CountRegistrationsRequest as _membergraph_member_v1_CountRegistrationsRequest, CountRegistrationsRequest__Output as _membergraph_member_v1_CountRegistrationsRequest__Output } from './membergraph/member/v1/CountRegistrationsRequest';
import type { CountRegistrationsResponse as _membergraph_member_v1_CountRegistrationsResponse, CountRegistrationsResponse__Output as _membergraph_member_v1_CountRegistrationsResponse__Output } from './membergraph/member/v1/CountRegistrationsResponse';
import type { GetConsentsRequest as _membergraph_member_v1_GetConsentsRequest, GetConsentsRequest__Output as _membergraph_member_v1_GetConsentsRequest__Output } from './membergraph/member/v1/GetConsentsRequest';
import type { GetConsentsResponse as _membergraph_member_v1_GetConsentsResponse, GetConsentsResponse__Output as _membergraph_member_v1_GetConsentsResponse__Output } from './membergraph/member/v1/GetConsentsResponse';
import type { GetMemberTiersRequest as _membergraph_member_v1_GetMemberTiersRequest, GetMemberTiersRequest__Output as _membergraph_member_v1_GetMemberTiersRequest__Output } from './membergraph/member/v1/GetMemberTiersRequest';
import type { GetMemberTiersResponse as _membergraph_member_v1_GetMemberTiersResponse, GetMemberTiersResponse__Output as _membergraph_member_v1_GetMemberTiersResponse__Output } from './membergraph/member/v1/GetMemberTiersResponse';
import type { GrantTierRequest as _membergraph_member_v1_GrantTierRequest, GrantTierRequest__Output as _membergraph_member_v1_GrantTierRequest__Output } from './membergraph/member/v1/GrantTierRequest';
import type { ListBirthdaysRequest as _membergraph_member_v1_ListBirthdaysRequest, ListBirthdaysRequest__Output as _membergraph_member_v1_ListBirthdaysRequest__Output } from './membergraph/member/v1/ListBirthdaysRequest';
import type { ListBirthdaysResponse as _membergraph_member_v1_ListBirthdaysResponse, ListBirthdaysResponse__Output as _membergraph_member_v1_ListBirthdaysResponse__Output } from './membergraph/member/v1/ListBirthdaysResponse';
import type { ListTiersRequest as _membergraph_member_v1_ListTiersRequest, ListTiersRequest__Output as _membergraph_member_v1_ListTiersRequest__Output } from './membergraph/member/v1/ListTiersRequest';
import type { ListTiersResponse as _membergraph_member_v1_ListTiersResponse, ListTiersResponse__Output as _membergraph_member_v1_ListTiersResponse__Output } from './membergraph/member/v1/ListTiersResponse';
import type { MemberBirthday as _membergraph_member_v1_MemberBirthday, MemberBirthday__Output as _membergraph_member_v1_MemberBirthday__Output } from './membergraph/member/v1/MemberBirthday';
import type { MemberConsents as _membergraph_member_v1_MemberConsents, MemberConsents__Output as _membergraph_member_v1_MemberConsents__Output } from './membergraph/member/v1/MemberConsents';
import type { MemberServiceClient as _membergraph_member_v1_MemberServiceClient, MemberServiceDefinition as _membergraph_member_v1_MemberServiceDefinition } from './membergraph/member/v1/MemberService';
import type { MemberTier as _membergraph_member_v1_MemberTier, MemberTier__Output as _membergraph_member_v1_MemberTier__Output } from './membergraph/member/v1/MemberTier';
import type { PartnerMemberLink as _membergraph_member_v1_PartnerMemberLink, PartnerMemberLink__Output as _membergraph_member_v1_PartnerMemberLink__Output } from './membergraph/member/v1/PartnerMemberLink';
import type { QualifyingActivity as _membergraph_member_v1_QualifyingActivity, QualifyingActivity__Output as _membergraph_member_v1_QualifyingActivity__Output } from './membergraph/member/v1/QualifyingActivity';
import type { RecordQualifyingActivitiesRequest as _membergraph_member_v1_RecordQualifyingActivitiesRequest, RecordQualifyingActivitiesRequest__Output as _membergraph_member_v1_RecordQualifyingActivitiesRequest__Output } from './membergraph/member/v1/RecordQualifyingActivitiesRequest';
import type { RecordQualifyingActivitiesResponse as _membergraph_member_v1_RecordQualifyingActivitiesResponse, RecordQualifyingActivitiesResponse__Output as _membergraph_member_v1_RecordQualifyingActivitiesResponse__Output } from './membergraph/member/v1/RecordQualifyingActivitiesResponse';
import type { RecordQualifyingActivityRequest as _membergraph_member_v1_RecordQualifyingActivityRequest, RecordQualifyingActivityRequest__Output as _membergraph_member_v1_RecordQualifyingActivityRequest__Output } from './membergraph/member/v1/RecordQualifyingActivityRequest';
import type { ReevaluateTierRequest as _membergraph_member_v1_ReevaluateTierRequest, ReevaluateTierRequest__Output as _membergraph_member_v1_ReevaluateTierRequest__Output } from './membergraph/member/v1/ReevaluateTierRequest';
import type { ResolvePartnerMembersRequest as _membergraph_member_v1_ResolvePartnerMembersRequest, ResolvePartnerMembersRequest__Output as _membergraph_member_v1_ResolvePartnerMembersRequest__Output } from './membergraph/member/v1/ResolvePartnerMembersRequest';
import type { ResolvePartnerMembersResponse as _membergraph_member_v1_ResolvePartnerMembersResponse, ResolvePartnerMembersResponse__Output as _membergraph_member_v1_ResolvePartnerMembersResponse__Output } from './membergraph/member/v1/ResolvePartnerMembersResponse';
import type { SegmentProfile as _membergraph_member_v1_SegmentProfile, SegmentProfile__Output as _membergraph_member_v1_SegmentProfile__Output } from './membergraph/member/v1/SegmentProfile';
import type { SegmentProfileBatch as _membergraph_member_v1_SegmentProfileBatch, SegmentProfileBatch__Output as _membergraph_member_v1_SegmentProfileBatch__Output } from './membergraph/member/v1/SegmentProfileBatch';
import type { StreamSegmentProfilesRequest as _membergraph_member_v1_StreamSegmentProfilesRequest, StreamSegmentProfilesRequest__Output as _membergraph_member_v1_StreamSegmentProfilesRequest__Output } from './membergraph/member/v1/StreamSegmentProfilesRequest';
import type { TierDecision as _membergraph_member_v1_TierDecision, TierDecision__Output as _membergraph_member_v1_TierDecision__Output } from './membergraph/member/v1/TierDecision';
import type { TierRung as _membergraph_member_v1_TierRung, TierRung__Output as _membergraph_member_v1_TierRung__Output } from './membergraph/member/v1/TierRung';
import type { VerifyPartnerKeyRequest as _membergraph_member_v1_VerifyPartnerKeyRequest, VerifyPartnerKeyRequest__Output as _membergraph_member_v1_VerifyPartnerKeyRequest__Output } from './membergraph/member/v1/VerifyPartnerKeyRequest';
import type { VerifyPartnerKeyResponse as _membergraph_member_v1_VerifyPartnerKeyResponse, VerifyPartnerKeyResponse__Output as _membergraph_member_v1_VerifyPartnerKeyResponse__Output } from './membergraph/member/v1/VerifyPartnerKeyResponse';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  membergraph: {
    member: {
      v1: {
        ChannelRegistrations: MessageTypeDefinition<_membergraph_member_v1_ChannelRegistrations, _membergraph_member_v1_ChannelRegistrations__Output>
        CountRegistrationsRequest: MessageTypeDefinition<_membergraph_member_v1_CountRegistrationsRequest, _membergraph_member_v1_CountRegistrationsRequest__Output>
        CountRegistrationsResponse: MessageTypeDefinition<_membergraph_member_v1_CountRegistrationsResponse, _membergraph_member_v1_CountRegistrationsResponse__Output>
        GetConsentsRequest: MessageTypeDefinition<_membergraph_member_v1_GetConsentsRequest, _membergraph_member_v1_GetConsentsRequest__Output>
        GetConsentsResponse: MessageTypeDefinition<_membergraph_member_v1_GetConsentsResponse, _membergraph_member_v1_GetConsentsResponse__Output>
        GetMemberTiersRequest: MessageTypeDefinition<_membergraph_member_v1_GetMemberTiersRequest, _membergraph_member_v1_GetMemberTiersRequest__Output>
        GetMemberTiersResponse: MessageTypeDefinition<_membergraph_member_v1_GetMemberTiersResponse, _membergraph_member_v1_GetMemberTiersResponse__Output>
        GrantTierRequest: MessageTypeDefinition<_membergraph_member_v1_GrantTierRequest, _membergraph_member_v1_GrantTierRequest__Output>
        ListBirthdaysRequest: MessageTypeDefinition<_membergraph_member_v1_ListBirthdaysRequest, _membergraph_member_v1_ListBirthdaysRequest__Output>
        ListBirthdaysResponse: MessageTypeDefinition<_membergraph_member_v1_ListBirthdaysResponse, _membergraph_member_v1_ListBirthdaysResponse__Output>
        ListTiersRequest: MessageTypeDefinition<_membergraph_member_v1_ListTiersRequest, _membergraph_member_v1_ListTiersRequest__Output>
        ListTiersResponse: MessageTypeDefinition<_membergraph_member_v1_ListTiersResponse, _membergraph_member_v1_ListTiersResponse__Output>
        MemberBirthday: MessageTypeDefinition<_membergraph_member_v1_MemberBirthday, _membergraph_member_v1_MemberBirthday__Output>
        MemberConsents: MessageTypeDefinition<_membergraph_member_v1_MemberConsents, _membergraph_member_v1_MemberConsents__Output>
        MemberService: SubtypeConstructor<typeof grpc.Client, _membergraph_member_v1_MemberServiceClient> & { service: _membergraph_member_v1_MemberServiceDefinition }
        MemberTier: MessageTypeDefinition<_membergraph_member_v1_MemberTier, _membergraph_member_v1_MemberTier__Output>
        PartnerMemberLink: MessageTypeDefinition<_membergraph_member_v1_PartnerMemberLink, _membergraph_member_v1_PartnerMemberLink__Output>
        QualifyingActivity: MessageTypeDefinition<_membergraph_member_v1_QualifyingActivity, _membergraph_member_v1_QualifyingActivity__Output>
        RecordQualifyingActivitiesRequest: MessageTypeDefinition<_membergraph_member_v1_RecordQualifyingActivitiesRequest, _membergraph_member_v1_RecordQualifyingActivitiesRequest__Output>
        RecordQualifyingActivitiesResponse: MessageTypeDefinition<_membergraph_member_v1_RecordQualifyingActivitiesResponse, _membergraph_member_v1_RecordQualifyingActivitiesResponse__Output>
        RecordQualifyingActivityRequest: MessageTypeDefinition<_membergraph_member_v1_RecordQualifyingActivityRequest, _membergraph_member_v1_RecordQualifyingActivityRequest__Output>
        ReevaluateTierRequest: MessageTypeDefinition<_membergraph_member_v1_ReevaluateTierRequest, _membergraph_member_v1_ReevaluateTierRequest__Output>
        ResolvePartnerMembersRequest: MessageTypeDefinition<_membergraph_member_v1_ResolvePartnerMembersRequest, _membergraph_member_v1_ResolvePartnerMembersRequest__Output>
        ResolvePartnerMembersResponse: MessageTypeDefinition<_membergraph_member_v1_ResolvePartnerMembersResponse, _membergraph_member_v1_ResolvePartnerMembersResponse__Output>
        SegmentProfile: MessageTypeDefinition<_membergraph_member_v1_SegmentProfile, _membergraph_member_v1_SegmentProfile__Output>
        SegmentProfileBatch: MessageTypeDefinition<_membergraph_member_v1_SegmentProfileBatch, _membergraph_member_v1_SegmentProfileBatch__Output>
        StreamSegmentProfilesRequest: MessageTypeDefinition<_membergraph_member_v1_StreamSegmentProfilesRequest, _membergraph_member_v1_StreamSegmentProfilesRequest__Output>
        TierDecision: MessageTypeDefinition<_membergraph_member_v1_TierDecision, _membergraph_member_v1_TierDecision__Output>
        TierRung: MessageTypeDefinition<_membergraph_member_v1_TierRung, _membergraph_member_v1_TierRung__Output>
        VerifyPartnerKeyRequest: MessageTypeDefinition<_membergraph_member_v1_VerifyPartnerKeyRequest, _membergraph_member_v1_VerifyPartnerKeyRequest__Output>
        VerifyPartnerKeyResponse: MessageTypeDefinition<_membergraph_member_v1_VerifyPartnerKeyResponse, _membergraph_member_v1_VerifyPartnerKeyResponse__Output>
      }
    }
  }
}

