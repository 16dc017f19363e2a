import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { AssessBatchRequest as _membergraph_risk_v1_AssessBatchRequest, AssessBatchRequest__Output as _membergraph_risk_v1_AssessBatchRequest__Output } from './membergraph/risk/v1/AssessBatchRequest';
import type { AssessBatchResponse as _membergraph_risk_v1_AssessBatchResponse, AssessBatchResponse__Output as _membergraph_risk_v1_AssessBatchResponse__Output } from './membergraph/risk/v1/AssessBatchResponse';
import type { AssessRequest as _membergraph_risk_v1_AssessRequest, AssessRequest__Output as _membergraph_risk_v1_AssessRequest__Output } from './membergraph/risk/v1/AssessRequest';
import type { AssessResponse as _membergraph_risk_v1_AssessResponse, AssessResponse__Output as _membergraph_risk_v1_AssessResponse__Output } from './membergraph/risk/v1/AssessResponse';
import type { RiskReason as _membergraph_risk_v1_RiskReason, RiskReason__Output as _membergraph_risk_v1_RiskReason__Output } from './membergraph/risk/v1/RiskReason';
import type { RiskServiceClient as _membergraph_risk_v1_RiskServiceClient, RiskServiceDefinition as _membergraph_risk_v1_RiskServiceDefinition } from './membergraph/risk/v1/RiskService';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  membergraph: {
    risk: {
      v1: {
        AssessBatchRequest: MessageTypeDefinition<_membergraph_risk_v1_AssessBatchRequest, _membergraph_risk_v1_AssessBatchRequest__Output>
        AssessBatchResponse: MessageTypeDefinition<_membergraph_risk_v1_AssessBatchResponse, _membergraph_risk_v1_AssessBatchResponse__Output>
        AssessRequest: MessageTypeDefinition<_membergraph_risk_v1_AssessRequest, _membergraph_risk_v1_AssessRequest__Output>
        AssessResponse: MessageTypeDefinition<_membergraph_risk_v1_AssessResponse, _membergraph_risk_v1_AssessResponse__Output>
        Decision: EnumTypeDefinition
        RiskReason: MessageTypeDefinition<_membergraph_risk_v1_RiskReason, _membergraph_risk_v1_RiskReason__Output>
        RiskService: SubtypeConstructor<typeof grpc.Client, _membergraph_risk_v1_RiskServiceClient> & { service: _membergraph_risk_v1_RiskServiceDefinition }
      }
    }
  }
}

