// Original file: proto/risk.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { AssessBatchRequest as _membergraph_risk_v1_AssessBatchRequest, AssessBatchRequest__Output as _membergraph_risk_v1_AssessBatchRequest__Output } from '../../../membergraph/risk/v1/AssessBatchRequest';
import type { AssessBatchResponse as _membergraph_risk_v1_AssessBatchResponse, AssessBatchResponse__Output as _membergraph_risk_v1_AssessBatchResponse__Output } from '../../../membergraph/risk/v1/AssessBatchResponse';
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
  
  /**
   * Judges actions sent after the fact (from a caller's outbox: earns assessed after their commit,
   * earns that went ahead unassessed, refund signals), in the order given: each is judged with the
   * ones before it in its history, as one Assess call after another would be, and the decisions are
   * written together. Idempotent per action by its idempotency_key, like Assess. An action that
   * does not parse is answered DECISION_UNSPECIFIED with the error in `reason` and records
   * nothing, so one bad action cannot hold back the others.
   */
  AssessBatch(argument: _membergraph_risk_v1_AssessBatchRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_risk_v1_AssessBatchResponse__Output>): grpc.ClientUnaryCall;
  AssessBatch(argument: _membergraph_risk_v1_AssessBatchRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_membergraph_risk_v1_AssessBatchResponse__Output>): grpc.ClientUnaryCall;
  AssessBatch(argument: _membergraph_risk_v1_AssessBatchRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_risk_v1_AssessBatchResponse__Output>): grpc.ClientUnaryCall;
  AssessBatch(argument: _membergraph_risk_v1_AssessBatchRequest, callback: grpc.requestCallback<_membergraph_risk_v1_AssessBatchResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Judges actions sent after the fact (from a caller's outbox: earns assessed after their commit,
   * earns that went ahead unassessed, refund signals), in the order given: each is judged with the
   * ones before it in its history, as one Assess call after another would be, and the decisions are
   * written together. Idempotent per action by its idempotency_key, like Assess. An action that
   * does not parse is answered DECISION_UNSPECIFIED with the error in `reason` and records
   * nothing, so one bad action cannot hold back the others.
   */
  assessBatch(argument: _membergraph_risk_v1_AssessBatchRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_risk_v1_AssessBatchResponse__Output>): grpc.ClientUnaryCall;
  assessBatch(argument: _membergraph_risk_v1_AssessBatchRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_membergraph_risk_v1_AssessBatchResponse__Output>): grpc.ClientUnaryCall;
  assessBatch(argument: _membergraph_risk_v1_AssessBatchRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_membergraph_risk_v1_AssessBatchResponse__Output>): grpc.ClientUnaryCall;
  assessBatch(argument: _membergraph_risk_v1_AssessBatchRequest, callback: grpc.requestCallback<_membergraph_risk_v1_AssessBatchResponse__Output>): grpc.ClientUnaryCall;
  
}

export interface RiskServiceHandlers extends grpc.UntypedServiceImplementation {
  /**
   * Judges one action before it happens against the risk rules (data, edited by staff) and
   * records the decision with its score and reasons. Idempotent by idempotency_key: a retried
   * call returns the decision already recorded. An unknown action or missing context is
   * INVALID_ARGUMENT (code BAD_USER_INPUT) and records nothing.
   */
  Assess: grpc.handleUnaryCall<_membergraph_risk_v1_AssessRequest__Output, _membergraph_risk_v1_AssessResponse>;
  
  /**
   * Judges actions sent after the fact (from a caller's outbox: earns assessed after their commit,
   * earns that went ahead unassessed, refund signals), in the order given: each is judged with the
   * ones before it in its history, as one Assess call after another would be, and the decisions are
   * written together. Idempotent per action by its idempotency_key, like Assess. An action that
   * does not parse is answered DECISION_UNSPECIFIED with the error in `reason` and records
   * nothing, so one bad action cannot hold back the others.
   */
  AssessBatch: grpc.handleUnaryCall<_membergraph_risk_v1_AssessBatchRequest__Output, _membergraph_risk_v1_AssessBatchResponse>;
  
}

export interface RiskServiceDefinition extends grpc.ServiceDefinition {
  Assess: MethodDefinition<_membergraph_risk_v1_AssessRequest, _membergraph_risk_v1_AssessResponse, _membergraph_risk_v1_AssessRequest__Output, _membergraph_risk_v1_AssessResponse__Output>
  AssessBatch: MethodDefinition<_membergraph_risk_v1_AssessBatchRequest, _membergraph_risk_v1_AssessBatchResponse, _membergraph_risk_v1_AssessBatchRequest__Output, _membergraph_risk_v1_AssessBatchResponse__Output>
}
