import type { DataSource } from 'typeorm';
import type { ProtoGrpcType } from '../../../../proto/gen/member';
import type { MemberServiceHandlers } from '../../../../proto/gen/membergraph/member/v1/MemberService';
import { loadProto, unaryHandler, type Logger } from '../../../kit/src';
import { getMemberTiers } from './handlers/GetMemberTiers';

export const MEMBER_GRPC_SERVICE = 'membergraph.member.v1.MemberService';

/** The member gRPC service: one handler file per rpc, wired here. */
export function memberGrpcService(dataSource: DataSource, logger: Logger) {
  const proto = loadProto<ProtoGrpcType>('member');
  const implementation: MemberServiceHandlers = {
    GetMemberTiers: unaryHandler(logger, (request) => getMemberTiers(dataSource, request)),
  };
  return { definition: proto.membergraph.member.v1.MemberService.service, implementation };
}
