// Original file: proto/member.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { GetMemberTiersRequest as _membergraph_member_v1_GetMemberTiersRequest, GetMemberTiersRequest__Output as _membergraph_member_v1_GetMemberTiersRequest__Output } from '../../../membergraph/member/v1/GetMemberTiersRequest';
import type { GetMemberTiersResponse as _membergraph_member_v1_GetMemberTiersResponse, GetMemberTiersResponse__Output as _membergraph_member_v1_GetMemberTiersResponse__Output } from '../../../membergraph/member/v1/GetMemberTiersResponse';

export interface MemberServiceClient extends grpc.Client {
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
  
}

export interface MemberServiceHandlers extends grpc.UntypedServiceImplementation {
  /**
   * Tier and points multiplier of each member, batched so a caller can put it behind a DataLoader.
   * Unknown ids are left out of the answer (the caller decides whether that is NOT_FOUND).
   */
  GetMemberTiers: grpc.handleUnaryCall<_membergraph_member_v1_GetMemberTiersRequest__Output, _membergraph_member_v1_GetMemberTiersResponse>;
  
}

export interface MemberServiceDefinition extends grpc.ServiceDefinition {
  GetMemberTiers: MethodDefinition<_membergraph_member_v1_GetMemberTiersRequest, _membergraph_member_v1_GetMemberTiersResponse, _membergraph_member_v1_GetMemberTiersRequest__Output, _membergraph_member_v1_GetMemberTiersResponse__Output>
}
