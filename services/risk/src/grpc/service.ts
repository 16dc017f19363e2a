import type { DataSource } from 'typeorm';
import type { RiskServiceHandlers } from '../../../../proto/gen/membergraph/risk/v1/RiskService';
import type { ProtoGrpcType } from '../../../../proto/gen/risk';
import { loadProto, unaryHandler, type GrpcGuard } from '../../../kit/src';
import { assess } from './handlers/Assess';
import { assessBatchHandler } from './handlers/AssessBatch';

export const RISK_GRPC_SERVICE = 'membergraph.risk.v1.RiskService';

export function riskGrpcService(dataSource: DataSource, guard: GrpcGuard) {
  const proto = loadProto<ProtoGrpcType>('risk');
  const implementation: RiskServiceHandlers = {
    Assess: unaryHandler(guard, (request) => assess(dataSource, request)),
    AssessBatch: unaryHandler(guard, (request) => assessBatchHandler(dataSource, request)),
  };
  return { definition: proto.membergraph.risk.v1.RiskService.service, implementation };
}
