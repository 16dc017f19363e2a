import type { ProtoGrpcType as MemberProto } from '../../../../proto/gen/member';
import type { ProtoGrpcType as PointsProto } from '../../../../proto/gen/points';
import {
  createPeerClient,
  createStreamingPeerClient,
  fromEpochMs,
  fromInt64,
  loadProto,
  toEpochMs,
  type GrpcTls,
  type ServiceMetrics,
} from '../../../kit/src';
import type { SegmentPeers } from '../ports';

export interface SegmentPeerAddresses {
  memberGrpcAddress: string;
  pointsGrpcAddress: string;
  grpcDeadlineMs: number;
  serviceToken: string;
  grpcTls?: GrpcTls;
  segments: { streamDeadlineMs: number };
}

const dateOrNull = (epochMs: string) => (fromInt64(epochMs) > 0 ? fromEpochMs(epochMs) : null);

/** Member and points as segments and channel CAC see them. */
export function connectSegmentPeers(config: SegmentPeerAddresses, metrics?: ServiceMetrics): SegmentPeers & { close(): void } {
  const memberService = loadProto<MemberProto>('member').membergraph.member.v1.MemberService.service;
  const pointsService = loadProto<PointsProto>('points').membergraph.points.v1.PointsService.service;
  const common = { serviceToken: config.serviceToken, tls: config.grpcTls, metrics };
  const member = createPeerClient(memberService, {
    ...common,
    address: config.memberGrpcAddress,
    deadlineMs: config.grpcDeadlineMs,
    retryable: ['CountRegistrations'],
  });
  const memberStreams = createStreamingPeerClient(memberService, {
    ...common,
    address: config.memberGrpcAddress,
    deadlineMs: config.segments.streamDeadlineMs,
  });
  const pointsStreams = createStreamingPeerClient(pointsService, {
    ...common,
    address: config.pointsGrpcAddress,
    deadlineMs: config.segments.streamDeadlineMs,
  });
  return {
    member: {
      async *streamSegmentProfiles(batchSize, scope) {
        for await (const batch of memberStreams.StreamSegmentProfiles({ batchSize }, scope)) {
          yield batch.profiles.map((p) => ({
            memberId: p.memberId,
            tierId: p.tierId,
            registeredVia: p.registeredVia,
            registeredAt: fromEpochMs(p.registeredAtEpochMs),
            consents: p.consents,
          }));
        }
      },
      countRegistrations: async (from, to, scope) => {
        const answer = await member.CountRegistrations({ fromEpochMs: toEpochMs(from), toEpochMs: toEpochMs(to) }, scope);
        return answer.channels.map((c) => ({ channel: c.channel, members: c.members }));
      },
    },
    points: {
      async *streamPurchaseStats(asOf, windowDays, batchSize, scope) {
        for await (const batch of pointsStreams.StreamPurchaseStats({ asOfEpochMs: toEpochMs(asOf), windowDays, batchSize }, scope)) {
          yield batch.stats.map((s) => ({
            memberId: s.memberId,
            purchases: s.purchases,
            spendFen: fromInt64(s.spendFen),
            lastPurchaseAt: dateOrNull(s.lastPurchaseEpochMs),
            firstPurchaseAt: dateOrNull(s.firstPurchaseEpochMs),
            purchasesEver: s.purchasesEver,
            checkIns: s.checkIns,
            channels: s.channels,
          }));
        }
      },
    },
    close: () => [member, memberStreams, pointsStreams].forEach((client) => client.close()),
  };
}
