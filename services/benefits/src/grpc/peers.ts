import type { ProtoGrpcType as MemberProto } from '../../../../proto/gen/member';
import type { ProtoGrpcType as PointsProto } from '../../../../proto/gen/points';
import { createPeerClient, fromEpochMs, fromInt64, loadProto, toEpochMs, toInt64, type ServiceMetrics } from '../../../kit/src';
import type { BenefitsPeers, PointsPort } from '../ports';

/** Where the peers are and what every call carries. */
export interface PeerAddresses {
  memberGrpcAddress: string;
  pointsGrpcAddress: string;
  grpcDeadlineMs: number;
  serviceToken: string;
}

/**
 * The points service: the spend benefits are ranked by, and the two-phase spending. Hold, capture
 * and release carry their hold key, so the kit may retry them like reads: a retry applies once.
 */
function pointsPeer(config: PeerAddresses, metrics?: ServiceMetrics): PointsPort & { close(): void } {
  const points = createPeerClient(loadProto<PointsProto>('points').membergraph.points.v1.PointsService.service, {
    address: config.pointsGrpcAddress,
    deadlineMs: config.grpcDeadlineMs,
    serviceToken: config.serviceToken,
    retryable: ['GetBalances', 'GetSpendStats', 'HoldPoints', 'CapturePoints', 'ReleasePoints'],
    metrics,
  });
  return {
    getSpendStats: async (memberIds, scope) => {
      const { stats } = await points.GetSpendStats({ memberIds: [...memberIds] }, scope);
      return stats.map((s) => ({
        spendFen: fromInt64(s.spendFen),
        purchases: s.purchases,
        lastPurchaseAt: fromInt64(s.lastPurchaseEpochMs) > 0 ? fromEpochMs(s.lastPurchaseEpochMs) : null,
      }));
    },
    getSpendable: async (memberId, scope) => {
      const { balances } = await points.GetBalances({ memberIds: [memberId] }, scope);
      const own = balances.find((b) => b.memberId === memberId);
      return own ? Math.max(0, fromInt64(own.balance) - fromInt64(own.held)) : 0;
    },
    hold: async (hold, scope) => {
      const answer = await points.HoldPoints(
        {
          memberId: hold.memberId,
          points: toInt64(hold.points),
          holdKey: hold.holdKey,
          sourceRef: hold.sourceRef,
          reason: hold.reason,
          expiresAtMs: toEpochMs(hold.expiresAt),
        },
        scope,
      );
      return { held: fromInt64(answer.held), expiresAt: fromEpochMs(answer.expiresAtMs), replayed: answer.replayed };
    },
    capture: async (holdKey, scope) => {
      const answer = await points.CapturePoints({ holdKey }, scope);
      return { entryId: answer.entryId, balanceAfter: fromInt64(answer.balanceAfter), replayed: answer.replayed };
    },
    release: async (holdKey, memberId, scope) => {
      const answer = await points.ReleasePoints({ holdKey, memberId }, scope);
      return { state: answer.state === 'CAPTURED' ? 'CAPTURED' : 'RELEASED', replayed: answer.replayed };
    },
    close: () => points.close(),
  };
}

/** The member service, as the benefits service's commands see it. */
export function connectPeers(config: PeerAddresses, metrics?: ServiceMetrics): BenefitsPeers & { close(): void } {
  const member = createPeerClient(loadProto<MemberProto>('member').membergraph.member.v1.MemberService.service, {
    address: config.memberGrpcAddress,
    deadlineMs: config.grpcDeadlineMs,
    serviceToken: config.serviceToken,
    retryable: ['GetMemberTiers', 'ListBirthdays', 'ResolvePartnerMembers'],
    metrics,
  });
  const points = pointsPeer(config, metrics);
  return {
    points,
    member: {
      getMemberTier: async (memberId, scope) => {
        const { tiers } = await member.GetMemberTiers({ memberIds: [memberId] }, scope);
        const tier = tiers.find((t) => t.memberId === memberId);
        return tier ? { memberId, tierId: tier.tierId } : null;
      },
      getPartnerSharing: async (memberId, scope) => {
        const { tiers } = await member.GetMemberTiers({ memberIds: [memberId] }, scope);
        const found = tiers.find((t) => t.memberId === memberId);
        return found ? found.partnerSharing : null;
      },
      resolvePartnerMember: async (partner, partnerMemberId, scope) => {
        const { links } = await member.ResolvePartnerMembers({ partner, partnerMemberIds: [partnerMemberId] }, scope);
        return links.find((l) => l.partnerMemberId === partnerMemberId)?.memberId ?? null;
      },
      listBirthdays: async (monthDays, afterMemberId, limit, scope) => {
        const page = await member.ListBirthdays({ monthDays: [...monthDays], afterMemberId, limit }, scope);
        return { members: page.members, nextAfterMemberId: page.nextAfterMemberId || null };
      },
    },
    close: () => {
      member.close();
      points.close();
    },
  };
}
