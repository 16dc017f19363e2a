// Original file: proto/benefits.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { GrantMilestoneRewardRequest as _membergraph_benefits_v1_GrantMilestoneRewardRequest, GrantMilestoneRewardRequest__Output as _membergraph_benefits_v1_GrantMilestoneRewardRequest__Output } from '../../../membergraph/benefits/v1/GrantMilestoneRewardRequest';
import type { GrantMilestoneRewardResponse as _membergraph_benefits_v1_GrantMilestoneRewardResponse, GrantMilestoneRewardResponse__Output as _membergraph_benefits_v1_GrantMilestoneRewardResponse__Output } from '../../../membergraph/benefits/v1/GrantMilestoneRewardResponse';
import type { IssueCouponRequest as _membergraph_benefits_v1_IssueCouponRequest, IssueCouponRequest__Output as _membergraph_benefits_v1_IssueCouponRequest__Output } from '../../../membergraph/benefits/v1/IssueCouponRequest';
import type { IssueCouponResponse as _membergraph_benefits_v1_IssueCouponResponse, IssueCouponResponse__Output as _membergraph_benefits_v1_IssueCouponResponse__Output } from '../../../membergraph/benefits/v1/IssueCouponResponse';
import type { ListTierBenefitsRequest as _membergraph_benefits_v1_ListTierBenefitsRequest, ListTierBenefitsRequest__Output as _membergraph_benefits_v1_ListTierBenefitsRequest__Output } from '../../../membergraph/benefits/v1/ListTierBenefitsRequest';
import type { ListTierBenefitsResponse as _membergraph_benefits_v1_ListTierBenefitsResponse, ListTierBenefitsResponse__Output as _membergraph_benefits_v1_ListTierBenefitsResponse__Output } from '../../../membergraph/benefits/v1/ListTierBenefitsResponse';
import type { RecordSpendStatsRequest as _membergraph_benefits_v1_RecordSpendStatsRequest, RecordSpendStatsRequest__Output as _membergraph_benefits_v1_RecordSpendStatsRequest__Output } from '../../../membergraph/benefits/v1/RecordSpendStatsRequest';
import type { RecordSpendStatsResponse as _membergraph_benefits_v1_RecordSpendStatsResponse, RecordSpendStatsResponse__Output as _membergraph_benefits_v1_RecordSpendStatsResponse__Output } from '../../../membergraph/benefits/v1/RecordSpendStatsResponse';

export interface BenefitsServiceClient extends grpc.Client {
  /**
   * A milestone the member service's tier engine recorded (first top tier, 12th purchase in a
   * year), delivered from its outbox: the reward staff set for that milestone, exactly once per
   * milestone_id however often it is delivered. member → benefits: the reverse of GetMemberTiers,
   * and only ever from the outbox, never inside a member rpc, so no call waits on a cycle.
   */
  GrantMilestoneReward(argument: _membergraph_benefits_v1_GrantMilestoneRewardRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_benefits_v1_GrantMilestoneRewardResponse__Output>): grpc.ClientUnaryCall;
  GrantMilestoneReward(argument: _membergraph_benefits_v1_GrantMilestoneRewardRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_membergraph_benefits_v1_GrantMilestoneRewardResponse__Output>): grpc.ClientUnaryCall;
  GrantMilestoneReward(argument: _membergraph_benefits_v1_GrantMilestoneRewardRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_benefits_v1_GrantMilestoneRewardResponse__Output>): grpc.ClientUnaryCall;
  GrantMilestoneReward(argument: _membergraph_benefits_v1_GrantMilestoneRewardRequest, callback: grpc.requestCallback<_membergraph_benefits_v1_GrantMilestoneRewardResponse__Output>): grpc.ClientUnaryCall;
  /**
   * A milestone the member service's tier engine recorded (first top tier, 12th purchase in a
   * year), delivered from its outbox: the reward staff set for that milestone, exactly once per
   * milestone_id however often it is delivered. member → benefits: the reverse of GetMemberTiers,
   * and only ever from the outbox, never inside a member rpc, so no call waits on a cycle.
   */
  grantMilestoneReward(argument: _membergraph_benefits_v1_GrantMilestoneRewardRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_benefits_v1_GrantMilestoneRewardResponse__Output>): grpc.ClientUnaryCall;
  grantMilestoneReward(argument: _membergraph_benefits_v1_GrantMilestoneRewardRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_membergraph_benefits_v1_GrantMilestoneRewardResponse__Output>): grpc.ClientUnaryCall;
  grantMilestoneReward(argument: _membergraph_benefits_v1_GrantMilestoneRewardRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_benefits_v1_GrantMilestoneRewardResponse__Output>): grpc.ClientUnaryCall;
  grantMilestoneReward(argument: _membergraph_benefits_v1_GrantMilestoneRewardRequest, callback: grpc.requestCallback<_membergraph_benefits_v1_GrantMilestoneRewardResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Issues one coupon of a template to a member for another service (campaign rewards, referrals,
   * reward redemptions), exactly once per idempotency_key: a retry answers the same coupon, so the
   * caller may retry. Refusals: NOT_FOUND (template, member); CONFLICT when the stock, the budget or
   * the member's limit is spent, or the key was used for another coupon; INVALID_ARGUMENT otherwise.
   */
  IssueCoupon(argument: _membergraph_benefits_v1_IssueCouponRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_benefits_v1_IssueCouponResponse__Output>): grpc.ClientUnaryCall;
  IssueCoupon(argument: _membergraph_benefits_v1_IssueCouponRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_membergraph_benefits_v1_IssueCouponResponse__Output>): grpc.ClientUnaryCall;
  IssueCoupon(argument: _membergraph_benefits_v1_IssueCouponRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_benefits_v1_IssueCouponResponse__Output>): grpc.ClientUnaryCall;
  IssueCoupon(argument: _membergraph_benefits_v1_IssueCouponRequest, callback: grpc.requestCallback<_membergraph_benefits_v1_IssueCouponResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Issues one coupon of a template to a member for another service (campaign rewards, referrals,
   * reward redemptions), exactly once per idempotency_key: a retry answers the same coupon, so the
   * caller may retry. Refusals: NOT_FOUND (template, member); CONFLICT when the stock, the budget or
   * the member's limit is spent, or the key was used for another coupon; INVALID_ARGUMENT otherwise.
   */
  issueCoupon(argument: _membergraph_benefits_v1_IssueCouponRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_benefits_v1_IssueCouponResponse__Output>): grpc.ClientUnaryCall;
  issueCoupon(argument: _membergraph_benefits_v1_IssueCouponRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_membergraph_benefits_v1_IssueCouponResponse__Output>): grpc.ClientUnaryCall;
  issueCoupon(argument: _membergraph_benefits_v1_IssueCouponRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_benefits_v1_IssueCouponResponse__Output>): grpc.ClientUnaryCall;
  issueCoupon(argument: _membergraph_benefits_v1_IssueCouponRequest, callback: grpc.requestCallback<_membergraph_benefits_v1_IssueCouponResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * The benefits each tier grants (the tier × benefit matrix), batched by tier.
   */
  ListTierBenefits(argument: _membergraph_benefits_v1_ListTierBenefitsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_benefits_v1_ListTierBenefitsResponse__Output>): grpc.ClientUnaryCall;
  ListTierBenefits(argument: _membergraph_benefits_v1_ListTierBenefitsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_membergraph_benefits_v1_ListTierBenefitsResponse__Output>): grpc.ClientUnaryCall;
  ListTierBenefits(argument: _membergraph_benefits_v1_ListTierBenefitsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_benefits_v1_ListTierBenefitsResponse__Output>): grpc.ClientUnaryCall;
  ListTierBenefits(argument: _membergraph_benefits_v1_ListTierBenefitsRequest, callback: grpc.requestCallback<_membergraph_benefits_v1_ListTierBenefitsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * The benefits each tier grants (the tier × benefit matrix), batched by tier.
   */
  listTierBenefits(argument: _membergraph_benefits_v1_ListTierBenefitsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_benefits_v1_ListTierBenefitsResponse__Output>): grpc.ClientUnaryCall;
  listTierBenefits(argument: _membergraph_benefits_v1_ListTierBenefitsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_membergraph_benefits_v1_ListTierBenefitsResponse__Output>): grpc.ClientUnaryCall;
  listTierBenefits(argument: _membergraph_benefits_v1_ListTierBenefitsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_benefits_v1_ListTierBenefitsResponse__Output>): grpc.ClientUnaryCall;
  listTierBenefits(argument: _membergraph_benefits_v1_ListTierBenefitsRequest, callback: grpc.requestCallback<_membergraph_benefits_v1_ListTierBenefitsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Members' spend as the points service has it, for the Member.benefits ranking to read locally:
   * delivered from points' outbox after the commits of orders, refunds and merges, many members a
   * call. Each entry is absolute (every order of the member's rolling window at as_of), so a
   * repeat or a redelivery changes nothing, and an entry older than the one held is ignored.
   * points → benefits: the reverse of GetSpendStats, which stays the read for a member benefits
   * holds no figures for; only ever from the outbox, never inside a points rpc, so no call waits on
   * the cycle.
   */
  RecordSpendStats(argument: _membergraph_benefits_v1_RecordSpendStatsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_benefits_v1_RecordSpendStatsResponse__Output>): grpc.ClientUnaryCall;
  RecordSpendStats(argument: _membergraph_benefits_v1_RecordSpendStatsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_membergraph_benefits_v1_RecordSpendStatsResponse__Output>): grpc.ClientUnaryCall;
  RecordSpendStats(argument: _membergraph_benefits_v1_RecordSpendStatsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_benefits_v1_RecordSpendStatsResponse__Output>): grpc.ClientUnaryCall;
  RecordSpendStats(argument: _membergraph_benefits_v1_RecordSpendStatsRequest, callback: grpc.requestCallback<_membergraph_benefits_v1_RecordSpendStatsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Members' spend as the points service has it, for the Member.benefits ranking to read locally:
   * delivered from points' outbox after the commits of orders, refunds and merges, many members a
   * call. Each entry is absolute (every order of the member's rolling window at as_of), so a
   * repeat or a redelivery changes nothing, and an entry older than the one held is ignored.
   * points → benefits: the reverse of GetSpendStats, which stays the read for a member benefits
   * holds no figures for; only ever from the outbox, never inside a points rpc, so no call waits on
   * the cycle.
   */
  recordSpendStats(argument: _membergraph_benefits_v1_RecordSpendStatsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_benefits_v1_RecordSpendStatsResponse__Output>): grpc.ClientUnaryCall;
  recordSpendStats(argument: _membergraph_benefits_v1_RecordSpendStatsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_membergraph_benefits_v1_RecordSpendStatsResponse__Output>): grpc.ClientUnaryCall;
  recordSpendStats(argument: _membergraph_benefits_v1_RecordSpendStatsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_benefits_v1_RecordSpendStatsResponse__Output>): grpc.ClientUnaryCall;
  recordSpendStats(argument: _membergraph_benefits_v1_RecordSpendStatsRequest, callback: grpc.requestCallback<_membergraph_benefits_v1_RecordSpendStatsResponse__Output>): grpc.ClientUnaryCall;
  
}

export interface BenefitsServiceHandlers extends grpc.UntypedServiceImplementation {
  /**
   * A milestone the member service's tier engine recorded (first top tier, 12th purchase in a
   * year), delivered from its outbox: the reward staff set for that milestone, exactly once per
   * milestone_id however often it is delivered. member → benefits: the reverse of GetMemberTiers,
   * and only ever from the outbox, never inside a member rpc, so no call waits on a cycle.
   */
  GrantMilestoneReward: grpc.handleUnaryCall<_membergraph_benefits_v1_GrantMilestoneRewardRequest__Output, _membergraph_benefits_v1_GrantMilestoneRewardResponse>;
  
  /**
   * Issues one coupon of a template to a member for another service (campaign rewards, referrals,
   * reward redemptions), exactly once per idempotency_key: a retry answers the same coupon, so the
   * caller may retry. Refusals: NOT_FOUND (template, member); CONFLICT when the stock, the budget or
   * the member's limit is spent, or the key was used for another coupon; INVALID_ARGUMENT otherwise.
   */
  IssueCoupon: grpc.handleUnaryCall<_membergraph_benefits_v1_IssueCouponRequest__Output, _membergraph_benefits_v1_IssueCouponResponse>;
  
  /**
   * The benefits each tier grants (the tier × benefit matrix), batched by tier.
   */
  ListTierBenefits: grpc.handleUnaryCall<_membergraph_benefits_v1_ListTierBenefitsRequest__Output, _membergraph_benefits_v1_ListTierBenefitsResponse>;
  
  /**
   * Members' spend as the points service has it, for the Member.benefits ranking to read locally:
   * delivered from points' outbox after the commits of orders, refunds and merges, many members a
   * call. Each entry is absolute (every order of the member's rolling window at as_of), so a
   * repeat or a redelivery changes nothing, and an entry older than the one held is ignored.
   * points → benefits: the reverse of GetSpendStats, which stays the read for a member benefits
   * holds no figures for; only ever from the outbox, never inside a points rpc, so no call waits on
   * the cycle.
   */
  RecordSpendStats: grpc.handleUnaryCall<_membergraph_benefits_v1_RecordSpendStatsRequest__Output, _membergraph_benefits_v1_RecordSpendStatsResponse>;
  
}

export interface BenefitsServiceDefinition extends grpc.ServiceDefinition {
  GrantMilestoneReward: MethodDefinition<_membergraph_benefits_v1_GrantMilestoneRewardRequest, _membergraph_benefits_v1_GrantMilestoneRewardResponse, _membergraph_benefits_v1_GrantMilestoneRewardRequest__Output, _membergraph_benefits_v1_GrantMilestoneRewardResponse__Output>
  IssueCoupon: MethodDefinition<_membergraph_benefits_v1_IssueCouponRequest, _membergraph_benefits_v1_IssueCouponResponse, _membergraph_benefits_v1_IssueCouponRequest__Output, _membergraph_benefits_v1_IssueCouponResponse__Output>
  ListTierBenefits: MethodDefinition<_membergraph_benefits_v1_ListTierBenefitsRequest, _membergraph_benefits_v1_ListTierBenefitsResponse, _membergraph_benefits_v1_ListTierBenefitsRequest__Output, _membergraph_benefits_v1_ListTierBenefitsResponse__Output>
  RecordSpendStats: MethodDefinition<_membergraph_benefits_v1_RecordSpendStatsRequest, _membergraph_benefits_v1_RecordSpendStatsResponse, _membergraph_benefits_v1_RecordSpendStatsRequest__Output, _membergraph_benefits_v1_RecordSpendStatsResponse__Output>
}
