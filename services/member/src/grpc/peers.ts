import type { ProtoGrpcType as PointsProto } from '../../../../proto/gen/points';
import { createPeerClient, fromInt64, loadProto, type GrpcTls, type ServiceMetrics } from '../../../kit/src';
import type { MemberPeers } from '../ports';

/** The points service as the member service sees it: bonuses and merges, sent from the outbox only. */
export function connectPeers(
  config: {
    pointsGrpcAddress: string;
    grpcDeadlineMs: number;
    serviceToken: string;
    grpcTls?: GrpcTls;
  },
  metrics?: ServiceMetrics,
): MemberPeers & {
  close(): void;
} {
  const points = createPeerClient(loadProto<PointsProto>('points').membergraph.points.v1.PointsService.service, {
    address: config.pointsGrpcAddress,
    deadlineMs: config.grpcDeadlineMs,
    serviceToken: config.serviceToken,
    tls: config.grpcTls,
    // Both apply once: a bonus per member and kind, a merge per merge id.
    retryable: ['Award', 'MergeAccounts'],
    metrics,
  });
  return {
    points: {
      awardBonus: async (memberId, kind, scope) => {
        const answer = await points.Award({ memberId, kind }, scope);
        return { points: fromInt64(answer.points), balanceAfter: fromInt64(answer.balanceAfter), replayed: answer.replayed };
      },
      mergeAccounts: async (merge, scope) => {
        const answer = await points.MergeAccounts(merge, scope);
        return {
          pointsMoved: fromInt64(answer.pointsMoved),
          targetBalanceAfter: fromInt64(answer.targetBalanceAfter),
          replayed: answer.replayed,
        };
      },
    },
    close: () => points.close(),
  };
}
