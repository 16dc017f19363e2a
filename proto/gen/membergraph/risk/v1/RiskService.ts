// Original file: proto/risk.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { AssessRequest as _membergraph_risk_v1_AssessRequest, AssessRequest__Output as _membergraph_risk_v1_AssessRequest__Output } from '../../../membergraph/risk/v1/AssessRequest';
import type { AssessResponse as _membergraph_risk_v1_AssessResponse, AssessResponse__Output as _membergraph_risk_v1_AssessResponse__Output } from '../../../membergraph/risk/v1/AssessResponse';

export interface RiskServiceClient extends grpc.Client {
  /**
   * Judges one action before it happens against the risk rules (data, edited by staff) and
   * records the decision with its score and reasons. Idempotent by idempotency_key: a retried
   * call returns the decision already recorded. An unknown action or missing context is
   * INVALID_ARGUMENT (code BAD_USER_INPUT) and records nothing.
   */
  Assess(argument: _membergraph_risk_v1_AssessRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_risk_v1_AssessResponse__Output>): grpc.ClientUnaryCall;
  Assess(argument: _membergraph_risk_v1_AssessRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_membergraph_risk_v1_AssessResponse__Output>): grpc.ClientUnaryCall;
  Assess(argument: _membergraph_risk_v1_AssessRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_risk_v1_AssessResponse__Output>): grpc.ClientUnaryCall;
  Assess(argument: _membergraph_risk_v1_AssessRequest, callback: grpc.requestCallback<_membergraph_risk_v1_AssessResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Judges one action before it happens against the risk rules (data, edited by staff) and
   * records the decision with its score and reasons. Idempotent by idempotency_key: a retried
   * call returns the decision already recorded. An unknown action or missing context is
   * INVALID_ARGUMENT (code BAD_USER_INPUT) and records nothing.
   */
  assess(argument: _membergraph_risk_v1_AssessRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_risk_v1_AssessResponse__Output>): grpc.ClientUnaryCall;
  assess(argument: _membergraph_risk_v1_AssessRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_membergraph_risk_v1_AssessResponse__Output>): grpc.ClientUnaryCall;
  assess(argument: _membergraph_risk_v1_AssessRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_risk_v1_AssessResponse__Output>): grpc.ClientUnaryCall;
  assess(argument: _membergraph_risk_v1_AssessRequest, callback: grpc.requestCallback<_membergraph_risk_v1_AssessResponse__Output>): grpc.ClientUnaryCall;
  
}

export interface RiskServiceHandlers extends grpc.UntypedServiceImplementation {
  /**
   * Judges one action before it happens against the risk rules (data, edited by staff) and
   * records the decision with its score and reasons. Idempotent by idempotency_key: a retried
   * call returns the decision already recorded. An unknown action or missing context is
   * INVALID_ARGUMENT (code BAD_USER_INPUT) and records nothing.
   */
  Assess: grpc.handleUnaryCall<_membergraph_risk_v1_AssessRequest__Output, _membergraph_risk_v1_AssessResponse>;
  
}

export interface RiskServiceDefinition extends grpc.ServiceDefinition {
  Assess: MethodDefinition<_membergraph_risk_v1_AssessRequest, _membergraph_risk_v1_AssessResponse, _membergraph_risk_v1_AssessRequest__Output, _membergraph_risk_v1_AssessResponse__Output>
}
