// Original file: proto/points.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { DebitRequest as _membergraph_points_v1_DebitRequest, DebitRequest__Output as _membergraph_points_v1_DebitRequest__Output } from '../../../membergraph/points/v1/DebitRequest';
import type { DebitResponse as _membergraph_points_v1_DebitResponse, DebitResponse__Output as _membergraph_points_v1_DebitResponse__Output } from '../../../membergraph/points/v1/DebitResponse';
import type { GetBalancesRequest as _membergraph_points_v1_GetBalancesRequest, GetBalancesRequest__Output as _membergraph_points_v1_GetBalancesRequest__Output } from '../../../membergraph/points/v1/GetBalancesRequest';
import type { GetBalancesResponse as _membergraph_points_v1_GetBalancesResponse, GetBalancesResponse__Output as _membergraph_points_v1_GetBalancesResponse__Output } from '../../../membergraph/points/v1/GetBalancesResponse';

export interface PointsServiceClient extends grpc.Client {
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
  
}

export interface PointsServiceHandlers extends grpc.UntypedServiceImplementation {
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
  
}

export interface PointsServiceDefinition extends grpc.ServiceDefinition {
  Debit: MethodDefinition<_membergraph_points_v1_DebitRequest, _membergraph_points_v1_DebitResponse, _membergraph_points_v1_DebitRequest__Output, _membergraph_points_v1_DebitResponse__Output>
  GetBalances: MethodDefinition<_membergraph_points_v1_GetBalancesRequest, _membergraph_points_v1_GetBalancesResponse, _membergraph_points_v1_GetBalancesRequest__Output, _membergraph_points_v1_GetBalancesResponse__Output>
}
