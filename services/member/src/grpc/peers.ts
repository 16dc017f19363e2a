import type { ProtoGrpcType as PointsProto } from '../../../../proto/gen/points';
import type { ProtoGrpcType as RiskProto } from '../../../../proto/gen/risk';
import { createPeerClient, fromInt64, loadProto, toEpochMs, type GrpcTls, type ServiceMetrics } from '../../../kit/src';
import type { MemberPeers, RiskDecision } from '../ports';

/**
 * The points service as the member service sees it (bonuses and merges, sent from the outbox only),
 * and the risk service, asked before a sign-in (registration or login) opens a session.
 */
export function connectPeers(
  config: {
    pointsGrpcAddress: string;
    riskGrpcAddress: string;
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
  const risk = createPeerClient(loadProto<RiskProto>('risk').membergraph.risk.v1.RiskService.service, {
    address: config.riskGrpcAddress,
    deadlineMs: config.grpcDeadlineMs,
    serviceToken: config.serviceToken,
    tls: config.grpcTls,
    // One decision per idempotency key: a repeated assessment answers the first.
    retryable: ['Assess'],
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
    risk: {
      assess: async (action, scope) => {
        const answer = await risk.Assess(
          {
            action: action.action,
            memberId: action.memberId,
            channel: action.channel,
            deviceId: action.deviceId ?? '',
            ip: action.ip ?? '',
            idempotencyKey: action.idempotencyKey,
            occurredAtEpochMs: action.occurredAt ? toEpochMs(action.occurredAt) : '0',
            failOpen: action.failOpen ?? false,
          },
          scope,
        );
        // The risk service always decides one of the three (DECISION_UNSPECIFIED is only proto3's zero).
        return { decision: answer.decision as RiskDecision, reason: answer.reason };
      },
    },
    close: () => [points, risk].forEach((peer) => peer.close()),
  };
}
