import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { AwardCampaignPointsRequest as _membergraph_points_v1_AwardCampaignPointsRequest, AwardCampaignPointsRequest__Output as _membergraph_points_v1_AwardCampaignPointsRequest__Output } from './membergraph/points/v1/AwardCampaignPointsRequest';
import type { AwardRequest as _membergraph_points_v1_AwardRequest, AwardRequest__Output as _membergraph_points_v1_AwardRequest__Output } from './membergraph/points/v1/AwardRequest';
import type { AwardResponse as _membergraph_points_v1_AwardResponse, AwardResponse__Output as _membergraph_points_v1_AwardResponse__Output } from './membergraph/points/v1/AwardResponse';
import type { Balance as _membergraph_points_v1_Balance, Balance__Output as _membergraph_points_v1_Balance__Output } from './membergraph/points/v1/Balance';
import type { CapturePointsRequest as _membergraph_points_v1_CapturePointsRequest, CapturePointsRequest__Output as _membergraph_points_v1_CapturePointsRequest__Output } from './membergraph/points/v1/CapturePointsRequest';
import type { CapturePointsResponse as _membergraph_points_v1_CapturePointsResponse, CapturePointsResponse__Output as _membergraph_points_v1_CapturePointsResponse__Output } from './membergraph/points/v1/CapturePointsResponse';
import type { DebitRequest as _membergraph_points_v1_DebitRequest, DebitRequest__Output as _membergraph_points_v1_DebitRequest__Output } from './membergraph/points/v1/DebitRequest';
import type { DebitResponse as _membergraph_points_v1_DebitResponse, DebitResponse__Output as _membergraph_points_v1_DebitResponse__Output } from './membergraph/points/v1/DebitResponse';
import type { GetBalancesRequest as _membergraph_points_v1_GetBalancesRequest, GetBalancesRequest__Output as _membergraph_points_v1_GetBalancesRequest__Output } from './membergraph/points/v1/GetBalancesRequest';
import type { GetBalancesResponse as _membergraph_points_v1_GetBalancesResponse, GetBalancesResponse__Output as _membergraph_points_v1_GetBalancesResponse__Output } from './membergraph/points/v1/GetBalancesResponse';
import type { GetSpendStatsRequest as _membergraph_points_v1_GetSpendStatsRequest, GetSpendStatsRequest__Output as _membergraph_points_v1_GetSpendStatsRequest__Output } from './membergraph/points/v1/GetSpendStatsRequest';
import type { GetSpendStatsResponse as _membergraph_points_v1_GetSpendStatsResponse, GetSpendStatsResponse__Output as _membergraph_points_v1_GetSpendStatsResponse__Output } from './membergraph/points/v1/GetSpendStatsResponse';
import type { HoldPointsRequest as _membergraph_points_v1_HoldPointsRequest, HoldPointsRequest__Output as _membergraph_points_v1_HoldPointsRequest__Output } from './membergraph/points/v1/HoldPointsRequest';
import type { HoldPointsResponse as _membergraph_points_v1_HoldPointsResponse, HoldPointsResponse__Output as _membergraph_points_v1_HoldPointsResponse__Output } from './membergraph/points/v1/HoldPointsResponse';
import type { ListMemberActivityRequest as _membergraph_points_v1_ListMemberActivityRequest, ListMemberActivityRequest__Output as _membergraph_points_v1_ListMemberActivityRequest__Output } from './membergraph/points/v1/ListMemberActivityRequest';
import type { ListMemberActivityResponse as _membergraph_points_v1_ListMemberActivityResponse, ListMemberActivityResponse__Output as _membergraph_points_v1_ListMemberActivityResponse__Output } from './membergraph/points/v1/ListMemberActivityResponse';
import type { MemberActivity as _membergraph_points_v1_MemberActivity, MemberActivity__Output as _membergraph_points_v1_MemberActivity__Output } from './membergraph/points/v1/MemberActivity';
import type { MemberOrderActivity as _membergraph_points_v1_MemberOrderActivity, MemberOrderActivity__Output as _membergraph_points_v1_MemberOrderActivity__Output } from './membergraph/points/v1/MemberOrderActivity';
import type { MemberPointsActivity as _membergraph_points_v1_MemberPointsActivity, MemberPointsActivity__Output as _membergraph_points_v1_MemberPointsActivity__Output } from './membergraph/points/v1/MemberPointsActivity';
import type { MemberTierChange as _membergraph_points_v1_MemberTierChange, MemberTierChange__Output as _membergraph_points_v1_MemberTierChange__Output } from './membergraph/points/v1/MemberTierChange';
import type { MergeAccountsRequest as _membergraph_points_v1_MergeAccountsRequest, MergeAccountsRequest__Output as _membergraph_points_v1_MergeAccountsRequest__Output } from './membergraph/points/v1/MergeAccountsRequest';
import type { MergeAccountsResponse as _membergraph_points_v1_MergeAccountsResponse, MergeAccountsResponse__Output as _membergraph_points_v1_MergeAccountsResponse__Output } from './membergraph/points/v1/MergeAccountsResponse';
import type { PointsServiceClient as _membergraph_points_v1_PointsServiceClient, PointsServiceDefinition as _membergraph_points_v1_PointsServiceDefinition } from './membergraph/points/v1/PointsService';
import type { PurchaseStats as _membergraph_points_v1_PurchaseStats, PurchaseStats__Output as _membergraph_points_v1_PurchaseStats__Output } from './membergraph/points/v1/PurchaseStats';
import type { PurchaseStatsBatch as _membergraph_points_v1_PurchaseStatsBatch, PurchaseStatsBatch__Output as _membergraph_points_v1_PurchaseStatsBatch__Output } from './membergraph/points/v1/PurchaseStatsBatch';
import type { RecordCampaignCalendarChangeRequest as _membergraph_points_v1_RecordCampaignCalendarChangeRequest, RecordCampaignCalendarChangeRequest__Output as _membergraph_points_v1_RecordCampaignCalendarChangeRequest__Output } from './membergraph/points/v1/RecordCampaignCalendarChangeRequest';
import type { RecordCampaignCalendarChangeResponse as _membergraph_points_v1_RecordCampaignCalendarChangeResponse, RecordCampaignCalendarChangeResponse__Output as _membergraph_points_v1_RecordCampaignCalendarChangeResponse__Output } from './membergraph/points/v1/RecordCampaignCalendarChangeResponse';
import type { RecordMemberTiersRequest as _membergraph_points_v1_RecordMemberTiersRequest, RecordMemberTiersRequest__Output as _membergraph_points_v1_RecordMemberTiersRequest__Output } from './membergraph/points/v1/RecordMemberTiersRequest';
import type { RecordMemberTiersResponse as _membergraph_points_v1_RecordMemberTiersResponse, RecordMemberTiersResponse__Output as _membergraph_points_v1_RecordMemberTiersResponse__Output } from './membergraph/points/v1/RecordMemberTiersResponse';
import type { RecordTierLadderChangeRequest as _membergraph_points_v1_RecordTierLadderChangeRequest, RecordTierLadderChangeRequest__Output as _membergraph_points_v1_RecordTierLadderChangeRequest__Output } from './membergraph/points/v1/RecordTierLadderChangeRequest';
import type { RecordTierLadderChangeResponse as _membergraph_points_v1_RecordTierLadderChangeResponse, RecordTierLadderChangeResponse__Output as _membergraph_points_v1_RecordTierLadderChangeResponse__Output } from './membergraph/points/v1/RecordTierLadderChangeResponse';
import type { ReleasePointsRequest as _membergraph_points_v1_ReleasePointsRequest, ReleasePointsRequest__Output as _membergraph_points_v1_ReleasePointsRequest__Output } from './membergraph/points/v1/ReleasePointsRequest';
import type { ReleasePointsResponse as _membergraph_points_v1_ReleasePointsResponse, ReleasePointsResponse__Output as _membergraph_points_v1_ReleasePointsResponse__Output } from './membergraph/points/v1/ReleasePointsResponse';
import type { SpendStats as _membergraph_points_v1_SpendStats, SpendStats__Output as _membergraph_points_v1_SpendStats__Output } from './membergraph/points/v1/SpendStats';
import type { StreamPurchaseStatsRequest as _membergraph_points_v1_StreamPurchaseStatsRequest, StreamPurchaseStatsRequest__Output as _membergraph_points_v1_StreamPurchaseStatsRequest__Output } from './membergraph/points/v1/StreamPurchaseStatsRequest';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  membergraph: {
    points: {
      v1: {
        AwardCampaignPointsRequest: MessageTypeDefinition<_membergraph_points_v1_AwardCampaignPointsRequest, _membergraph_points_v1_AwardCampaignPointsRequest__Output>
        AwardKind: EnumTypeDefinition
        AwardRequest: MessageTypeDefinition<_membergraph_points_v1_AwardRequest, _membergraph_points_v1_AwardRequest__Output>
        AwardResponse: MessageTypeDefinition<_membergraph_points_v1_AwardResponse, _membergraph_points_v1_AwardResponse__Output>
        Balance: MessageTypeDefinition<_membergraph_points_v1_Balance, _membergraph_points_v1_Balance__Output>
        CapturePointsRequest: MessageTypeDefinition<_membergraph_points_v1_CapturePointsRequest, _membergraph_points_v1_CapturePointsRequest__Output>
        CapturePointsResponse: MessageTypeDefinition<_membergraph_points_v1_CapturePointsResponse, _membergraph_points_v1_CapturePointsResponse__Output>
        DebitRequest: MessageTypeDefinition<_membergraph_points_v1_DebitRequest, _membergraph_points_v1_DebitRequest__Output>
        DebitResponse: MessageTypeDefinition<_membergraph_points_v1_DebitResponse, _membergraph_points_v1_DebitResponse__Output>
        GetBalancesRequest: MessageTypeDefinition<_membergraph_points_v1_GetBalancesRequest, _membergraph_points_v1_GetBalancesRequest__Output>
        GetBalancesResponse: MessageTypeDefinition<_membergraph_points_v1_GetBalancesResponse, _membergraph_points_v1_GetBalancesResponse__Output>
        GetSpendStatsRequest: MessageTypeDefinition<_membergraph_points_v1_GetSpendStatsRequest, _membergraph_points_v1_GetSpendStatsRequest__Output>
        GetSpendStatsResponse: MessageTypeDefinition<_membergraph_points_v1_GetSpendStatsResponse, _membergraph_points_v1_GetSpendStatsResponse__Output>
        HoldPointsRequest: MessageTypeDefinition<_membergraph_points_v1_HoldPointsRequest, _membergraph_points_v1_HoldPointsRequest__Output>
        HoldPointsResponse: MessageTypeDefinition<_membergraph_points_v1_HoldPointsResponse, _membergraph_points_v1_HoldPointsResponse__Output>
        ListMemberActivityRequest: MessageTypeDefinition<_membergraph_points_v1_ListMemberActivityRequest, _membergraph_points_v1_ListMemberActivityRequest__Output>
        ListMemberActivityResponse: MessageTypeDefinition<_membergraph_points_v1_ListMemberActivityResponse, _membergraph_points_v1_ListMemberActivityResponse__Output>
        MemberActivity: MessageTypeDefinition<_membergraph_points_v1_MemberActivity, _membergraph_points_v1_MemberActivity__Output>
        MemberOrderActivity: MessageTypeDefinition<_membergraph_points_v1_MemberOrderActivity, _membergraph_points_v1_MemberOrderActivity__Output>
        MemberPointsActivity: MessageTypeDefinition<_membergraph_points_v1_MemberPointsActivity, _membergraph_points_v1_MemberPointsActivity__Output>
        MemberTierChange: MessageTypeDefinition<_membergraph_points_v1_MemberTierChange, _membergraph_points_v1_MemberTierChange__Output>
        MergeAccountsRequest: MessageTypeDefinition<_membergraph_points_v1_MergeAccountsRequest, _membergraph_points_v1_MergeAccountsRequest__Output>
        MergeAccountsResponse: MessageTypeDefinition<_membergraph_points_v1_MergeAccountsResponse, _membergraph_points_v1_MergeAccountsResponse__Output>
        PointsService: SubtypeConstructor<typeof grpc.Client, _membergraph_points_v1_PointsServiceClient> & { service: _membergraph_points_v1_PointsServiceDefinition }
        PurchaseStats: MessageTypeDefinition<_membergraph_points_v1_PurchaseStats, _membergraph_points_v1_PurchaseStats__Output>
        PurchaseStatsBatch: MessageTypeDefinition<_membergraph_points_v1_PurchaseStatsBatch, _membergraph_points_v1_PurchaseStatsBatch__Output>
        RecordCampaignCalendarChangeRequest: MessageTypeDefinition<_membergraph_points_v1_RecordCampaignCalendarChangeRequest, _membergraph_points_v1_RecordCampaignCalendarChangeRequest__Output>
        RecordCampaignCalendarChangeResponse: MessageTypeDefinition<_membergraph_points_v1_RecordCampaignCalendarChangeResponse, _membergraph_points_v1_RecordCampaignCalendarChangeResponse__Output>
        RecordMemberTiersRequest: MessageTypeDefinition<_membergraph_points_v1_RecordMemberTiersRequest, _membergraph_points_v1_RecordMemberTiersRequest__Output>
        RecordMemberTiersResponse: MessageTypeDefinition<_membergraph_points_v1_RecordMemberTiersResponse, _membergraph_points_v1_RecordMemberTiersResponse__Output>
        RecordTierLadderChangeRequest: MessageTypeDefinition<_membergraph_points_v1_RecordTierLadderChangeRequest, _membergraph_points_v1_RecordTierLadderChangeRequest__Output>
        RecordTierLadderChangeResponse: MessageTypeDefinition<_membergraph_points_v1_RecordTierLadderChangeResponse, _membergraph_points_v1_RecordTierLadderChangeResponse__Output>
        ReleasePointsRequest: MessageTypeDefinition<_membergraph_points_v1_ReleasePointsRequest, _membergraph_points_v1_ReleasePointsRequest__Output>
        ReleasePointsResponse: MessageTypeDefinition<_membergraph_points_v1_ReleasePointsResponse, _membergraph_points_v1_ReleasePointsResponse__Output>
        SpendStats: MessageTypeDefinition<_membergraph_points_v1_SpendStats, _membergraph_points_v1_SpendStats__Output>
        StreamPurchaseStatsRequest: MessageTypeDefinition<_membergraph_points_v1_StreamPurchaseStatsRequest, _membergraph_points_v1_StreamPurchaseStatsRequest__Output>
      }
    }
  }
}

