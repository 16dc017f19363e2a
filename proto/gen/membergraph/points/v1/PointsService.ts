// Original file: proto/points.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { AwardCampaignPointsRequest as _membergraph_points_v1_AwardCampaignPointsRequest, AwardCampaignPointsRequest__Output as _membergraph_points_v1_AwardCampaignPointsRequest__Output } from '../../../membergraph/points/v1/AwardCampaignPointsRequest';
import type { AwardRequest as _membergraph_points_v1_AwardRequest, AwardRequest__Output as _membergraph_points_v1_AwardRequest__Output } from '../../../membergraph/points/v1/AwardRequest';
import type { AwardResponse as _membergraph_points_v1_AwardResponse, AwardResponse__Output as _membergraph_points_v1_AwardResponse__Output } from '../../../membergraph/points/v1/AwardResponse';
import type { CapturePointsRequest as _membergraph_points_v1_CapturePointsRequest, CapturePointsRequest__Output as _membergraph_points_v1_CapturePointsRequest__Output } from '../../../membergraph/points/v1/CapturePointsRequest';
import type { CapturePointsResponse as _membergraph_points_v1_CapturePointsResponse, CapturePointsResponse__Output as _membergraph_points_v1_CapturePointsResponse__Output } from '../../../membergraph/points/v1/CapturePointsResponse';
import type { DebitRequest as _membergraph_points_v1_DebitRequest, DebitRequest__Output as _membergraph_points_v1_DebitRequest__Output } from '../../../membergraph/points/v1/DebitRequest';
import type { DebitResponse as _membergraph_points_v1_DebitResponse, DebitResponse__Output as _membergraph_points_v1_DebitResponse__Output } from '../../../membergraph/points/v1/DebitResponse';
import type { GetBalancesRequest as _membergraph_points_v1_GetBalancesRequest, GetBalancesRequest__Output as _membergraph_points_v1_GetBalancesRequest__Output } from '../../../membergraph/points/v1/GetBalancesRequest';
import type { GetBalancesResponse as _membergraph_points_v1_GetBalancesResponse, GetBalancesResponse__Output as _membergraph_points_v1_GetBalancesResponse__Output } from '../../../membergraph/points/v1/GetBalancesResponse';
import type { GetSpendStatsRequest as _membergraph_points_v1_GetSpendStatsRequest, GetSpendStatsRequest__Output as _membergraph_points_v1_GetSpendStatsRequest__Output } from '../../../membergraph/points/v1/GetSpendStatsRequest';
import type { GetSpendStatsResponse as _membergraph_points_v1_GetSpendStatsResponse, GetSpendStatsResponse__Output as _membergraph_points_v1_GetSpendStatsResponse__Output } from '../../../membergraph/points/v1/GetSpendStatsResponse';
import type { HoldPointsRequest as _membergraph_points_v1_HoldPointsRequest, HoldPointsRequest__Output as _membergraph_points_v1_HoldPointsRequest__Output } from '../../../membergraph/points/v1/HoldPointsRequest';
import type { HoldPointsResponse as _membergraph_points_v1_HoldPointsResponse, HoldPointsResponse__Output as _membergraph_points_v1_HoldPointsResponse__Output } from '../../../membergraph/points/v1/HoldPointsResponse';
import type { ListMemberActivityRequest as _membergraph_points_v1_ListMemberActivityRequest, ListMemberActivityRequest__Output as _membergraph_points_v1_ListMemberActivityRequest__Output } from '../../../membergraph/points/v1/ListMemberActivityRequest';
import type { ListMemberActivityResponse as _membergraph_points_v1_ListMemberActivityResponse, ListMemberActivityResponse__Output as _membergraph_points_v1_ListMemberActivityResponse__Output } from '../../../membergraph/points/v1/ListMemberActivityResponse';
import type { MergeAccountsRequest as _membergraph_points_v1_MergeAccountsRequest, MergeAccountsRequest__Output as _membergraph_points_v1_MergeAccountsRequest__Output } from '../../../membergraph/points/v1/MergeAccountsRequest';
import type { MergeAccountsResponse as _membergraph_points_v1_MergeAccountsResponse, MergeAccountsResponse__Output as _membergraph_points_v1_MergeAccountsResponse__Output } from '../../../membergraph/points/v1/MergeAccountsResponse';
import type { PurchaseStatsBatch as _membergraph_points_v1_PurchaseStatsBatch, PurchaseStatsBatch__Output as _membergraph_points_v1_PurchaseStatsBatch__Output } from '../../../membergraph/points/v1/PurchaseStatsBatch';
import type { RecordCampaignCalendarChangeRequest as _membergraph_points_v1_RecordCampaignCalendarChangeRequest, RecordCampaignCalendarChangeRequest__Output as _membergraph_points_v1_RecordCampaignCalendarChangeRequest__Output } from '../../../membergraph/points/v1/RecordCampaignCalendarChangeRequest';
import type { RecordCampaignCalendarChangeResponse as _membergraph_points_v1_RecordCampaignCalendarChangeResponse, RecordCampaignCalendarChangeResponse__Output as _membergraph_points_v1_RecordCampaignCalendarChangeResponse__Output } from '../../../membergraph/points/v1/RecordCampaignCalendarChangeResponse';
import type { RecordMemberTiersRequest as _membergraph_points_v1_RecordMemberTiersRequest, RecordMemberTiersRequest__Output as _membergraph_points_v1_RecordMemberTiersRequest__Output } from '../../../membergraph/points/v1/RecordMemberTiersRequest';
import type { RecordMemberTiersResponse as _membergraph_points_v1_RecordMemberTiersResponse, RecordMemberTiersResponse__Output as _membergraph_points_v1_RecordMemberTiersResponse__Output } from '../../../membergraph/points/v1/RecordMemberTiersResponse';
import type { RecordTierLadderChangeRequest as _membergraph_points_v1_RecordTierLadderChangeRequest, RecordTierLadderChangeRequest__Output as _membergraph_points_v1_RecordTierLadderChangeRequest__Output } from '../../../membergraph/points/v1/RecordTierLadderChangeRequest';
import type { RecordTierLadderChangeResponse as _membergraph_points_v1_RecordTierLadderChangeResponse, RecordTierLadderChangeResponse__Output as _membergraph_points_v1_RecordTierLadderChangeResponse__Output } from '../../../membergraph/points/v1/RecordTierLadderChangeResponse';
import type { ReleasePointsRequest as _membergraph_points_v1_ReleasePointsRequest, ReleasePointsRequest__Output as _membergraph_points_v1_ReleasePointsRequest__Output } from '../../../membergraph/points/v1/ReleasePointsRequest';
import type { ReleasePointsResponse as _membergraph_points_v1_ReleasePointsResponse, ReleasePointsResponse__Output as _membergraph_points_v1_ReleasePointsResponse__Output } from '../../../membergraph/points/v1/ReleasePointsResponse';
import type { StreamPurchaseStatsRequest as _membergraph_points_v1_StreamPurchaseStatsRequest, StreamPurchaseStatsRequest__Output as _membergraph_points_v1_StreamPurchaseStatsRequest__Output } from '../../../membergraph/points/v1/StreamPurchaseStatsRequest';

export interface PointsServiceClient extends grpc.Client {
  /**
   * Awards the programme's bonus for a member event (registration, completed profile), once per
   * member and kind; the amounts are the points programme's configuration.
   * (member → points: the member service sends these from its outbox, never inside a request, so
   * no request ever waits on a cycle; tier facts flow the other way, points → member.)
   */
  Award(argument: _membergraph_points_v1_AwardRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_points_v1_AwardResponse__Output>): grpc.ClientUnaryCall;
  Award(argument: _membergraph_points_v1_AwardRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_membergraph_points_v1_AwardResponse__Output>): grpc.ClientUnaryCall;
  Award(argument: _membergraph_points_v1_AwardRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_points_v1_AwardResponse__Output>): grpc.ClientUnaryCall;
  Award(argument: _membergraph_points_v1_AwardRequest, callback: grpc.requestCallback<_membergraph_points_v1_AwardResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Awards the programme's bonus for a member event (registration, completed profile), once per
   * member and kind; the amounts are the points programme's configuration.
   * (member → points: the member service sends these from its outbox, never inside a request, so
   * no request ever waits on a cycle; tier facts flow the other way, points → member.)
   */
  award(argument: _membergraph_points_v1_AwardRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_points_v1_AwardResponse__Output>): grpc.ClientUnaryCall;
  award(argument: _membergraph_points_v1_AwardRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_membergraph_points_v1_AwardResponse__Output>): grpc.ClientUnaryCall;
  award(argument: _membergraph_points_v1_AwardRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_points_v1_AwardResponse__Output>): grpc.ClientUnaryCall;
  award(argument: _membergraph_points_v1_AwardRequest, callback: grpc.requestCallback<_membergraph_points_v1_AwardResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Credits points a campaign grants (a referral ladder rung, a bonus, a task reward) to a member
   * the member service knows, once per idempotency_key: a retry answers the first result.
   * (campaign → points, sent from the campaign service's reward processing.)
   */
  AwardCampaignPoints(argument: _membergraph_points_v1_AwardCampaignPointsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_points_v1_AwardResponse__Output>): grpc.ClientUnaryCall;
  AwardCampaignPoints(argument: _membergraph_points_v1_AwardCampaignPointsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_membergraph_points_v1_AwardResponse__Output>): grpc.ClientUnaryCall;
  AwardCampaignPoints(argument: _membergraph_points_v1_AwardCampaignPointsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_points_v1_AwardResponse__Output>): grpc.ClientUnaryCall;
  AwardCampaignPoints(argument: _membergraph_points_v1_AwardCampaignPointsRequest, callback: grpc.requestCallback<_membergraph_points_v1_AwardResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Credits points a campaign grants (a referral ladder rung, a bonus, a task reward) to a member
   * the member service knows, once per idempotency_key: a retry answers the first result.
   * (campaign → points, sent from the campaign service's reward processing.)
   */
  awardCampaignPoints(argument: _membergraph_points_v1_AwardCampaignPointsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_points_v1_AwardResponse__Output>): grpc.ClientUnaryCall;
  awardCampaignPoints(argument: _membergraph_points_v1_AwardCampaignPointsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_membergraph_points_v1_AwardResponse__Output>): grpc.ClientUnaryCall;
  awardCampaignPoints(argument: _membergraph_points_v1_AwardCampaignPointsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_points_v1_AwardResponse__Output>): grpc.ClientUnaryCall;
  awardCampaignPoints(argument: _membergraph_points_v1_AwardCampaignPointsRequest, callback: grpc.requestCallback<_membergraph_points_v1_AwardResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Captures a HELD hold; a retry answers the same entry. CONFLICT when the hold was released
   * (by the caller or by the sweep), NOT_FOUND when it was never taken.
   */
  CapturePoints(argument: _membergraph_points_v1_CapturePointsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_points_v1_CapturePointsResponse__Output>): grpc.ClientUnaryCall;
  CapturePoints(argument: _membergraph_points_v1_CapturePointsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_membergraph_points_v1_CapturePointsResponse__Output>): grpc.ClientUnaryCall;
  CapturePoints(argument: _membergraph_points_v1_CapturePointsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_points_v1_CapturePointsResponse__Output>): grpc.ClientUnaryCall;
  CapturePoints(argument: _membergraph_points_v1_CapturePointsRequest, callback: grpc.requestCallback<_membergraph_points_v1_CapturePointsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Captures a HELD hold; a retry answers the same entry. CONFLICT when the hold was released
   * (by the caller or by the sweep), NOT_FOUND when it was never taken.
   */
  capturePoints(argument: _membergraph_points_v1_CapturePointsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_points_v1_CapturePointsResponse__Output>): grpc.ClientUnaryCall;
  capturePoints(argument: _membergraph_points_v1_CapturePointsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_membergraph_points_v1_CapturePointsResponse__Output>): grpc.ClientUnaryCall;
  capturePoints(argument: _membergraph_points_v1_CapturePointsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_points_v1_CapturePointsResponse__Output>): grpc.ClientUnaryCall;
  capturePoints(argument: _membergraph_points_v1_CapturePointsRequest, callback: grpc.requestCallback<_membergraph_points_v1_CapturePointsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Takes points off a member's balance (a redemption, a checkout offset). Fails with
   * FAILED_PRECONDITION (code INSUFFICIENT_POINTS) and writes nothing when the balance is smaller.
   * Idempotent by idempotency_key: a retry returns the first result, also after the balance moved on.
   */
  Debit(argument: _membergraph_points_v1_DebitRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_points_v1_DebitResponse__Output>): grpc.ClientUnaryCall;
  Debit(argument: _membergraph_points_v1_DebitRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_membergraph_points_v1_DebitResponse__Output>): grpc.ClientUnaryCall;
  Debit(argument: _membergraph_points_v1_DebitRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_points_v1_DebitResponse__Output>): grpc.ClientUnaryCall;
  Debit(argument: _membergraph_points_v1_DebitRequest, callback: grpc.requestCallback<_membergraph_points_v1_DebitResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Takes points off a member's balance (a redemption, a checkout offset). Fails with
   * FAILED_PRECONDITION (code INSUFFICIENT_POINTS) and writes nothing when the balance is smaller.
   * Idempotent by idempotency_key: a retry returns the first result, also after the balance moved on.
   */
  debit(argument: _membergraph_points_v1_DebitRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_points_v1_DebitResponse__Output>): grpc.ClientUnaryCall;
  debit(argument: _membergraph_points_v1_DebitRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_membergraph_points_v1_DebitResponse__Output>): grpc.ClientUnaryCall;
  debit(argument: _membergraph_points_v1_DebitRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_points_v1_DebitResponse__Output>): grpc.ClientUnaryCall;
  debit(argument: _membergraph_points_v1_DebitRequest, callback: grpc.requestCallback<_membergraph_points_v1_DebitResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Current balances of members, batched. Members with no account yet answer a zero balance.
   */
  GetBalances(argument: _membergraph_points_v1_GetBalancesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_points_v1_GetBalancesResponse__Output>): grpc.ClientUnaryCall;
  GetBalances(argument: _membergraph_points_v1_GetBalancesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_membergraph_points_v1_GetBalancesResponse__Output>): grpc.ClientUnaryCall;
  GetBalances(argument: _membergraph_points_v1_GetBalancesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_points_v1_GetBalancesResponse__Output>): grpc.ClientUnaryCall;
  GetBalances(argument: _membergraph_points_v1_GetBalancesRequest, callback: grpc.requestCallback<_membergraph_points_v1_GetBalancesResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Current balances of members, batched. Members with no account yet answer a zero balance.
   */
  getBalances(argument: _membergraph_points_v1_GetBalancesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_points_v1_GetBalancesResponse__Output>): grpc.ClientUnaryCall;
  getBalances(argument: _membergraph_points_v1_GetBalancesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_membergraph_points_v1_GetBalancesResponse__Output>): grpc.ClientUnaryCall;
  getBalances(argument: _membergraph_points_v1_GetBalancesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_points_v1_GetBalancesResponse__Output>): grpc.ClientUnaryCall;
  getBalances(argument: _membergraph_points_v1_GetBalancesRequest, callback: grpc.requestCallback<_membergraph_points_v1_GetBalancesResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Members' qualifying activity of the rolling 12 months before now, batched, the figures
   * Member.spend shows: the benefits service ranks a member's benefits by them (benefits → points,
   * a read; it ranks without them when this does not answer, so a card never waits on points).
   * Benefits reads this only for a member it holds no figures for: the figures reach it from
   * points' outbox (BenefitsService.RecordSpendStats). Members with no orders answer zeros.
   */
  GetSpendStats(argument: _membergraph_points_v1_GetSpendStatsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_points_v1_GetSpendStatsResponse__Output>): grpc.ClientUnaryCall;
  GetSpendStats(argument: _membergraph_points_v1_GetSpendStatsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_membergraph_points_v1_GetSpendStatsResponse__Output>): grpc.ClientUnaryCall;
  GetSpendStats(argument: _membergraph_points_v1_GetSpendStatsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_points_v1_GetSpendStatsResponse__Output>): grpc.ClientUnaryCall;
  GetSpendStats(argument: _membergraph_points_v1_GetSpendStatsRequest, callback: grpc.requestCallback<_membergraph_points_v1_GetSpendStatsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Members' qualifying activity of the rolling 12 months before now, batched, the figures
   * Member.spend shows: the benefits service ranks a member's benefits by them (benefits → points,
   * a read; it ranks without them when this does not answer, so a card never waits on points).
   * Benefits reads this only for a member it holds no figures for: the figures reach it from
   * points' outbox (BenefitsService.RecordSpendStats). Members with no orders answer zeros.
   */
  getSpendStats(argument: _membergraph_points_v1_GetSpendStatsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_points_v1_GetSpendStatsResponse__Output>): grpc.ClientUnaryCall;
  getSpendStats(argument: _membergraph_points_v1_GetSpendStatsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_membergraph_points_v1_GetSpendStatsResponse__Output>): grpc.ClientUnaryCall;
  getSpendStats(argument: _membergraph_points_v1_GetSpendStatsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_points_v1_GetSpendStatsResponse__Output>): grpc.ClientUnaryCall;
  getSpendStats(argument: _membergraph_points_v1_GetSpendStatsRequest, callback: grpc.requestCallback<_membergraph_points_v1_GetSpendStatsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Two-phase spending (the benefits service's reward saga, benefits → points). HoldPoints takes
   * points out of the spendable balance at once (shown to the member as held) without a ledger
   * entry; CapturePoints turns the hold into a REDEEM entry (oldest lots first, as a burn);
   * ReleasePoints gives it back. Each is idempotent by hold_key. A hold never captured is released
   * by the points service's sweep once expires_at passes.
   * HoldPoints fails with FAILED_PRECONDITION (INSUFFICIENT_POINTS) when the spendable balance is
   * smaller, and with ALREADY_EXISTS (CONFLICT) when the key was used for another hold or was
   * released before it was ever held (a late hold after its compensation must not take points).
   */
  HoldPoints(argument: _membergraph_points_v1_HoldPointsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_points_v1_HoldPointsResponse__Output>): grpc.ClientUnaryCall;
  HoldPoints(argument: _membergraph_points_v1_HoldPointsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_membergraph_points_v1_HoldPointsResponse__Output>): grpc.ClientUnaryCall;
  HoldPoints(argument: _membergraph_points_v1_HoldPointsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_points_v1_HoldPointsResponse__Output>): grpc.ClientUnaryCall;
  HoldPoints(argument: _membergraph_points_v1_HoldPointsRequest, callback: grpc.requestCallback<_membergraph_points_v1_HoldPointsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Two-phase spending (the benefits service's reward saga, benefits → points). HoldPoints takes
   * points out of the spendable balance at once (shown to the member as held) without a ledger
   * entry; CapturePoints turns the hold into a REDEEM entry (oldest lots first, as a burn);
   * ReleasePoints gives it back. Each is idempotent by hold_key. A hold never captured is released
   * by the points service's sweep once expires_at passes.
   * HoldPoints fails with FAILED_PRECONDITION (INSUFFICIENT_POINTS) when the spendable balance is
   * smaller, and with ALREADY_EXISTS (CONFLICT) when the key was used for another hold or was
   * released before it was ever held (a late hold after its compensation must not take points).
   */
  holdPoints(argument: _membergraph_points_v1_HoldPointsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_points_v1_HoldPointsResponse__Output>): grpc.ClientUnaryCall;
  holdPoints(argument: _membergraph_points_v1_HoldPointsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_membergraph_points_v1_HoldPointsResponse__Output>): grpc.ClientUnaryCall;
  holdPoints(argument: _membergraph_points_v1_HoldPointsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_points_v1_HoldPointsResponse__Output>): grpc.ClientUnaryCall;
  holdPoints(argument: _membergraph_points_v1_HoldPointsRequest, callback: grpc.requestCallback<_membergraph_points_v1_HoldPointsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Members' histories for the risk service's models (churn, health, CLV), a page at a time in
   * member id order: each member's orders (with what was refunded of them) and the points issued
   * and burned (with their source, so check-ins show), placed before before_epoch_ms. A read; the
   * training job pages through every member.
   * (risk → points: points asks risk only to assess actions, never for these, so no cycle waits.)
   */
  ListMemberActivity(argument: _membergraph_points_v1_ListMemberActivityRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_points_v1_ListMemberActivityResponse__Output>): grpc.ClientUnaryCall;
  ListMemberActivity(argument: _membergraph_points_v1_ListMemberActivityRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_membergraph_points_v1_ListMemberActivityResponse__Output>): grpc.ClientUnaryCall;
  ListMemberActivity(argument: _membergraph_points_v1_ListMemberActivityRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_points_v1_ListMemberActivityResponse__Output>): grpc.ClientUnaryCall;
  ListMemberActivity(argument: _membergraph_points_v1_ListMemberActivityRequest, callback: grpc.requestCallback<_membergraph_points_v1_ListMemberActivityResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Members' histories for the risk service's models (churn, health, CLV), a page at a time in
   * member id order: each member's orders (with what was refunded of them) and the points issued
   * and burned (with their source, so check-ins show), placed before before_epoch_ms. A read; the
   * training job pages through every member.
   * (risk → points: points asks risk only to assess actions, never for these, so no cycle waits.)
   */
  listMemberActivity(argument: _membergraph_points_v1_ListMemberActivityRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_points_v1_ListMemberActivityResponse__Output>): grpc.ClientUnaryCall;
  listMemberActivity(argument: _membergraph_points_v1_ListMemberActivityRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_membergraph_points_v1_ListMemberActivityResponse__Output>): grpc.ClientUnaryCall;
  listMemberActivity(argument: _membergraph_points_v1_ListMemberActivityRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_points_v1_ListMemberActivityResponse__Output>): grpc.ClientUnaryCall;
  listMemberActivity(argument: _membergraph_points_v1_ListMemberActivityRequest, callback: grpc.requestCallback<_membergraph_points_v1_ListMemberActivityResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Staff merged two members (the member service owns the decision): the source's points move to
   * the target — balance and debt as a pair of ledger entries, open lots with their expiry dates,
   * orders (so refunds and spend follow) and pending points. Idempotent by merge_id; sent from the
   * member service's outbox.
   */
  MergeAccounts(argument: _membergraph_points_v1_MergeAccountsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_points_v1_MergeAccountsResponse__Output>): grpc.ClientUnaryCall;
  MergeAccounts(argument: _membergraph_points_v1_MergeAccountsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_membergraph_points_v1_MergeAccountsResponse__Output>): grpc.ClientUnaryCall;
  MergeAccounts(argument: _membergraph_points_v1_MergeAccountsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_points_v1_MergeAccountsResponse__Output>): grpc.ClientUnaryCall;
  MergeAccounts(argument: _membergraph_points_v1_MergeAccountsRequest, callback: grpc.requestCallback<_membergraph_points_v1_MergeAccountsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Staff merged two members (the member service owns the decision): the source's points move to
   * the target — balance and debt as a pair of ledger entries, open lots with their expiry dates,
   * orders (so refunds and spend follow) and pending points. Idempotent by merge_id; sent from the
   * member service's outbox.
   */
  mergeAccounts(argument: _membergraph_points_v1_MergeAccountsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_points_v1_MergeAccountsResponse__Output>): grpc.ClientUnaryCall;
  mergeAccounts(argument: _membergraph_points_v1_MergeAccountsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_membergraph_points_v1_MergeAccountsResponse__Output>): grpc.ClientUnaryCall;
  mergeAccounts(argument: _membergraph_points_v1_MergeAccountsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_points_v1_MergeAccountsResponse__Output>): grpc.ClientUnaryCall;
  mergeAccounts(argument: _membergraph_points_v1_MergeAccountsRequest, callback: grpc.requestCallback<_membergraph_points_v1_MergeAccountsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Staff created, scheduled or ended a campaign or changed how campaigns combine (campaign →
   * points, from the campaign service's outbox, delivered before staff get their answer): the points
   * process that receives it reads the campaign calendar (CampaignService.ListEarnCampaigns) again
   * on its next earn; other replicas within CAMPAIGN_CALENDAR_TTL_MS. Repeating it is harmless.
   * (campaign → points like AwardCampaignPoints; points asks campaign only for reads and earns' coefficients.)
   */
  RecordCampaignCalendarChange(argument: _membergraph_points_v1_RecordCampaignCalendarChangeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_points_v1_RecordCampaignCalendarChangeResponse__Output>): grpc.ClientUnaryCall;
  RecordCampaignCalendarChange(argument: _membergraph_points_v1_RecordCampaignCalendarChangeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_membergraph_points_v1_RecordCampaignCalendarChangeResponse__Output>): grpc.ClientUnaryCall;
  RecordCampaignCalendarChange(argument: _membergraph_points_v1_RecordCampaignCalendarChangeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_points_v1_RecordCampaignCalendarChangeResponse__Output>): grpc.ClientUnaryCall;
  RecordCampaignCalendarChange(argument: _membergraph_points_v1_RecordCampaignCalendarChangeRequest, callback: grpc.requestCallback<_membergraph_points_v1_RecordCampaignCalendarChangeResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Staff created, scheduled or ended a campaign or changed how campaigns combine (campaign →
   * points, from the campaign service's outbox, delivered before staff get their answer): the points
   * process that receives it reads the campaign calendar (CampaignService.ListEarnCampaigns) again
   * on its next earn; other replicas within CAMPAIGN_CALENDAR_TTL_MS. Repeating it is harmless.
   * (campaign → points like AwardCampaignPoints; points asks campaign only for reads and earns' coefficients.)
   */
  recordCampaignCalendarChange(argument: _membergraph_points_v1_RecordCampaignCalendarChangeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_points_v1_RecordCampaignCalendarChangeResponse__Output>): grpc.ClientUnaryCall;
  recordCampaignCalendarChange(argument: _membergraph_points_v1_RecordCampaignCalendarChangeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_membergraph_points_v1_RecordCampaignCalendarChangeResponse__Output>): grpc.ClientUnaryCall;
  recordCampaignCalendarChange(argument: _membergraph_points_v1_RecordCampaignCalendarChangeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_points_v1_RecordCampaignCalendarChangeResponse__Output>): grpc.ClientUnaryCall;
  recordCampaignCalendarChange(argument: _membergraph_points_v1_RecordCampaignCalendarChangeRequest, callback: grpc.requestCallback<_membergraph_points_v1_RecordCampaignCalendarChangeResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Members' tier changes, batched (member → points, from the member service's outbox, never inside
   * a request): the points service keeps each member's tier to earn without asking member per
   * order. A change older than the one kept (a lower tier_version) is ignored, so a repeat or a late
   * delivery changes nothing.
   */
  RecordMemberTiers(argument: _membergraph_points_v1_RecordMemberTiersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_points_v1_RecordMemberTiersResponse__Output>): grpc.ClientUnaryCall;
  RecordMemberTiers(argument: _membergraph_points_v1_RecordMemberTiersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_membergraph_points_v1_RecordMemberTiersResponse__Output>): grpc.ClientUnaryCall;
  RecordMemberTiers(argument: _membergraph_points_v1_RecordMemberTiersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_points_v1_RecordMemberTiersResponse__Output>): grpc.ClientUnaryCall;
  RecordMemberTiers(argument: _membergraph_points_v1_RecordMemberTiersRequest, callback: grpc.requestCallback<_membergraph_points_v1_RecordMemberTiersResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Members' tier changes, batched (member → points, from the member service's outbox, never inside
   * a request): the points service keeps each member's tier to earn without asking member per
   * order. A change older than the one kept (a lower tier_version) is ignored, so a repeat or a late
   * delivery changes nothing.
   */
  recordMemberTiers(argument: _membergraph_points_v1_RecordMemberTiersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_points_v1_RecordMemberTiersResponse__Output>): grpc.ClientUnaryCall;
  recordMemberTiers(argument: _membergraph_points_v1_RecordMemberTiersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_membergraph_points_v1_RecordMemberTiersResponse__Output>): grpc.ClientUnaryCall;
  recordMemberTiers(argument: _membergraph_points_v1_RecordMemberTiersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_points_v1_RecordMemberTiersResponse__Output>): grpc.ClientUnaryCall;
  recordMemberTiers(argument: _membergraph_points_v1_RecordMemberTiersRequest, callback: grpc.requestCallback<_membergraph_points_v1_RecordMemberTiersResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Staff edited the tier ladder (member → points, from the member service's outbox): the points
   * process that receives it reads the ladder (γ, thresholds) again on its next earn; other replicas
   * within TIER_LADDER_TTL_MS. Repeating it is harmless.
   */
  RecordTierLadderChange(argument: _membergraph_points_v1_RecordTierLadderChangeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_points_v1_RecordTierLadderChangeResponse__Output>): grpc.ClientUnaryCall;
  RecordTierLadderChange(argument: _membergraph_points_v1_RecordTierLadderChangeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_membergraph_points_v1_RecordTierLadderChangeResponse__Output>): grpc.ClientUnaryCall;
  RecordTierLadderChange(argument: _membergraph_points_v1_RecordTierLadderChangeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_points_v1_RecordTierLadderChangeResponse__Output>): grpc.ClientUnaryCall;
  RecordTierLadderChange(argument: _membergraph_points_v1_RecordTierLadderChangeRequest, callback: grpc.requestCallback<_membergraph_points_v1_RecordTierLadderChangeResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Staff edited the tier ladder (member → points, from the member service's outbox): the points
   * process that receives it reads the ladder (γ, thresholds) again on its next earn; other replicas
   * within TIER_LADDER_TTL_MS. Repeating it is harmless.
   */
  recordTierLadderChange(argument: _membergraph_points_v1_RecordTierLadderChangeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_points_v1_RecordTierLadderChangeResponse__Output>): grpc.ClientUnaryCall;
  recordTierLadderChange(argument: _membergraph_points_v1_RecordTierLadderChangeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_membergraph_points_v1_RecordTierLadderChangeResponse__Output>): grpc.ClientUnaryCall;
  recordTierLadderChange(argument: _membergraph_points_v1_RecordTierLadderChangeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_points_v1_RecordTierLadderChangeResponse__Output>): grpc.ClientUnaryCall;
  recordTierLadderChange(argument: _membergraph_points_v1_RecordTierLadderChangeRequest, callback: grpc.requestCallback<_membergraph_points_v1_RecordTierLadderChangeResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Releases a hold. Never fails for the hold's state: it answers the state the hold ended in —
   * RELEASED, or CAPTURED when the capture came first (the caller then goes forward, not back).
   * Releasing a key never held leaves a RELEASED marker, so a hold arriving later is refused.
   */
  ReleasePoints(argument: _membergraph_points_v1_ReleasePointsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_points_v1_ReleasePointsResponse__Output>): grpc.ClientUnaryCall;
  ReleasePoints(argument: _membergraph_points_v1_ReleasePointsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_membergraph_points_v1_ReleasePointsResponse__Output>): grpc.ClientUnaryCall;
  ReleasePoints(argument: _membergraph_points_v1_ReleasePointsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_points_v1_ReleasePointsResponse__Output>): grpc.ClientUnaryCall;
  ReleasePoints(argument: _membergraph_points_v1_ReleasePointsRequest, callback: grpc.requestCallback<_membergraph_points_v1_ReleasePointsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Releases a hold. Never fails for the hold's state: it answers the state the hold ended in —
   * RELEASED, or CAPTURED when the capture came first (the caller then goes forward, not back).
   * Releasing a key never held leaves a RELEASED marker, so a hold arriving later is refused.
   */
  releasePoints(argument: _membergraph_points_v1_ReleasePointsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_points_v1_ReleasePointsResponse__Output>): grpc.ClientUnaryCall;
  releasePoints(argument: _membergraph_points_v1_ReleasePointsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_membergraph_points_v1_ReleasePointsResponse__Output>): grpc.ClientUnaryCall;
  releasePoints(argument: _membergraph_points_v1_ReleasePointsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_points_v1_ReleasePointsResponse__Output>): grpc.ClientUnaryCall;
  releasePoints(argument: _membergraph_points_v1_ReleasePointsRequest, callback: grpc.requestCallback<_membergraph_points_v1_ReleasePointsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Purchase statistics per member for RFM and segments (points → campaign: the campaign service
   * reads them; points never calls campaign back here). Streamed in batches in member-id order, so
   * a programme of any size never sits in one message or one query. Orders count by when they were
   * placed (ordered_at); a wholly refunded order is no purchase; spend is net of refunds. Members
   * without orders are not in the stream (they have no statistics).
   */
  StreamPurchaseStats(argument: _membergraph_points_v1_StreamPurchaseStatsRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_membergraph_points_v1_PurchaseStatsBatch__Output>;
  StreamPurchaseStats(argument: _membergraph_points_v1_StreamPurchaseStatsRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_membergraph_points_v1_PurchaseStatsBatch__Output>;
  /**
   * Purchase statistics per member for RFM and segments (points → campaign: the campaign service
   * reads them; points never calls campaign back here). Streamed in batches in member-id order, so
   * a programme of any size never sits in one message or one query. Orders count by when they were
   * placed (ordered_at); a wholly refunded order is no purchase; spend is net of refunds. Members
   * without orders are not in the stream (they have no statistics).
   */
  streamPurchaseStats(argument: _membergraph_points_v1_StreamPurchaseStatsRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_membergraph_points_v1_PurchaseStatsBatch__Output>;
  streamPurchaseStats(argument: _membergraph_points_v1_StreamPurchaseStatsRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_membergraph_points_v1_PurchaseStatsBatch__Output>;
  
}

export interface PointsServiceHandlers extends grpc.UntypedServiceImplementation {
  /**
   * Awards the programme's bonus for a member event (registration, completed profile), once per
   * member and kind; the amounts are the points programme's configuration.
   * (member → points: the member service sends these from its outbox, never inside a request, so
   * no request ever waits on a cycle; tier facts flow the other way, points → member.)
   */
  Award: grpc.handleUnaryCall<_membergraph_points_v1_AwardRequest__Output, _membergraph_points_v1_AwardResponse>;
  
  /**
   * Credits points a campaign grants (a referral ladder rung, a bonus, a task reward) to a member
   * the member service knows, once per idempotency_key: a retry answers the first result.
   * (campaign → points, sent from the campaign service's reward processing.)
   */
  AwardCampaignPoints: grpc.handleUnaryCall<_membergraph_points_v1_AwardCampaignPointsRequest__Output, _membergraph_points_v1_AwardResponse>;
  
  /**
   * Captures a HELD hold; a retry answers the same entry. CONFLICT when the hold was released
   * (by the caller or by the sweep), NOT_FOUND when it was never taken.
   */
  CapturePoints: grpc.handleUnaryCall<_membergraph_points_v1_CapturePointsRequest__Output, _membergraph_points_v1_CapturePointsResponse>;
  
  /**
   * Takes points off a member's balance (a redemption, a checkout offset). Fails with
   * FAILED_PRECONDITION (code INSUFFICIENT_POINTS) and writes nothing when the balance is smaller.
   * Idempotent by idempotency_key: a retry returns the first result, also after the balance moved on.
   */
  Debit: grpc.handleUnaryCall<_membergraph_points_v1_DebitRequest__Output, _membergraph_points_v1_DebitResponse>;
  
  /**
   * Current balances of members, batched. Members with no account yet answer a zero balance.
   */
  GetBalances: grpc.handleUnaryCall<_membergraph_points_v1_GetBalancesRequest__Output, _membergraph_points_v1_GetBalancesResponse>;
  
  /**
   * Members' qualifying activity of the rolling 12 months before now, batched, the figures
   * Member.spend shows: the benefits service ranks a member's benefits by them (benefits → points,
   * a read; it ranks without them when this does not answer, so a card never waits on points).
   * Benefits reads this only for a member it holds no figures for: the figures reach it from
   * points' outbox (BenefitsService.RecordSpendStats). Members with no orders answer zeros.
   */
  GetSpendStats: grpc.handleUnaryCall<_membergraph_points_v1_GetSpendStatsRequest__Output, _membergraph_points_v1_GetSpendStatsResponse>;
  
  /**
   * Two-phase spending (the benefits service's reward saga, benefits → points). HoldPoints takes
   * points out of the spendable balance at once (shown to the member as held) without a ledger
   * entry; CapturePoints turns the hold into a REDEEM entry (oldest lots first, as a burn);
   * ReleasePoints gives it back. Each is idempotent by hold_key. A hold never captured is released
   * by the points service's sweep once expires_at passes.
   * HoldPoints fails with FAILED_PRECONDITION (INSUFFICIENT_POINTS) when the spendable balance is
   * smaller, and with ALREADY_EXISTS (CONFLICT) when the key was used for another hold or was
   * released before it was ever held (a late hold after its compensation must not take points).
   */
  HoldPoints: grpc.handleUnaryCall<_membergraph_points_v1_HoldPointsRequest__Output, _membergraph_points_v1_HoldPointsResponse>;
  
  /**
   * Members' histories for the risk service's models (churn, health, CLV), a page at a time in
   * member id order: each member's orders (with what was refunded of them) and the points issued
   * and burned (with their source, so check-ins show), placed before before_epoch_ms. A read; the
   * training job pages through every member.
   * (risk → points: points asks risk only to assess actions, never for these, so no cycle waits.)
   */
  ListMemberActivity: grpc.handleUnaryCall<_membergraph_points_v1_ListMemberActivityRequest__Output, _membergraph_points_v1_ListMemberActivityResponse>;
  
  /**
   * Staff merged two members (the member service owns the decision): the source's points move to
   * the target — balance and debt as a pair of ledger entries, open lots with their expiry dates,
   * orders (so refunds and spend follow) and pending points. Idempotent by merge_id; sent from the
   * member service's outbox.
   */
  MergeAccounts: grpc.handleUnaryCall<_membergraph_points_v1_MergeAccountsRequest__Output, _membergraph_points_v1_MergeAccountsResponse>;
  
  /**
   * Staff created, scheduled or ended a campaign or changed how campaigns combine (campaign →
   * points, from the campaign service's outbox, delivered before staff get their answer): the points
   * process that receives it reads the campaign calendar (CampaignService.ListEarnCampaigns) again
   * on its next earn; other replicas within CAMPAIGN_CALENDAR_TTL_MS. Repeating it is harmless.
   * (campaign → points like AwardCampaignPoints; points asks campaign only for reads and earns' coefficients.)
   */
  RecordCampaignCalendarChange: grpc.handleUnaryCall<_membergraph_points_v1_RecordCampaignCalendarChangeRequest__Output, _membergraph_points_v1_RecordCampaignCalendarChangeResponse>;
  
  /**
   * Members' tier changes, batched (member → points, from the member service's outbox, never inside
   * a request): the points service keeps each member's tier to earn without asking member per
   * order. A change older than the one kept (a lower tier_version) is ignored, so a repeat or a late
   * delivery changes nothing.
   */
  RecordMemberTiers: grpc.handleUnaryCall<_membergraph_points_v1_RecordMemberTiersRequest__Output, _membergraph_points_v1_RecordMemberTiersResponse>;
  
  /**
   * Staff edited the tier ladder (member → points, from the member service's outbox): the points
   * process that receives it reads the ladder (γ, thresholds) again on its next earn; other replicas
   * within TIER_LADDER_TTL_MS. Repeating it is harmless.
   */
  RecordTierLadderChange: grpc.handleUnaryCall<_membergraph_points_v1_RecordTierLadderChangeRequest__Output, _membergraph_points_v1_RecordTierLadderChangeResponse>;
  
  /**
   * Releases a hold. Never fails for the hold's state: it answers the state the hold ended in —
   * RELEASED, or CAPTURED when the capture came first (the caller then goes forward, not back).
   * Releasing a key never held leaves a RELEASED marker, so a hold arriving later is refused.
   */
  ReleasePoints: grpc.handleUnaryCall<_membergraph_points_v1_ReleasePointsRequest__Output, _membergraph_points_v1_ReleasePointsResponse>;
  
  /**
   * Purchase statistics per member for RFM and segments (points → campaign: the campaign service
   * reads them; points never calls campaign back here). Streamed in batches in member-id order, so
   * a programme of any size never sits in one message or one query. Orders count by when they were
   * placed (ordered_at); a wholly refunded order is no purchase; spend is net of refunds. Members
   * without orders are not in the stream (they have no statistics).
   */
  StreamPurchaseStats: grpc.handleServerStreamingCall<_membergraph_points_v1_StreamPurchaseStatsRequest__Output, _membergraph_points_v1_PurchaseStatsBatch>;
  
}

export interface PointsServiceDefinition extends grpc.ServiceDefinition {
  Award: MethodDefinition<_membergraph_points_v1_AwardRequest, _membergraph_points_v1_AwardResponse, _membergraph_points_v1_AwardRequest__Output, _membergraph_points_v1_AwardResponse__Output>
  AwardCampaignPoints: MethodDefinition<_membergraph_points_v1_AwardCampaignPointsRequest, _membergraph_points_v1_AwardResponse, _membergraph_points_v1_AwardCampaignPointsRequest__Output, _membergraph_points_v1_AwardResponse__Output>
  CapturePoints: MethodDefinition<_membergraph_points_v1_CapturePointsRequest, _membergraph_points_v1_CapturePointsResponse, _membergraph_points_v1_CapturePointsRequest__Output, _membergraph_points_v1_CapturePointsResponse__Output>
  Debit: MethodDefinition<_membergraph_points_v1_DebitRequest, _membergraph_points_v1_DebitResponse, _membergraph_points_v1_DebitRequest__Output, _membergraph_points_v1_DebitResponse__Output>
  GetBalances: MethodDefinition<_membergraph_points_v1_GetBalancesRequest, _membergraph_points_v1_GetBalancesResponse, _membergraph_points_v1_GetBalancesRequest__Output, _membergraph_points_v1_GetBalancesResponse__Output>
  GetSpendStats: MethodDefinition<_membergraph_points_v1_GetSpendStatsRequest, _membergraph_points_v1_GetSpendStatsResponse, _membergraph_points_v1_GetSpendStatsRequest__Output, _membergraph_points_v1_GetSpendStatsResponse__Output>
  HoldPoints: MethodDefinition<_membergraph_points_v1_HoldPointsRequest, _membergraph_points_v1_HoldPointsResponse, _membergraph_points_v1_HoldPointsRequest__Output, _membergraph_points_v1_HoldPointsResponse__Output>
  ListMemberActivity: MethodDefinition<_membergraph_points_v1_ListMemberActivityRequest, _membergraph_points_v1_ListMemberActivityResponse, _membergraph_points_v1_ListMemberActivityRequest__Output, _membergraph_points_v1_ListMemberActivityResponse__Output>
  MergeAccounts: MethodDefinition<_membergraph_points_v1_MergeAccountsRequest, _membergraph_points_v1_MergeAccountsResponse, _membergraph_points_v1_MergeAccountsRequest__Output, _membergraph_points_v1_MergeAccountsResponse__Output>
  RecordCampaignCalendarChange: MethodDefinition<_membergraph_points_v1_RecordCampaignCalendarChangeRequest, _membergraph_points_v1_RecordCampaignCalendarChangeResponse, _membergraph_points_v1_RecordCampaignCalendarChangeRequest__Output, _membergraph_points_v1_RecordCampaignCalendarChangeResponse__Output>
  RecordMemberTiers: MethodDefinition<_membergraph_points_v1_RecordMemberTiersRequest, _membergraph_points_v1_RecordMemberTiersResponse, _membergraph_points_v1_RecordMemberTiersRequest__Output, _membergraph_points_v1_RecordMemberTiersResponse__Output>
  RecordTierLadderChange: MethodDefinition<_membergraph_points_v1_RecordTierLadderChangeRequest, _membergraph_points_v1_RecordTierLadderChangeResponse, _membergraph_points_v1_RecordTierLadderChangeRequest__Output, _membergraph_points_v1_RecordTierLadderChangeResponse__Output>
  ReleasePoints: MethodDefinition<_membergraph_points_v1_ReleasePointsRequest, _membergraph_points_v1_ReleasePointsResponse, _membergraph_points_v1_ReleasePointsRequest__Output, _membergraph_points_v1_ReleasePointsResponse__Output>
  StreamPurchaseStats: MethodDefinition<_membergraph_points_v1_StreamPurchaseStatsRequest, _membergraph_points_v1_PurchaseStatsBatch, _membergraph_points_v1_StreamPurchaseStatsRequest__Output, _membergraph_points_v1_PurchaseStatsBatch__Output>
}
