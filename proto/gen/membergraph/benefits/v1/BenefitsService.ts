// Original file: proto/benefits.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { ListTierBenefitsRequest as _membergraph_benefits_v1_ListTierBenefitsRequest, ListTierBenefitsRequest__Output as _membergraph_benefits_v1_ListTierBenefitsRequest__Output } from '../../../membergraph/benefits/v1/ListTierBenefitsRequest';
import type { ListTierBenefitsResponse as _membergraph_benefits_v1_ListTierBenefitsResponse, ListTierBenefitsResponse__Output as _membergraph_benefits_v1_ListTierBenefitsResponse__Output } from '../../../membergraph/benefits/v1/ListTierBenefitsResponse';

export interface BenefitsServiceClient extends grpc.Client {
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
  
}

export interface BenefitsServiceHandlers extends grpc.UntypedServiceImplementation {
  /**
   * The benefits each tier grants (the tier × benefit matrix), batched by tier.
   */
  ListTierBenefits: grpc.handleUnaryCall<_membergraph_benefits_v1_ListTierBenefitsRequest__Output, _membergraph_benefits_v1_ListTierBenefitsResponse>;
  
}

export interface BenefitsServiceDefinition extends grpc.ServiceDefinition {
  ListTierBenefits: MethodDefinition<_membergraph_benefits_v1_ListTierBenefitsRequest, _membergraph_benefits_v1_ListTierBenefitsResponse, _membergraph_benefits_v1_ListTierBenefitsRequest__Output, _membergraph_benefits_v1_ListTierBenefitsResponse__Output>
}
