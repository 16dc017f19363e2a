// Original file: proto/member.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { CountRegistrationsRequest as _membergraph_member_v1_CountRegistrationsRequest, CountRegistrationsRequest__Output as _membergraph_member_v1_CountRegistrationsRequest__Output } from '../../../membergraph/member/v1/CountRegistrationsRequest';
import type { CountRegistrationsResponse as _membergraph_member_v1_CountRegistrationsResponse, CountRegistrationsResponse__Output as _membergraph_member_v1_CountRegistrationsResponse__Output } from '../../../membergraph/member/v1/CountRegistrationsResponse';
import type { GetConsentsRequest as _membergraph_member_v1_GetConsentsRequest, GetConsentsRequest__Output as _membergraph_member_v1_GetConsentsRequest__Output } from '../../../membergraph/member/v1/GetConsentsRequest';
import type { GetConsentsResponse as _membergraph_member_v1_GetConsentsResponse, GetConsentsResponse__Output as _membergraph_member_v1_GetConsentsResponse__Output } from '../../../membergraph/member/v1/GetConsentsResponse';
import type { GetMemberTiersRequest as _membergraph_member_v1_GetMemberTiersRequest, GetMemberTiersRequest__Output as _membergraph_member_v1_GetMemberTiersRequest__Output } from '../../../membergraph/member/v1/GetMemberTiersRequest';
import type { GetMemberTiersResponse as _membergraph_member_v1_GetMemberTiersResponse, GetMemberTiersResponse__Output as _membergraph_member_v1_GetMemberTiersResponse__Output } from '../../../membergraph/member/v1/GetMemberTiersResponse';
import type { GrantTierRequest as _membergraph_member_v1_GrantTierRequest, GrantTierRequest__Output as _membergraph_member_v1_GrantTierRequest__Output } from '../../../membergraph/member/v1/GrantTierRequest';
import type { ListBirthdaysRequest as _membergraph_member_v1_ListBirthdaysRequest, ListBirthdaysRequest__Output as _membergraph_member_v1_ListBirthdaysRequest__Output } from '../../../membergraph/member/v1/ListBirthdaysRequest';
import type { ListBirthdaysResponse as _membergraph_member_v1_ListBirthdaysResponse, ListBirthdaysResponse__Output as _membergraph_member_v1_ListBirthdaysResponse__Output } from '../../../membergraph/member/v1/ListBirthdaysResponse';
import type { ListTiersRequest as _membergraph_member_v1_ListTiersRequest, ListTiersRequest__Output as _membergraph_member_v1_ListTiersRequest__Output } from '../../../membergraph/member/v1/ListTiersRequest';
import type { ListTiersResponse as _membergraph_member_v1_ListTiersResponse, ListTiersResponse__Output as _membergraph_member_v1_ListTiersResponse__Output } from '../../../membergraph/member/v1/ListTiersResponse';
import type { RecordQualifyingActivitiesRequest as _membergraph_member_v1_RecordQualifyingActivitiesRequest, RecordQualifyingActivitiesRequest__Output as _membergraph_member_v1_RecordQualifyingActivitiesRequest__Output } from '../../../membergraph/member/v1/RecordQualifyingActivitiesRequest';
import type { RecordQualifyingActivitiesResponse as _membergraph_member_v1_RecordQualifyingActivitiesResponse, RecordQualifyingActivitiesResponse__Output as _membergraph_member_v1_RecordQualifyingActivitiesResponse__Output } from '../../../membergraph/member/v1/RecordQualifyingActivitiesResponse';
import type { RecordQualifyingActivityRequest as _membergraph_member_v1_RecordQualifyingActivityRequest, RecordQualifyingActivityRequest__Output as _membergraph_member_v1_RecordQualifyingActivityRequest__Output } from '../../../membergraph/member/v1/RecordQualifyingActivityRequest';
import type { ReevaluateTierRequest as _membergraph_member_v1_ReevaluateTierRequest, ReevaluateTierRequest__Output as _membergraph_member_v1_ReevaluateTierRequest__Output } from '../../../membergraph/member/v1/ReevaluateTierRequest';
import type { ResolvePartnerMembersRequest as _membergraph_member_v1_ResolvePartnerMembersRequest, ResolvePartnerMembersRequest__Output as _membergraph_member_v1_ResolvePartnerMembersRequest__Output } from '../../../membergraph/member/v1/ResolvePartnerMembersRequest';
import type { ResolvePartnerMembersResponse as _membergraph_member_v1_ResolvePartnerMembersResponse, ResolvePartnerMembersResponse__Output as _membergraph_member_v1_ResolvePartnerMembersResponse__Output } from '../../../membergraph/member/v1/ResolvePartnerMembersResponse';
import type { SegmentProfileBatch as _membergraph_member_v1_SegmentProfileBatch, SegmentProfileBatch__Output as _membergraph_member_v1_SegmentProfileBatch__Output } from '../../../membergraph/member/v1/SegmentProfileBatch';
import type { StreamSegmentProfilesRequest as _membergraph_member_v1_StreamSegmentProfilesRequest, StreamSegmentProfilesRequest__Output as _membergraph_member_v1_StreamSegmentProfilesRequest__Output } from '../../../membergraph/member/v1/StreamSegmentProfilesRequest';
import type { TierDecision as _membergraph_member_v1_TierDecision, TierDecision__Output as _membergraph_member_v1_TierDecision__Output } from '../../../membergraph/member/v1/TierDecision';
import type { VerifyPartnerKeyRequest as _membergraph_member_v1_VerifyPartnerKeyRequest, VerifyPartnerKeyRequest__Output as _membergraph_member_v1_VerifyPartnerKeyRequest__Output } from '../../../membergraph/member/v1/VerifyPartnerKeyRequest';
import type { VerifyPartnerKeyResponse as _membergraph_member_v1_VerifyPartnerKeyResponse, VerifyPartnerKeyResponse__Output as _membergraph_member_v1_VerifyPartnerKeyResponse__Output } from '../../../membergraph/member/v1/VerifyPartnerKeyResponse';

export interface MemberServiceClient extends grpc.Client {
  /**
   * Members registered per channel in [from, to): the "members acquired" of channel CAC.
   */
  CountRegistrations(argument: _membergraph_member_v1_CountRegistrationsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_member_v1_CountRegistrationsResponse__Output>): grpc.ClientUnaryCall;
  CountRegistrations(argument: _membergraph_member_v1_CountRegistrationsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_membergraph_member_v1_CountRegistrationsResponse__Output>): grpc.ClientUnaryCall;
  CountRegistrations(argument: _membergraph_member_v1_CountRegistrationsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_member_v1_CountRegistrationsResponse__Output>): grpc.ClientUnaryCall;
  CountRegistrations(argument: _membergraph_member_v1_CountRegistrationsRequest, callback: grpc.requestCallback<_membergraph_member_v1_CountRegistrationsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Members registered per channel in [from, to): the "members acquired" of channel CAC.
   */
  countRegistrations(argument: _membergraph_member_v1_CountRegistrationsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_member_v1_CountRegistrationsResponse__Output>): grpc.ClientUnaryCall;
  countRegistrations(argument: _membergraph_member_v1_CountRegistrationsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_membergraph_member_v1_CountRegistrationsResponse__Output>): grpc.ClientUnaryCall;
  countRegistrations(argument: _membergraph_member_v1_CountRegistrationsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_member_v1_CountRegistrationsResponse__Output>): grpc.ClientUnaryCall;
  countRegistrations(argument: _membergraph_member_v1_CountRegistrationsRequest, callback: grpc.requestCallback<_membergraph_member_v1_CountRegistrationsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * The consents in force of each member, batched (at most 500 ids) so a caller can put it behind a
   * DataLoader: campaign targeting leaves out a member without MARKETING. Every purpose is opt-in,
   * so a purpose not listed is not given. Unknown and merged ids are left out of the answer.
   */
  GetConsents(argument: _membergraph_member_v1_GetConsentsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_member_v1_GetConsentsResponse__Output>): grpc.ClientUnaryCall;
  GetConsents(argument: _membergraph_member_v1_GetConsentsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_membergraph_member_v1_GetConsentsResponse__Output>): grpc.ClientUnaryCall;
  GetConsents(argument: _membergraph_member_v1_GetConsentsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_member_v1_GetConsentsResponse__Output>): grpc.ClientUnaryCall;
  GetConsents(argument: _membergraph_member_v1_GetConsentsRequest, callback: grpc.requestCallback<_membergraph_member_v1_GetConsentsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * The consents in force of each member, batched (at most 500 ids) so a caller can put it behind a
   * DataLoader: campaign targeting leaves out a member without MARKETING. Every purpose is opt-in,
   * so a purpose not listed is not given. Unknown and merged ids are left out of the answer.
   */
  getConsents(argument: _membergraph_member_v1_GetConsentsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_member_v1_GetConsentsResponse__Output>): grpc.ClientUnaryCall;
  getConsents(argument: _membergraph_member_v1_GetConsentsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_membergraph_member_v1_GetConsentsResponse__Output>): grpc.ClientUnaryCall;
  getConsents(argument: _membergraph_member_v1_GetConsentsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_member_v1_GetConsentsResponse__Output>): grpc.ClientUnaryCall;
  getConsents(argument: _membergraph_member_v1_GetConsentsRequest, callback: grpc.requestCallback<_membergraph_member_v1_GetConsentsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Tier and points multiplier of each member, batched so a caller can put it behind a DataLoader.
   * Unknown ids are left out of the answer (the caller decides whether that is NOT_FOUND).
   */
  GetMemberTiers(argument: _membergraph_member_v1_GetMemberTiersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_member_v1_GetMemberTiersResponse__Output>): grpc.ClientUnaryCall;
  GetMemberTiers(argument: _membergraph_member_v1_GetMemberTiersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_membergraph_member_v1_GetMemberTiersResponse__Output>): grpc.ClientUnaryCall;
  GetMemberTiers(argument: _membergraph_member_v1_GetMemberTiersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_member_v1_GetMemberTiersResponse__Output>): grpc.ClientUnaryCall;
  GetMemberTiers(argument: _membergraph_member_v1_GetMemberTiersRequest, callback: grpc.requestCallback<_membergraph_member_v1_GetMemberTiersResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Tier and points multiplier of each member, batched so a caller can put it behind a DataLoader.
   * Unknown ids are left out of the answer (the caller decides whether that is NOT_FOUND).
   */
  getMemberTiers(argument: _membergraph_member_v1_GetMemberTiersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_member_v1_GetMemberTiersResponse__Output>): grpc.ClientUnaryCall;
  getMemberTiers(argument: _membergraph_member_v1_GetMemberTiersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_membergraph_member_v1_GetMemberTiersResponse__Output>): grpc.ClientUnaryCall;
  getMemberTiers(argument: _membergraph_member_v1_GetMemberTiersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_member_v1_GetMemberTiersResponse__Output>): grpc.ClientUnaryCall;
  getMemberTiers(argument: _membergraph_member_v1_GetMemberTiersRequest, callback: grpc.requestCallback<_membergraph_member_v1_GetMemberTiersResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * A campaign reward puts a member on a tier (the referral ladder's Gold), recorded in the tier
   * history as GRANT with the reason; once per idempotency_key (a retry changes nothing).
   * campaign → member; the member service reaches the campaign service only from its outbox
   * (registrations), never inside this rpc, so no call waits on a cycle.
   */
  GrantTier(argument: _membergraph_member_v1_GrantTierRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_member_v1_TierDecision__Output>): grpc.ClientUnaryCall;
  GrantTier(argument: _membergraph_member_v1_GrantTierRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_membergraph_member_v1_TierDecision__Output>): grpc.ClientUnaryCall;
  GrantTier(argument: _membergraph_member_v1_GrantTierRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_member_v1_TierDecision__Output>): grpc.ClientUnaryCall;
  GrantTier(argument: _membergraph_member_v1_GrantTierRequest, callback: grpc.requestCallback<_membergraph_member_v1_TierDecision__Output>): grpc.ClientUnaryCall;
  /**
   * A campaign reward puts a member on a tier (the referral ladder's Gold), recorded in the tier
   * history as GRANT with the reason; once per idempotency_key (a retry changes nothing).
   * campaign → member; the member service reaches the campaign service only from its outbox
   * (registrations), never inside this rpc, so no call waits on a cycle.
   */
  grantTier(argument: _membergraph_member_v1_GrantTierRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_member_v1_TierDecision__Output>): grpc.ClientUnaryCall;
  grantTier(argument: _membergraph_member_v1_GrantTierRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_membergraph_member_v1_TierDecision__Output>): grpc.ClientUnaryCall;
  grantTier(argument: _membergraph_member_v1_GrantTierRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_member_v1_TierDecision__Output>): grpc.ClientUnaryCall;
  grantTier(argument: _membergraph_member_v1_GrantTierRequest, callback: grpc.requestCallback<_membergraph_member_v1_TierDecision__Output>): grpc.ClientUnaryCall;
  
  /**
   * The members whose birthday falls on one of month_days, with their tier now, a page at a time
   * in member id order (after_member_id: the last id of the previous page; empty: from the start).
   * The benefits service's birthday job pages through a day with it. Merged-away members are left out.
   */
  ListBirthdays(argument: _membergraph_member_v1_ListBirthdaysRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_member_v1_ListBirthdaysResponse__Output>): grpc.ClientUnaryCall;
  ListBirthdays(argument: _membergraph_member_v1_ListBirthdaysRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_membergraph_member_v1_ListBirthdaysResponse__Output>): grpc.ClientUnaryCall;
  ListBirthdays(argument: _membergraph_member_v1_ListBirthdaysRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_member_v1_ListBirthdaysResponse__Output>): grpc.ClientUnaryCall;
  ListBirthdays(argument: _membergraph_member_v1_ListBirthdaysRequest, callback: grpc.requestCallback<_membergraph_member_v1_ListBirthdaysResponse__Output>): grpc.ClientUnaryCall;
  /**
   * The members whose birthday falls on one of month_days, with their tier now, a page at a time
   * in member id order (after_member_id: the last id of the previous page; empty: from the start).
   * The benefits service's birthday job pages through a day with it. Merged-away members are left out.
   */
  listBirthdays(argument: _membergraph_member_v1_ListBirthdaysRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_member_v1_ListBirthdaysResponse__Output>): grpc.ClientUnaryCall;
  listBirthdays(argument: _membergraph_member_v1_ListBirthdaysRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_membergraph_member_v1_ListBirthdaysResponse__Output>): grpc.ClientUnaryCall;
  listBirthdays(argument: _membergraph_member_v1_ListBirthdaysRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_member_v1_ListBirthdaysResponse__Output>): grpc.ClientUnaryCall;
  listBirthdays(argument: _membergraph_member_v1_ListBirthdaysRequest, callback: grpc.requestCallback<_membergraph_member_v1_ListBirthdaysResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * The programme's ladder in force now, lowest rank first: the campaign service checks a referral
   * rung's tier reward against its ids when staff edit the referral ladder; the points service
   * holds the rungs (γ, thresholds) for a few seconds to earn without asking for each order. A read.
   */
  ListTiers(argument: _membergraph_member_v1_ListTiersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_member_v1_ListTiersResponse__Output>): grpc.ClientUnaryCall;
  ListTiers(argument: _membergraph_member_v1_ListTiersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_membergraph_member_v1_ListTiersResponse__Output>): grpc.ClientUnaryCall;
  ListTiers(argument: _membergraph_member_v1_ListTiersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_member_v1_ListTiersResponse__Output>): grpc.ClientUnaryCall;
  ListTiers(argument: _membergraph_member_v1_ListTiersRequest, callback: grpc.requestCallback<_membergraph_member_v1_ListTiersResponse__Output>): grpc.ClientUnaryCall;
  /**
   * The programme's ladder in force now, lowest rank first: the campaign service checks a referral
   * rung's tier reward against its ids when staff edit the referral ladder; the points service
   * holds the rungs (γ, thresholds) for a few seconds to earn without asking for each order. A read.
   */
  listTiers(argument: _membergraph_member_v1_ListTiersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_member_v1_ListTiersResponse__Output>): grpc.ClientUnaryCall;
  listTiers(argument: _membergraph_member_v1_ListTiersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_membergraph_member_v1_ListTiersResponse__Output>): grpc.ClientUnaryCall;
  listTiers(argument: _membergraph_member_v1_ListTiersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_member_v1_ListTiersResponse__Output>): grpc.ClientUnaryCall;
  listTiers(argument: _membergraph_member_v1_ListTiersRequest, callback: grpc.requestCallback<_membergraph_member_v1_ListTiersResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * The same reports for many members at once (points' deferred delivery): one TierDecision per
   * report, in the order asked, each as RecordQualifyingActivity would answer it. A report that
   * changes nothing but the figures costs no statement of its own (the batch stores them in one);
   * only members whose tier changes go through the tier engine's locked path. At most 500 reports;
   * a bad report or an unknown member refuses the whole batch, writing nothing. Idempotent like
   * the single rpc: a repeated or older report never overwrites newer figures.
   */
  RecordQualifyingActivities(argument: _membergraph_member_v1_RecordQualifyingActivitiesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_member_v1_RecordQualifyingActivitiesResponse__Output>): grpc.ClientUnaryCall;
  RecordQualifyingActivities(argument: _membergraph_member_v1_RecordQualifyingActivitiesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_membergraph_member_v1_RecordQualifyingActivitiesResponse__Output>): grpc.ClientUnaryCall;
  RecordQualifyingActivities(argument: _membergraph_member_v1_RecordQualifyingActivitiesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_member_v1_RecordQualifyingActivitiesResponse__Output>): grpc.ClientUnaryCall;
  RecordQualifyingActivities(argument: _membergraph_member_v1_RecordQualifyingActivitiesRequest, callback: grpc.requestCallback<_membergraph_member_v1_RecordQualifyingActivitiesResponse__Output>): grpc.ClientUnaryCall;
  /**
   * The same reports for many members at once (points' deferred delivery): one TierDecision per
   * report, in the order asked, each as RecordQualifyingActivity would answer it. A report that
   * changes nothing but the figures costs no statement of its own (the batch stores them in one);
   * only members whose tier changes go through the tier engine's locked path. At most 500 reports;
   * a bad report or an unknown member refuses the whole batch, writing nothing. Idempotent like
   * the single rpc: a repeated or older report never overwrites newer figures.
   */
  recordQualifyingActivities(argument: _membergraph_member_v1_RecordQualifyingActivitiesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_member_v1_RecordQualifyingActivitiesResponse__Output>): grpc.ClientUnaryCall;
  recordQualifyingActivities(argument: _membergraph_member_v1_RecordQualifyingActivitiesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_membergraph_member_v1_RecordQualifyingActivitiesResponse__Output>): grpc.ClientUnaryCall;
  recordQualifyingActivities(argument: _membergraph_member_v1_RecordQualifyingActivitiesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_member_v1_RecordQualifyingActivitiesResponse__Output>): grpc.ClientUnaryCall;
  recordQualifyingActivities(argument: _membergraph_member_v1_RecordQualifyingActivitiesRequest, callback: grpc.requestCallback<_membergraph_member_v1_RecordQualifyingActivitiesResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Points reports a member's qualifying activity (rolling 12 months) after orders and refunds.
   * Crossing a threshold upgrades at once; activity never downgrades. Idempotent: the figures are
   * absolute and stamped with as_of, so a late or repeated report changes nothing.
   * points → member; the one call back (member → points Award, for registration and profile
   * bonuses) goes only from the member service's outbox, asynchronously, never inside this rpc.
   */
  RecordQualifyingActivity(argument: _membergraph_member_v1_RecordQualifyingActivityRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_member_v1_TierDecision__Output>): grpc.ClientUnaryCall;
  RecordQualifyingActivity(argument: _membergraph_member_v1_RecordQualifyingActivityRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_membergraph_member_v1_TierDecision__Output>): grpc.ClientUnaryCall;
  RecordQualifyingActivity(argument: _membergraph_member_v1_RecordQualifyingActivityRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_member_v1_TierDecision__Output>): grpc.ClientUnaryCall;
  RecordQualifyingActivity(argument: _membergraph_member_v1_RecordQualifyingActivityRequest, callback: grpc.requestCallback<_membergraph_member_v1_TierDecision__Output>): grpc.ClientUnaryCall;
  /**
   * Points reports a member's qualifying activity (rolling 12 months) after orders and refunds.
   * Crossing a threshold upgrades at once; activity never downgrades. Idempotent: the figures are
   * absolute and stamped with as_of, so a late or repeated report changes nothing.
   * points → member; the one call back (member → points Award, for registration and profile
   * bonuses) goes only from the member service's outbox, asynchronously, never inside this rpc.
   */
  recordQualifyingActivity(argument: _membergraph_member_v1_RecordQualifyingActivityRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_member_v1_TierDecision__Output>): grpc.ClientUnaryCall;
  recordQualifyingActivity(argument: _membergraph_member_v1_RecordQualifyingActivityRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_membergraph_member_v1_TierDecision__Output>): grpc.ClientUnaryCall;
  recordQualifyingActivity(argument: _membergraph_member_v1_RecordQualifyingActivityRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_member_v1_TierDecision__Output>): grpc.ClientUnaryCall;
  recordQualifyingActivity(argument: _membergraph_member_v1_RecordQualifyingActivityRequest, callback: grpc.requestCallback<_membergraph_member_v1_TierDecision__Output>): grpc.ClientUnaryCall;
  
  /**
   * The yearly re-evaluation of one member, driven by the points service's job with fresh figures:
   * up to what they qualify for, or down one step at most. Idempotent per cycle: running the job
   * twice in one cycle never steps a member down twice.
   */
  ReevaluateTier(argument: _membergraph_member_v1_ReevaluateTierRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_member_v1_TierDecision__Output>): grpc.ClientUnaryCall;
  ReevaluateTier(argument: _membergraph_member_v1_ReevaluateTierRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_membergraph_member_v1_TierDecision__Output>): grpc.ClientUnaryCall;
  ReevaluateTier(argument: _membergraph_member_v1_ReevaluateTierRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_member_v1_TierDecision__Output>): grpc.ClientUnaryCall;
  ReevaluateTier(argument: _membergraph_member_v1_ReevaluateTierRequest, callback: grpc.requestCallback<_membergraph_member_v1_TierDecision__Output>): grpc.ClientUnaryCall;
  /**
   * The yearly re-evaluation of one member, driven by the points service's job with fresh figures:
   * up to what they qualify for, or down one step at most. Idempotent per cycle: running the job
   * twice in one cycle never steps a member down twice.
   */
  reevaluateTier(argument: _membergraph_member_v1_ReevaluateTierRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_member_v1_TierDecision__Output>): grpc.ClientUnaryCall;
  reevaluateTier(argument: _membergraph_member_v1_ReevaluateTierRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_membergraph_member_v1_TierDecision__Output>): grpc.ClientUnaryCall;
  reevaluateTier(argument: _membergraph_member_v1_ReevaluateTierRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_member_v1_TierDecision__Output>): grpc.ClientUnaryCall;
  reevaluateTier(argument: _membergraph_member_v1_ReevaluateTierRequest, callback: grpc.requestCallback<_membergraph_member_v1_TierDecision__Output>): grpc.ClientUnaryCall;
  
  /**
   * Our members behind a partner brand's member ids (linked by the partner with a phone both brands
   * verified, linkPartnerMember in the graph), batched: the benefits service redeems our offers for
   * the members a partner brings. Ids never linked are left out.
   */
  ResolvePartnerMembers(argument: _membergraph_member_v1_ResolvePartnerMembersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_member_v1_ResolvePartnerMembersResponse__Output>): grpc.ClientUnaryCall;
  ResolvePartnerMembers(argument: _membergraph_member_v1_ResolvePartnerMembersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_membergraph_member_v1_ResolvePartnerMembersResponse__Output>): grpc.ClientUnaryCall;
  ResolvePartnerMembers(argument: _membergraph_member_v1_ResolvePartnerMembersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_member_v1_ResolvePartnerMembersResponse__Output>): grpc.ClientUnaryCall;
  ResolvePartnerMembers(argument: _membergraph_member_v1_ResolvePartnerMembersRequest, callback: grpc.requestCallback<_membergraph_member_v1_ResolvePartnerMembersResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Our members behind a partner brand's member ids (linked by the partner with a phone both brands
   * verified, linkPartnerMember in the graph), batched: the benefits service redeems our offers for
   * the members a partner brings. Ids never linked are left out.
   */
  resolvePartnerMembers(argument: _membergraph_member_v1_ResolvePartnerMembersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_member_v1_ResolvePartnerMembersResponse__Output>): grpc.ClientUnaryCall;
  resolvePartnerMembers(argument: _membergraph_member_v1_ResolvePartnerMembersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_membergraph_member_v1_ResolvePartnerMembersResponse__Output>): grpc.ClientUnaryCall;
  resolvePartnerMembers(argument: _membergraph_member_v1_ResolvePartnerMembersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_member_v1_ResolvePartnerMembersResponse__Output>): grpc.ClientUnaryCall;
  resolvePartnerMembers(argument: _membergraph_member_v1_ResolvePartnerMembersRequest, callback: grpc.requestCallback<_membergraph_member_v1_ResolvePartnerMembersResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * The facts segments are defined over, for every member (campaign service): tier, registration
   * channel and time, consents. Streamed in batches in id order; merged members (tombstones) are
   * left out.
   */
  StreamSegmentProfiles(argument: _membergraph_member_v1_StreamSegmentProfilesRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_membergraph_member_v1_SegmentProfileBatch__Output>;
  StreamSegmentProfiles(argument: _membergraph_member_v1_StreamSegmentProfilesRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_membergraph_member_v1_SegmentProfileBatch__Output>;
  /**
   * The facts segments are defined over, for every member (campaign service): tier, registration
   * channel and time, consents. Streamed in batches in id order; merged members (tombstones) are
   * left out.
   */
  streamSegmentProfiles(argument: _membergraph_member_v1_StreamSegmentProfilesRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_membergraph_member_v1_SegmentProfileBatch__Output>;
  streamSegmentProfiles(argument: _membergraph_member_v1_StreamSegmentProfilesRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_membergraph_member_v1_SegmentProfileBatch__Output>;
  
  /**
   * The gateway checks a partner brand's API key (sent as x-api-key) here: the key is compared by
   * its hash, so the member service never stores it. A revoked or unknown key is not valid.
   */
  VerifyPartnerKey(argument: _membergraph_member_v1_VerifyPartnerKeyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_member_v1_VerifyPartnerKeyResponse__Output>): grpc.ClientUnaryCall;
  VerifyPartnerKey(argument: _membergraph_member_v1_VerifyPartnerKeyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_membergraph_member_v1_VerifyPartnerKeyResponse__Output>): grpc.ClientUnaryCall;
  VerifyPartnerKey(argument: _membergraph_member_v1_VerifyPartnerKeyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_member_v1_VerifyPartnerKeyResponse__Output>): grpc.ClientUnaryCall;
  VerifyPartnerKey(argument: _membergraph_member_v1_VerifyPartnerKeyRequest, callback: grpc.requestCallback<_membergraph_member_v1_VerifyPartnerKeyResponse__Output>): grpc.ClientUnaryCall;
  /**
   * The gateway checks a partner brand's API key (sent as x-api-key) here: the key is compared by
   * its hash, so the member service never stores it. A revoked or unknown key is not valid.
   */
  verifyPartnerKey(argument: _membergraph_member_v1_VerifyPartnerKeyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_member_v1_VerifyPartnerKeyResponse__Output>): grpc.ClientUnaryCall;
  verifyPartnerKey(argument: _membergraph_member_v1_VerifyPartnerKeyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_membergraph_member_v1_VerifyPartnerKeyResponse__Output>): grpc.ClientUnaryCall;
  verifyPartnerKey(argument: _membergraph_member_v1_VerifyPartnerKeyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_member_v1_VerifyPartnerKeyResponse__Output>): grpc.ClientUnaryCall;
  verifyPartnerKey(argument: _membergraph_member_v1_VerifyPartnerKeyRequest, callback: grpc.requestCallback<_membergraph_member_v1_VerifyPartnerKeyResponse__Output>): grpc.ClientUnaryCall;
  
}

export interface MemberServiceHandlers extends grpc.UntypedServiceImplementation {
  /**
   * Members registered per channel in [from, to): the "members acquired" of channel CAC.
   */
  CountRegistrations: grpc.handleUnaryCall<_membergraph_member_v1_CountRegistrationsRequest__Output, _membergraph_member_v1_CountRegistrationsResponse>;
  
  /**
   * The consents in force of each member, batched (at most 500 ids) so a caller can put it behind a
   * DataLoader: campaign targeting leaves out a member without MARKETING. Every purpose is opt-in,
   * so a purpose not listed is not given. Unknown and merged ids are left out of the answer.
   */
  GetConsents: grpc.handleUnaryCall<_membergraph_member_v1_GetConsentsRequest__Output, _membergraph_member_v1_GetConsentsResponse>;
  
  /**
   * Tier and points multiplier of each member, batched so a caller can put it behind a DataLoader.
   * Unknown ids are left out of the answer (the caller decides whether that is NOT_FOUND).
   */
  GetMemberTiers: grpc.handleUnaryCall<_membergraph_member_v1_GetMemberTiersRequest__Output, _membergraph_member_v1_GetMemberTiersResponse>;
  
  /**
   * A campaign reward puts a member on a tier (the referral ladder's Gold), recorded in the tier
   * history as GRANT with the reason; once per idempotency_key (a retry changes nothing).
   * campaign → member; the member service reaches the campaign service only from its outbox
   * (registrations), never inside this rpc, so no call waits on a cycle.
   */
  GrantTier: grpc.handleUnaryCall<_membergraph_member_v1_GrantTierRequest__Output, _membergraph_member_v1_TierDecision>;
  
  /**
   * The members whose birthday falls on one of month_days, with their tier now, a page at a time
   * in member id order (after_member_id: the last id of the previous page; empty: from the start).
   * The benefits service's birthday job pages through a day with it. Merged-away members are left out.
   */
  ListBirthdays: grpc.handleUnaryCall<_membergraph_member_v1_ListBirthdaysRequest__Output, _membergraph_member_v1_ListBirthdaysResponse>;
  
  /**
   * The programme's ladder in force now, lowest rank first: the campaign service checks a referral
   * rung's tier reward against its ids when staff edit the referral ladder; the points service
   * holds the rungs (γ, thresholds) for a few seconds to earn without asking for each order. A read.
   */
  ListTiers: grpc.handleUnaryCall<_membergraph_member_v1_ListTiersRequest__Output, _membergraph_member_v1_ListTiersResponse>;
  
  /**
   * The same reports for many members at once (points' deferred delivery): one TierDecision per
   * report, in the order asked, each as RecordQualifyingActivity would answer it. A report that
   * changes nothing but the figures costs no statement of its own (the batch stores them in one);
   * only members whose tier changes go through the tier engine's locked path. At most 500 reports;
   * a bad report or an unknown member refuses the whole batch, writing nothing. Idempotent like
   * the single rpc: a repeated or older report never overwrites newer figures.
   */
  RecordQualifyingActivities: grpc.handleUnaryCall<_membergraph_member_v1_RecordQualifyingActivitiesRequest__Output, _membergraph_member_v1_RecordQualifyingActivitiesResponse>;
  
  /**
   * Points reports a member's qualifying activity (rolling 12 months) after orders and refunds.
   * Crossing a threshold upgrades at once; activity never downgrades. Idempotent: the figures are
   * absolute and stamped with as_of, so a late or repeated report changes nothing.
   * points → member; the one call back (member → points Award, for registration and profile
   * bonuses) goes only from the member service's outbox, asynchronously, never inside this rpc.
   */
  RecordQualifyingActivity: grpc.handleUnaryCall<_membergraph_member_v1_RecordQualifyingActivityRequest__Output, _membergraph_member_v1_TierDecision>;
  
  /**
   * The yearly re-evaluation of one member, driven by the points service's job with fresh figures:
   * up to what they qualify for, or down one step at most. Idempotent per cycle: running the job
   * twice in one cycle never steps a member down twice.
   */
  ReevaluateTier: grpc.handleUnaryCall<_membergraph_member_v1_ReevaluateTierRequest__Output, _membergraph_member_v1_TierDecision>;
  
  /**
   * Our members behind a partner brand's member ids (linked by the partner with a phone both brands
   * verified, linkPartnerMember in the graph), batched: the benefits service redeems our offers for
   * the members a partner brings. Ids never linked are left out.
   */
  ResolvePartnerMembers: grpc.handleUnaryCall<_membergraph_member_v1_ResolvePartnerMembersRequest__Output, _membergraph_member_v1_ResolvePartnerMembersResponse>;
  
  /**
   * The facts segments are defined over, for every member (campaign service): tier, registration
   * channel and time, consents. Streamed in batches in id order; merged members (tombstones) are
   * left out.
   */
  StreamSegmentProfiles: grpc.handleServerStreamingCall<_membergraph_member_v1_StreamSegmentProfilesRequest__Output, _membergraph_member_v1_SegmentProfileBatch>;
  
  /**
   * The gateway checks a partner brand's API key (sent as x-api-key) here: the key is compared by
   * its hash, so the member service never stores it. A revoked or unknown key is not valid.
   */
  VerifyPartnerKey: grpc.handleUnaryCall<_membergraph_member_v1_VerifyPartnerKeyRequest__Output, _membergraph_member_v1_VerifyPartnerKeyResponse>;
  
}

export interface MemberServiceDefinition extends grpc.ServiceDefinition {
  CountRegistrations: MethodDefinition<_membergraph_member_v1_CountRegistrationsRequest, _membergraph_member_v1_CountRegistrationsResponse, _membergraph_member_v1_CountRegistrationsRequest__Output, _membergraph_member_v1_CountRegistrationsResponse__Output>
  GetConsents: MethodDefinition<_membergraph_member_v1_GetConsentsRequest, _membergraph_member_v1_GetConsentsResponse, _membergraph_member_v1_GetConsentsRequest__Output, _membergraph_member_v1_GetConsentsResponse__Output>
  GetMemberTiers: MethodDefinition<_membergraph_member_v1_GetMemberTiersRequest, _membergraph_member_v1_GetMemberTiersResponse, _membergraph_member_v1_GetMemberTiersRequest__Output, _membergraph_member_v1_GetMemberTiersResponse__Output>
  GrantTier: MethodDefinition<_membergraph_member_v1_GrantTierRequest, _membergraph_member_v1_TierDecision, _membergraph_member_v1_GrantTierRequest__Output, _membergraph_member_v1_TierDecision__Output>
  ListBirthdays: MethodDefinition<_membergraph_member_v1_ListBirthdaysRequest, _membergraph_member_v1_ListBirthdaysResponse, _membergraph_member_v1_ListBirthdaysRequest__Output, _membergraph_member_v1_ListBirthdaysResponse__Output>
  ListTiers: MethodDefinition<_membergraph_member_v1_ListTiersRequest, _membergraph_member_v1_ListTiersResponse, _membergraph_member_v1_ListTiersRequest__Output, _membergraph_member_v1_ListTiersResponse__Output>
  RecordQualifyingActivities: MethodDefinition<_membergraph_member_v1_RecordQualifyingActivitiesRequest, _membergraph_member_v1_RecordQualifyingActivitiesResponse, _membergraph_member_v1_RecordQualifyingActivitiesRequest__Output, _membergraph_member_v1_RecordQualifyingActivitiesResponse__Output>
  RecordQualifyingActivity: MethodDefinition<_membergraph_member_v1_RecordQualifyingActivityRequest, _membergraph_member_v1_TierDecision, _membergraph_member_v1_RecordQualifyingActivityRequest__Output, _membergraph_member_v1_TierDecision__Output>
  ReevaluateTier: MethodDefinition<_membergraph_member_v1_ReevaluateTierRequest, _membergraph_member_v1_TierDecision, _membergraph_member_v1_ReevaluateTierRequest__Output, _membergraph_member_v1_TierDecision__Output>
  ResolvePartnerMembers: MethodDefinition<_membergraph_member_v1_ResolvePartnerMembersRequest, _membergraph_member_v1_ResolvePartnerMembersResponse, _membergraph_member_v1_ResolvePartnerMembersRequest__Output, _membergraph_member_v1_ResolvePartnerMembersResponse__Output>
  StreamSegmentProfiles: MethodDefinition<_membergraph_member_v1_StreamSegmentProfilesRequest, _membergraph_member_v1_SegmentProfileBatch, _membergraph_member_v1_StreamSegmentProfilesRequest__Output, _membergraph_member_v1_SegmentProfileBatch__Output>
  VerifyPartnerKey: MethodDefinition<_membergraph_member_v1_VerifyPartnerKeyRequest, _membergraph_member_v1_VerifyPartnerKeyResponse, _membergraph_member_v1_VerifyPartnerKeyRequest__Output, _membergraph_member_v1_VerifyPartnerKeyResponse__Output>
}
