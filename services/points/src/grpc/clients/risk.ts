import type { AssessRequest } from '../../../../../proto/gen/membergraph/risk/v1/AssessRequest';
import type { AssessResponse__Output } from '../../../../../proto/gen/membergraph/risk/v1/AssessResponse';
import type { ProtoGrpcType } from '../../../../../proto/gen/risk';
import { callUnary, clientChannelOptions, grpc, loadProto } from '../../../../kit/src';

const SERVICE = 'membergraph.risk.v1.RiskService';

/** The risk service as points sees it: assess an action before doing it. */
export function createRiskClient(address: string, deadlineMs: number, serviceToken: string) {
  const proto = loadProto<ProtoGrpcType>('risk');
  const client = new proto.membergraph.risk.v1.RiskService(
    address,
    grpc.credentials.createInsecure(),
    clientChannelOptions(SERVICE, serviceToken),
  );
  return {
    assess: (request: AssessRequest) =>
      callUnary<AssessResponse__Output>((md, options, cb) => client.assess(request, md, options, cb), deadlineMs),
    close: () => client.close(),
  };
}

export type RiskClient = ReturnType<typeof createRiskClient>;
