// Original file: proto/points.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { GetBalancesRequest as _membergraph_points_v1_GetBalancesRequest, GetBalancesRequest__Output as _membergraph_points_v1_GetBalancesRequest__Output } from '../../../membergraph/points/v1/GetBalancesRequest';
import type { GetBalancesResponse as _membergraph_points_v1_GetBalancesResponse, GetBalancesResponse__Output as _membergraph_points_v1_GetBalancesResponse__Output } from '../../../membergraph/points/v1/GetBalancesResponse';

export interface PointsServiceClient extends grpc.Client {
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
  
}

export interface PointsServiceHandlers extends grpc.UntypedServiceImplementation {
  /**
   * Current balances of members, batched. Members with no account yet answer a zero balance.
   */
  GetBalances: grpc.handleUnaryCall<_membergraph_points_v1_GetBalancesRequest__Output, _membergraph_points_v1_GetBalancesResponse>;
  
}

export interface PointsServiceDefinition extends grpc.ServiceDefinition {
  GetBalances: MethodDefinition<_membergraph_points_v1_GetBalancesRequest, _membergraph_points_v1_GetBalancesResponse, _membergraph_points_v1_GetBalancesRequest__Output, _membergraph_points_v1_GetBalancesResponse__Output>
}
