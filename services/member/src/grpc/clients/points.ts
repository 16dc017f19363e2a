import type { AwardResponse__Output } from '../../../../../proto/gen/membergraph/points/v1/AwardResponse';
import type { MergeAccountsResponse__Output } from '../../../../../proto/gen/membergraph/points/v1/MergeAccountsResponse';
import type { ProtoGrpcType } from '../../../../../proto/gen/points';
import { callUnary, clientChannelOptions, grpc, loadProto } from '../../../../kit/src';

const SERVICE = 'membergraph.points.v1.PointsService';

/** The points service as the member service sees it: bonuses and merges for member events, from the outbox only. */
export function createPointsClient(address: string, deadlineMs: number, serviceToken: string) {
  const proto = loadProto<ProtoGrpcType>('points');
  const client = new proto.membergraph.points.v1.PointsService(
    address,
    grpc.credentials.createInsecure(),
    clientChannelOptions(SERVICE, serviceToken),
  );
  return {
    award: (memberId: string, kind: 'REGISTRATION' | 'PROFILE_COMPLETION') =>
      callUnary<AwardResponse__Output>((md, options, cb) => client.award({ memberId, kind }, md, options, cb), deadlineMs),
    mergeAccounts: (mergeId: string, sourceMemberId: string, targetMemberId: string) =>
      callUnary<MergeAccountsResponse__Output>(
        (md, options, cb) => client.mergeAccounts({ mergeId, sourceMemberId, targetMemberId }, md, options, cb),
        deadlineMs,
      ),
    close: () => client.close(),
  };
}

export type PointsClient = ReturnType<typeof createPointsClient>;
