// Original file: proto/campaign.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { GetActivityCoefficientRequest as _membergraph_campaign_v1_GetActivityCoefficientRequest, GetActivityCoefficientRequest__Output as _membergraph_campaign_v1_GetActivityCoefficientRequest__Output } from '../../../membergraph/campaign/v1/GetActivityCoefficientRequest';
import type { GetActivityCoefficientResponse as _membergraph_campaign_v1_GetActivityCoefficientResponse, GetActivityCoefficientResponse__Output as _membergraph_campaign_v1_GetActivityCoefficientResponse__Output } from '../../../membergraph/campaign/v1/GetActivityCoefficientResponse';

export interface CampaignServiceClient extends grpc.Client {
  /**
   * The activity coefficient that applies to a member's earn right now: the live campaigns
   * combined (max by default, or product; configured per programme). 1.0 when none is live.
   */
  GetActivityCoefficient(argument: _membergraph_campaign_v1_GetActivityCoefficientRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_campaign_v1_GetActivityCoefficientResponse__Output>): grpc.ClientUnaryCall;
  GetActivityCoefficient(argument: _membergraph_campaign_v1_GetActivityCoefficientRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_membergraph_campaign_v1_GetActivityCoefficientResponse__Output>): grpc.ClientUnaryCall;
  GetActivityCoefficient(argument: _membergraph_campaign_v1_GetActivityCoefficientRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_campaign_v1_GetActivityCoefficientResponse__Output>): grpc.ClientUnaryCall;
  GetActivityCoefficient(argument: _membergraph_campaign_v1_GetActivityCoefficientRequest, callback: grpc.requestCallback<_membergraph_campaign_v1_GetActivityCoefficientResponse__Output>): grpc.ClientUnaryCall;
  /**
   * The activity coefficient that applies to a member's earn right now: the live campaigns
   * combined (max by default, or product; configured per programme). 1.0 when none is live.
   */
  getActivityCoefficient(argument: _membergraph_campaign_v1_GetActivityCoefficientRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_campaign_v1_GetActivityCoefficientResponse__Output>): grpc.ClientUnaryCall;
  getActivityCoefficient(argument: _membergraph_campaign_v1_GetActivityCoefficientRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_membergraph_campaign_v1_GetActivityCoefficientResponse__Output>): grpc.ClientUnaryCall;
  getActivityCoefficient(argument: _membergraph_campaign_v1_GetActivityCoefficientRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_campaign_v1_GetActivityCoefficientResponse__Output>): grpc.ClientUnaryCall;
  getActivityCoefficient(argument: _membergraph_campaign_v1_GetActivityCoefficientRequest, callback: grpc.requestCallback<_membergraph_campaign_v1_GetActivityCoefficientResponse__Output>): grpc.ClientUnaryCall;
  
}

export interface CampaignServiceHandlers extends grpc.UntypedServiceImplementation {
  /**
   * The activity coefficient that applies to a member's earn right now: the live campaigns
   * combined (max by default, or product; configured per programme). 1.0 when none is live.
   */
  GetActivityCoefficient: grpc.handleUnaryCall<_membergraph_campaign_v1_GetActivityCoefficientRequest__Output, _membergraph_campaign_v1_GetActivityCoefficientResponse>;
  
}

export interface CampaignServiceDefinition extends grpc.ServiceDefinition {
  GetActivityCoefficient: MethodDefinition<_membergraph_campaign_v1_GetActivityCoefficientRequest, _membergraph_campaign_v1_GetActivityCoefficientResponse, _membergraph_campaign_v1_GetActivityCoefficientRequest__Output, _membergraph_campaign_v1_GetActivityCoefficientResponse__Output>
}
