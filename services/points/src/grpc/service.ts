import type { DataSource } from 'typeorm';
import type { PointsServiceHandlers } from '../../../../proto/gen/membergraph/points/v1/PointsService';
import type { ProtoGrpcType } from '../../../../proto/gen/points';
import { loadProto, unaryHandler, type Logger } from '../../../kit/src';
import type { PointsRules } from '../context';
import { award } from './handlers/Award';
import { debit } from './handlers/Debit';
import { getBalances } from './handlers/GetBalances';

export const POINTS_GRPC_SERVICE = 'membergraph.points.v1.PointsService';

export function pointsGrpcService(dataSource: DataSource, rules: PointsRules, logger: Logger) {
  const proto = loadProto<ProtoGrpcType>('points');
  const implementation: PointsServiceHandlers = {
    GetBalances: unaryHandler(logger, (request) => getBalances(dataSource, request)),
    Debit: unaryHandler(logger, (request) => debit(dataSource, request)),
    Award: unaryHandler(logger, (request) => award(dataSource, rules, request)),
  };
  return { definition: proto.membergraph.points.v1.PointsService.service, implementation };
}
