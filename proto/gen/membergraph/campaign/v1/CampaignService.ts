// Original file: proto/campaign.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { GetActivityCoefficientRequest as _membergraph_campaign_v1_GetActivityCoefficientRequest, GetActivityCoefficientRequest__Output as _membergraph_campaign_v1_GetActivityCoefficientRequest__Output } from '../../../membergraph/campaign/v1/GetActivityCoefficientRequest';
import type { GetActivityCoefficientResponse as _membergraph_campaign_v1_GetActivityCoefficientResponse, GetActivityCoefficientResponse__Output as _membergraph_campaign_v1_GetActivityCoefficientResponse__Output } from '../../../membergraph/campaign/v1/GetActivityCoefficientResponse';
import type { GetMemberEngagementRequest as _membergraph_campaign_v1_GetMemberEngagementRequest, GetMemberEngagementRequest__Output as _membergraph_campaign_v1_GetMemberEngagementRequest__Output } from '../../../membergraph/campaign/v1/GetMemberEngagementRequest';
import type { GetMemberEngagementResponse as _membergraph_campaign_v1_GetMemberEngagementResponse, GetMemberEngagementResponse__Output as _membergraph_campaign_v1_GetMemberEngagementResponse__Output } from '../../../membergraph/campaign/v1/GetMemberEngagementResponse';
import type { ListEarnCampaignsRequest as _membergraph_campaign_v1_ListEarnCampaignsRequest, ListEarnCampaignsRequest__Output as _membergraph_campaign_v1_ListEarnCampaignsRequest__Output } from '../../../membergraph/campaign/v1/ListEarnCampaignsRequest';
import type { ListEarnCampaignsResponse as _membergraph_campaign_v1_ListEarnCampaignsResponse, ListEarnCampaignsResponse__Output as _membergraph_campaign_v1_ListEarnCampaignsResponse__Output } from '../../../membergraph/campaign/v1/ListEarnCampaignsResponse';
import type { RecordActionRequest as _membergraph_campaign_v1_RecordActionRequest, RecordActionRequest__Output as _membergraph_campaign_v1_RecordActionRequest__Output } from '../../../membergraph/campaign/v1/RecordActionRequest';
import type { RecordActionResponse as _membergraph_campaign_v1_RecordActionResponse, RecordActionResponse__Output as _membergraph_campaign_v1_RecordActionResponse__Output } from '../../../membergraph/campaign/v1/RecordActionResponse';
import type { RecordRegistrationRequest as _membergraph_campaign_v1_RecordRegistrationRequest, RecordRegistrationRequest__Output as _membergraph_campaign_v1_RecordRegistrationRequest__Output } from '../../../membergraph/campaign/v1/RecordRegistrationRequest';
import type { RecordRegistrationResponse as _membergraph_campaign_v1_RecordRegistrationResponse, RecordRegistrationResponse__Output as _membergraph_campaign_v1_RecordRegistrationResponse__Output } from '../../../membergraph/campaign/v1/RecordRegistrationResponse';
import type { ResolveReferralCodeRequest as _membergraph_campaign_v1_ResolveReferralCodeRequest, ResolveReferralCodeRequest__Output as _membergraph_campaign_v1_ResolveReferralCodeRequest__Output } from '../../../membergraph/campaign/v1/ResolveReferralCodeRequest';
import type { ResolveReferralCodeResponse as _membergraph_campaign_v1_ResolveReferralCodeResponse, ResolveReferralCodeResponse__Output as _membergraph_campaign_v1_ResolveReferralCodeResponse__Output } from '../../../membergraph/campaign/v1/ResolveReferralCodeResponse';
import type { ReturnBudgetRequest as _membergraph_campaign_v1_ReturnBudgetRequest, ReturnBudgetRequest__Output as _membergraph_campaign_v1_ReturnBudgetRequest__Output } from '../../../membergraph/campaign/v1/ReturnBudgetRequest';
import type { ReturnBudgetResponse as _membergraph_campaign_v1_ReturnBudgetResponse, ReturnBudgetResponse__Output as _membergraph_campaign_v1_ReturnBudgetResponse__Output } from '../../../membergraph/campaign/v1/ReturnBudgetResponse';

export interface CampaignServiceClient extends grpc.Client {
  /**
   * The activity coefficient that applies to a member's earn: the live MULTIPLIER campaigns whose
   * targeting admits the member and the order (tier, channel, store, segment, marketing consent),
   * combined (max by default, or product; a programme setting). 1.0 when none applies.
   * With order_ref and the earn's figures, a campaign with a points budget reserves the extra points
   * it grants (points at its coefficient minus points at 1.0, the points service's own formula);
   * a campaign whose budget cannot cover them does not apply. The answer is stored per order_ref, so
   * a retry answers the same and spends nothing again: retryable although it writes.
   */
  GetActivityCoefficient(argument: _membergraph_campaign_v1_GetActivityCoefficientRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_campaign_v1_GetActivityCoefficientResponse__Output>): grpc.ClientUnaryCall;
  GetActivityCoefficient(argument: _membergraph_campaign_v1_GetActivityCoefficientRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_membergraph_campaign_v1_GetActivityCoefficientResponse__Output>): grpc.ClientUnaryCall;
  GetActivityCoefficient(argument: _membergraph_campaign_v1_GetActivityCoefficientRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_campaign_v1_GetActivityCoefficientResponse__Output>): grpc.ClientUnaryCall;
  GetActivityCoefficient(argument: _membergraph_campaign_v1_GetActivityCoefficientRequest, callback: grpc.requestCallback<_membergraph_campaign_v1_GetActivityCoefficientResponse__Output>): grpc.ClientUnaryCall;
  /**
   * The activity coefficient that applies to a member's earn: the live MULTIPLIER campaigns whose
   * targeting admits the member and the order (tier, channel, store, segment, marketing consent),
   * combined (max by default, or product; a programme setting). 1.0 when none applies.
   * With order_ref and the earn's figures, a campaign with a points budget reserves the extra points
   * it grants (points at its coefficient minus points at 1.0, the points service's own formula);
   * a campaign whose budget cannot cover them does not apply. The answer is stored per order_ref, so
   * a retry answers the same and spends nothing again: retryable although it writes.
   */
  getActivityCoefficient(argument: _membergraph_campaign_v1_GetActivityCoefficientRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_campaign_v1_GetActivityCoefficientResponse__Output>): grpc.ClientUnaryCall;
  getActivityCoefficient(argument: _membergraph_campaign_v1_GetActivityCoefficientRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_membergraph_campaign_v1_GetActivityCoefficientResponse__Output>): grpc.ClientUnaryCall;
  getActivityCoefficient(argument: _membergraph_campaign_v1_GetActivityCoefficientRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_campaign_v1_GetActivityCoefficientResponse__Output>): grpc.ClientUnaryCall;
  getActivityCoefficient(argument: _membergraph_campaign_v1_GetActivityCoefficientRequest, callback: grpc.requestCallback<_membergraph_campaign_v1_GetActivityCoefficientResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Members' engagement with campaigns for the risk service's churn model and health score, batched
   * by member id (risk asks for each page of points' ListMemberActivity): every dated event the
   * campaign service holds for each member in [since, before). Check-ins are not here: points owns
   * them (its ledger's CHECK_IN entries, in ListMemberActivity), and a check-in counted by a check-in
   * campaign would otherwise be counted twice. A read; BAD_USER_INPUT beyond 1000 ids.
   * (risk → campaign: campaign asks risk only to assess actions, never for these, so no cycle waits.)
   */
  GetMemberEngagement(argument: _membergraph_campaign_v1_GetMemberEngagementRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_campaign_v1_GetMemberEngagementResponse__Output>): grpc.ClientUnaryCall;
  GetMemberEngagement(argument: _membergraph_campaign_v1_GetMemberEngagementRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_membergraph_campaign_v1_GetMemberEngagementResponse__Output>): grpc.ClientUnaryCall;
  GetMemberEngagement(argument: _membergraph_campaign_v1_GetMemberEngagementRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_campaign_v1_GetMemberEngagementResponse__Output>): grpc.ClientUnaryCall;
  GetMemberEngagement(argument: _membergraph_campaign_v1_GetMemberEngagementRequest, callback: grpc.requestCallback<_membergraph_campaign_v1_GetMemberEngagementResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Members' engagement with campaigns for the risk service's churn model and health score, batched
   * by member id (risk asks for each page of points' ListMemberActivity): every dated event the
   * campaign service holds for each member in [since, before). Check-ins are not here: points owns
   * them (its ledger's CHECK_IN entries, in ListMemberActivity), and a check-in counted by a check-in
   * campaign would otherwise be counted twice. A read; BAD_USER_INPUT beyond 1000 ids.
   * (risk → campaign: campaign asks risk only to assess actions, never for these, so no cycle waits.)
   */
  getMemberEngagement(argument: _membergraph_campaign_v1_GetMemberEngagementRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_campaign_v1_GetMemberEngagementResponse__Output>): grpc.ClientUnaryCall;
  getMemberEngagement(argument: _membergraph_campaign_v1_GetMemberEngagementRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_membergraph_campaign_v1_GetMemberEngagementResponse__Output>): grpc.ClientUnaryCall;
  getMemberEngagement(argument: _membergraph_campaign_v1_GetMemberEngagementRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_campaign_v1_GetMemberEngagementResponse__Output>): grpc.ClientUnaryCall;
  getMemberEngagement(argument: _membergraph_campaign_v1_GetMemberEngagementRequest, callback: grpc.requestCallback<_membergraph_campaign_v1_GetMemberEngagementResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * The campaign calendar an earn's coefficient depends on, for the points service to compute the
   * coefficient itself when no campaign needs this service (points → campaign, a read; points holds
   * the answer for CAMPAIGN_CALENDAR_TTL_MS and reads it again at once after
   * PointsService.RecordCampaignCalendarChange): every SCHEDULED MULTIPLIER campaign that ends after
   * holds_from_epoch_ms with its window, coefficient, budget and targeting, the combination rule in
   * force, and what else an order does here (counts as a first mini-program order, qualifies a
   * referral). Points still asks GetActivityCoefficient for every order this cannot answer alone
   * (a budgeted, segment or consent campaign applies, an order before holds_from_epoch_ms, an order
   * that counts as an action here).
   */
  ListEarnCampaigns(argument: _membergraph_campaign_v1_ListEarnCampaignsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_campaign_v1_ListEarnCampaignsResponse__Output>): grpc.ClientUnaryCall;
  ListEarnCampaigns(argument: _membergraph_campaign_v1_ListEarnCampaignsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_membergraph_campaign_v1_ListEarnCampaignsResponse__Output>): grpc.ClientUnaryCall;
  ListEarnCampaigns(argument: _membergraph_campaign_v1_ListEarnCampaignsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_campaign_v1_ListEarnCampaignsResponse__Output>): grpc.ClientUnaryCall;
  ListEarnCampaigns(argument: _membergraph_campaign_v1_ListEarnCampaignsRequest, callback: grpc.requestCallback<_membergraph_campaign_v1_ListEarnCampaignsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * The campaign calendar an earn's coefficient depends on, for the points service to compute the
   * coefficient itself when no campaign needs this service (points → campaign, a read; points holds
   * the answer for CAMPAIGN_CALENDAR_TTL_MS and reads it again at once after
   * PointsService.RecordCampaignCalendarChange): every SCHEDULED MULTIPLIER campaign that ends after
   * holds_from_epoch_ms with its window, coefficient, budget and targeting, the combination rule in
   * force, and what else an order does here (counts as a first mini-program order, qualifies a
   * referral). Points still asks GetActivityCoefficient for every order this cannot answer alone
   * (a budgeted, segment or consent campaign applies, an order before holds_from_epoch_ms, an order
   * that counts as an action here).
   */
  listEarnCampaigns(argument: _membergraph_campaign_v1_ListEarnCampaignsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_campaign_v1_ListEarnCampaignsResponse__Output>): grpc.ClientUnaryCall;
  listEarnCampaigns(argument: _membergraph_campaign_v1_ListEarnCampaignsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_membergraph_campaign_v1_ListEarnCampaignsResponse__Output>): grpc.ClientUnaryCall;
  listEarnCampaigns(argument: _membergraph_campaign_v1_ListEarnCampaignsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_campaign_v1_ListEarnCampaignsResponse__Output>): grpc.ClientUnaryCall;
  listEarnCampaigns(argument: _membergraph_campaign_v1_ListEarnCampaignsRequest, callback: grpc.requestCallback<_membergraph_campaign_v1_ListEarnCampaignsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * A member's action that BONUS, TASK and CHECK_IN_STREAK campaigns count (points → campaign for a
   * check-in, member → campaign from its outbox for a completed profile). Counted once per campaign,
   * member and ref, so a retry changes nothing; rewards now due are granted from the campaign's
   * outbox (points, coupons), within each campaign's budgets.
   */
  RecordAction(argument: _membergraph_campaign_v1_RecordActionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_campaign_v1_RecordActionResponse__Output>): grpc.ClientUnaryCall;
  RecordAction(argument: _membergraph_campaign_v1_RecordActionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_membergraph_campaign_v1_RecordActionResponse__Output>): grpc.ClientUnaryCall;
  RecordAction(argument: _membergraph_campaign_v1_RecordActionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_campaign_v1_RecordActionResponse__Output>): grpc.ClientUnaryCall;
  RecordAction(argument: _membergraph_campaign_v1_RecordActionRequest, callback: grpc.requestCallback<_membergraph_campaign_v1_RecordActionResponse__Output>): grpc.ClientUnaryCall;
  /**
   * A member's action that BONUS, TASK and CHECK_IN_STREAK campaigns count (points → campaign for a
   * check-in, member → campaign from its outbox for a completed profile). Counted once per campaign,
   * member and ref, so a retry changes nothing; rewards now due are granted from the campaign's
   * outbox (points, coupons), within each campaign's budgets.
   */
  recordAction(argument: _membergraph_campaign_v1_RecordActionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_campaign_v1_RecordActionResponse__Output>): grpc.ClientUnaryCall;
  recordAction(argument: _membergraph_campaign_v1_RecordActionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_membergraph_campaign_v1_RecordActionResponse__Output>): grpc.ClientUnaryCall;
  recordAction(argument: _membergraph_campaign_v1_RecordActionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_campaign_v1_RecordActionResponse__Output>): grpc.ClientUnaryCall;
  recordAction(argument: _membergraph_campaign_v1_RecordActionRequest, callback: grpc.requestCallback<_membergraph_campaign_v1_RecordActionResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * A member registered (sent from the member service's outbox, at least once): attributes them to
   * the inviter of referral_code when it is valid and the registration falls within the attribution
   * window, starts the referral ladder when registration is the qualifying event, and issues the
   * POS scan-to-register coupon. Exactly once per member: a repeat answers the first result.
   * The rewards this starts reach member (GrantTier), points and benefits from the campaign's own
   * outbox, never inside this call's transaction.
   */
  RecordRegistration(argument: _membergraph_campaign_v1_RecordRegistrationRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_campaign_v1_RecordRegistrationResponse__Output>): grpc.ClientUnaryCall;
  RecordRegistration(argument: _membergraph_campaign_v1_RecordRegistrationRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_membergraph_campaign_v1_RecordRegistrationResponse__Output>): grpc.ClientUnaryCall;
  RecordRegistration(argument: _membergraph_campaign_v1_RecordRegistrationRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_campaign_v1_RecordRegistrationResponse__Output>): grpc.ClientUnaryCall;
  RecordRegistration(argument: _membergraph_campaign_v1_RecordRegistrationRequest, callback: grpc.requestCallback<_membergraph_campaign_v1_RecordRegistrationResponse__Output>): grpc.ClientUnaryCall;
  /**
   * A member registered (sent from the member service's outbox, at least once): attributes them to
   * the inviter of referral_code when it is valid and the registration falls within the attribution
   * window, starts the referral ladder when registration is the qualifying event, and issues the
   * POS scan-to-register coupon. Exactly once per member: a repeat answers the first result.
   * The rewards this starts reach member (GrantTier), points and benefits from the campaign's own
   * outbox, never inside this call's transaction.
   */
  recordRegistration(argument: _membergraph_campaign_v1_RecordRegistrationRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_campaign_v1_RecordRegistrationResponse__Output>): grpc.ClientUnaryCall;
  recordRegistration(argument: _membergraph_campaign_v1_RecordRegistrationRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_membergraph_campaign_v1_RecordRegistrationResponse__Output>): grpc.ClientUnaryCall;
  recordRegistration(argument: _membergraph_campaign_v1_RecordRegistrationRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_campaign_v1_RecordRegistrationResponse__Output>): grpc.ClientUnaryCall;
  recordRegistration(argument: _membergraph_campaign_v1_RecordRegistrationRequest, callback: grpc.requestCallback<_membergraph_campaign_v1_RecordRegistrationResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * The member a referral code belongs to, so a registration carrying an unknown code is refused
   * before anything is written (member → campaign, a read inside sign-in; NOT_FOUND when unknown).
   */
  ResolveReferralCode(argument: _membergraph_campaign_v1_ResolveReferralCodeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_campaign_v1_ResolveReferralCodeResponse__Output>): grpc.ClientUnaryCall;
  ResolveReferralCode(argument: _membergraph_campaign_v1_ResolveReferralCodeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_membergraph_campaign_v1_ResolveReferralCodeResponse__Output>): grpc.ClientUnaryCall;
  ResolveReferralCode(argument: _membergraph_campaign_v1_ResolveReferralCodeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_campaign_v1_ResolveReferralCodeResponse__Output>): grpc.ClientUnaryCall;
  ResolveReferralCode(argument: _membergraph_campaign_v1_ResolveReferralCodeRequest, callback: grpc.requestCallback<_membergraph_campaign_v1_ResolveReferralCodeResponse__Output>): grpc.ClientUnaryCall;
  /**
   * The member a referral code belongs to, so a registration carrying an unknown code is refused
   * before anything is written (member → campaign, a read inside sign-in; NOT_FOUND when unknown).
   */
  resolveReferralCode(argument: _membergraph_campaign_v1_ResolveReferralCodeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_campaign_v1_ResolveReferralCodeResponse__Output>): grpc.ClientUnaryCall;
  resolveReferralCode(argument: _membergraph_campaign_v1_ResolveReferralCodeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_membergraph_campaign_v1_ResolveReferralCodeResponse__Output>): grpc.ClientUnaryCall;
  resolveReferralCode(argument: _membergraph_campaign_v1_ResolveReferralCodeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_campaign_v1_ResolveReferralCodeResponse__Output>): grpc.ClientUnaryCall;
  resolveReferralCode(argument: _membergraph_campaign_v1_ResolveReferralCodeRequest, callback: grpc.requestCallback<_membergraph_campaign_v1_ResolveReferralCodeResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Gives back budget an order reserved with GetActivityCoefficient but does not keep, to every
   * budgeted campaign it was reserved from: all of it when the earn was refused before the order
   * was recorded (reservation_id set; the stored answer is then forgotten, so a retry of the order
   * reserves afresh), or the refunded share of it when the order is refunded. Never below zero,
   * never more than was reserved for the order. Exactly once by key: a repeat gives back nothing
   * more and answers the first result, so it is retryable.
   */
  ReturnBudget(argument: _membergraph_campaign_v1_ReturnBudgetRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_campaign_v1_ReturnBudgetResponse__Output>): grpc.ClientUnaryCall;
  ReturnBudget(argument: _membergraph_campaign_v1_ReturnBudgetRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_membergraph_campaign_v1_ReturnBudgetResponse__Output>): grpc.ClientUnaryCall;
  ReturnBudget(argument: _membergraph_campaign_v1_ReturnBudgetRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_campaign_v1_ReturnBudgetResponse__Output>): grpc.ClientUnaryCall;
  ReturnBudget(argument: _membergraph_campaign_v1_ReturnBudgetRequest, callback: grpc.requestCallback<_membergraph_campaign_v1_ReturnBudgetResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Gives back budget an order reserved with GetActivityCoefficient but does not keep, to every
   * budgeted campaign it was reserved from: all of it when the earn was refused before the order
   * was recorded (reservation_id set; the stored answer is then forgotten, so a retry of the order
   * reserves afresh), or the refunded share of it when the order is refunded. Never below zero,
   * never more than was reserved for the order. Exactly once by key: a repeat gives back nothing
   * more and answers the first result, so it is retryable.
   */
  returnBudget(argument: _membergraph_campaign_v1_ReturnBudgetRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_campaign_v1_ReturnBudgetResponse__Output>): grpc.ClientUnaryCall;
  returnBudget(argument: _membergraph_campaign_v1_ReturnBudgetRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_membergraph_campaign_v1_ReturnBudgetResponse__Output>): grpc.ClientUnaryCall;
  returnBudget(argument: _membergraph_campaign_v1_ReturnBudgetRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_campaign_v1_ReturnBudgetResponse__Output>): grpc.ClientUnaryCall;
  returnBudget(argument: _membergraph_campaign_v1_ReturnBudgetRequest, callback: grpc.requestCallback<_membergraph_campaign_v1_ReturnBudgetResponse__Output>): grpc.ClientUnaryCall;
  
}

export interface CampaignServiceHandlers extends grpc.UntypedServiceImplementation {
  /**
   * The activity coefficient that applies to a member's earn: the live MULTIPLIER campaigns whose
   * targeting admits the member and the order (tier, channel, store, segment, marketing consent),
   * combined (max by default, or product; a programme setting). 1.0 when none applies.
   * With order_ref and the earn's figures, a campaign with a points budget reserves the extra points
   * it grants (points at its coefficient minus points at 1.0, the points service's own formula);
   * a campaign whose budget cannot cover them does not apply. The answer is stored per order_ref, so
   * a retry answers the same and spends nothing again: retryable although it writes.
   */
  GetActivityCoefficient: grpc.handleUnaryCall<_membergraph_campaign_v1_GetActivityCoefficientRequest__Output, _membergraph_campaign_v1_GetActivityCoefficientResponse>;
  
  /**
   * Members' engagement with campaigns for the risk service's churn model and health score, batched
   * by member id (risk asks for each page of points' ListMemberActivity): every dated event the
   * campaign service holds for each member in [since, before). Check-ins are not here: points owns
   * them (its ledger's CHECK_IN entries, in ListMemberActivity), and a check-in counted by a check-in
   * campaign would otherwise be counted twice. A read; BAD_USER_INPUT beyond 1000 ids.
   * (risk → campaign: campaign asks risk only to assess actions, never for these, so no cycle waits.)
   */
  GetMemberEngagement: grpc.handleUnaryCall<_membergraph_campaign_v1_GetMemberEngagementRequest__Output, _membergraph_campaign_v1_GetMemberEngagementResponse>;
  
  /**
   * The campaign calendar an earn's coefficient depends on, for the points service to compute the
   * coefficient itself when no campaign needs this service (points → campaign, a read; points holds
   * the answer for CAMPAIGN_CALENDAR_TTL_MS and reads it again at once after
   * PointsService.RecordCampaignCalendarChange): every SCHEDULED MULTIPLIER campaign that ends after
   * holds_from_epoch_ms with its window, coefficient, budget and targeting, the combination rule in
   * force, and what else an order does here (counts as a first mini-program order, qualifies a
   * referral). Points still asks GetActivityCoefficient for every order this cannot answer alone
   * (a budgeted, segment or consent campaign applies, an order before holds_from_epoch_ms, an order
   * that counts as an action here).
   */
  ListEarnCampaigns: grpc.handleUnaryCall<_membergraph_campaign_v1_ListEarnCampaignsRequest__Output, _membergraph_campaign_v1_ListEarnCampaignsResponse>;
  
  /**
   * A member's action that BONUS, TASK and CHECK_IN_STREAK campaigns count (points → campaign for a
   * check-in, member → campaign from its outbox for a completed profile). Counted once per campaign,
   * member and ref, so a retry changes nothing; rewards now due are granted from the campaign's
   * outbox (points, coupons), within each campaign's budgets.
   */
  RecordAction: grpc.handleUnaryCall<_membergraph_campaign_v1_RecordActionRequest__Output, _membergraph_campaign_v1_RecordActionResponse>;
  
  /**
   * A member registered (sent from the member service's outbox, at least once): attributes them to
   * the inviter of referral_code when it is valid and the registration falls within the attribution
   * window, starts the referral ladder when registration is the qualifying event, and issues the
   * POS scan-to-register coupon. Exactly once per member: a repeat answers the first result.
   * The rewards this starts reach member (GrantTier), points and benefits from the campaign's own
   * outbox, never inside this call's transaction.
   */
  RecordRegistration: grpc.handleUnaryCall<_membergraph_campaign_v1_RecordRegistrationRequest__Output, _membergraph_campaign_v1_RecordRegistrationResponse>;
  
  /**
   * The member a referral code belongs to, so a registration carrying an unknown code is refused
   * before anything is written (member → campaign, a read inside sign-in; NOT_FOUND when unknown).
   */
  ResolveReferralCode: grpc.handleUnaryCall<_membergraph_campaign_v1_ResolveReferralCodeRequest__Output, _membergraph_campaign_v1_ResolveReferralCodeResponse>;
  
  /**
   * Gives back budget an order reserved with GetActivityCoefficient but does not keep, to every
   * budgeted campaign it was reserved from: all of it when the earn was refused before the order
   * was recorded (reservation_id set; the stored answer is then forgotten, so a retry of the order
   * reserves afresh), or the refunded share of it when the order is refunded. Never below zero,
   * never more than was reserved for the order. Exactly once by key: a repeat gives back nothing
   * more and answers the first result, so it is retryable.
   */
  ReturnBudget: grpc.handleUnaryCall<_membergraph_campaign_v1_ReturnBudgetRequest__Output, _membergraph_campaign_v1_ReturnBudgetResponse>;
  
}

export interface CampaignServiceDefinition extends grpc.ServiceDefinition {
  GetActivityCoefficient: MethodDefinition<_membergraph_campaign_v1_GetActivityCoefficientRequest, _membergraph_campaign_v1_GetActivityCoefficientResponse, _membergraph_campaign_v1_GetActivityCoefficientRequest__Output, _membergraph_campaign_v1_GetActivityCoefficientResponse__Output>
  GetMemberEngagement: MethodDefinition<_membergraph_campaign_v1_GetMemberEngagementRequest, _membergraph_campaign_v1_GetMemberEngagementResponse, _membergraph_campaign_v1_GetMemberEngagementRequest__Output, _membergraph_campaign_v1_GetMemberEngagementResponse__Output>
  ListEarnCampaigns: MethodDefinition<_membergraph_campaign_v1_ListEarnCampaignsRequest, _membergraph_campaign_v1_ListEarnCampaignsResponse, _membergraph_campaign_v1_ListEarnCampaignsRequest__Output, _membergraph_campaign_v1_ListEarnCampaignsResponse__Output>
  RecordAction: MethodDefinition<_membergraph_campaign_v1_RecordActionRequest, _membergraph_campaign_v1_RecordActionResponse, _membergraph_campaign_v1_RecordActionRequest__Output, _membergraph_campaign_v1_RecordActionResponse__Output>
  RecordRegistration: MethodDefinition<_membergraph_campaign_v1_RecordRegistrationRequest, _membergraph_campaign_v1_RecordRegistrationResponse, _membergraph_campaign_v1_RecordRegistrationRequest__Output, _membergraph_campaign_v1_RecordRegistrationResponse__Output>
  ResolveReferralCode: MethodDefinition<_membergraph_campaign_v1_ResolveReferralCodeRequest, _membergraph_campaign_v1_ResolveReferralCodeResponse, _membergraph_campaign_v1_ResolveReferralCodeRequest__Output, _membergraph_campaign_v1_ResolveReferralCodeResponse__Output>
  ReturnBudget: MethodDefinition<_membergraph_campaign_v1_ReturnBudgetRequest, _membergraph_campaign_v1_ReturnBudgetResponse, _membergraph_campaign_v1_ReturnBudgetRequest__Output, _membergraph_campaign_v1_ReturnBudgetResponse__Output>
}
