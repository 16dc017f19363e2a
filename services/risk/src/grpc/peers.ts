import type { ProtoGrpcType as CampaignProto } from '../../../../proto/gen/campaign';
import type { ProtoGrpcType as PointsProto } from '../../../../proto/gen/points';
import { createPeerClient, fromEpochMs, loadProto, toEpochMs, type GrpcTls } from '../../../kit/src';
import type { ActivityPort, EngagementPort } from '../ports';

/** Points as the risk models read it: members' histories, a page at a time. */
export function activityPeer(config: {
  pointsGrpcAddress: string;
  grpcDeadlineMs: number;
  serviceToken: string;
  grpcTls?: GrpcTls;
}): ActivityPort & { close(): void } {
  const points = createPeerClient(loadProto<PointsProto>('points').membergraph.points.v1.PointsService.service, {
    address: config.pointsGrpcAddress,
    // A page of 500 members' histories is a bigger read than a balance: ten deadlines' worth.
    deadlineMs: config.grpcDeadlineMs * 10,
    serviceToken: config.serviceToken,
    tls: config.grpcTls,
    retryable: ['ListMemberActivity'],
  });
  return {
    listMemberActivity: async (afterMemberId, limit, before, scope) => {
      const page = await points.ListMemberActivity({ afterMemberId, limit, beforeEpochMs: toEpochMs(before) }, scope);
      return {
        members: page.members.map((m) => ({
          memberId: m.memberId,
          orders: m.orders.map((o) => ({
            orderedAt: new Date(Number(o.orderedAtEpochMs)),
            amountFen: Number(o.amountFen),
            refundedFen: Number(o.refundedFen),
          })),
          points: m.points.map((p) => ({
            at: new Date(Number(p.atEpochMs)),
            kind: p.kind === 'BURN' ? 'BURN' : 'EARN',
            points: Number(p.points),
            source: p.source,
          })),
          engagements: [],
        })),
        nextAfterMemberId: page.nextAfterMemberId || null,
      };
    },
    close: () => points.close(),
  };
}

/** Campaign as the risk models read it: members' engagement with campaigns, a page of members at a time. */
export function engagementPeer(config: {
  campaignGrpcAddress: string;
  grpcDeadlineMs: number;
  serviceToken: string;
  grpcTls?: GrpcTls;
}): EngagementPort & { close(): void } {
  const campaign = createPeerClient(loadProto<CampaignProto>('campaign').membergraph.campaign.v1.CampaignService.service, {
    address: config.campaignGrpcAddress,
    // A page of members' engagement is a bigger read than one member's: as points' page, ten deadlines.
    deadlineMs: config.grpcDeadlineMs * 10,
    serviceToken: config.serviceToken,
    tls: config.grpcTls,
    retryable: ['GetMemberEngagement'],
  });
  return {
    getMemberEngagement: async (memberIds, since, before, scope) => {
      const answer = await campaign.GetMemberEngagement(
        { memberIds: [...memberIds], sinceEpochMs: toEpochMs(since), beforeEpochMs: toEpochMs(before) },
        scope,
      );
      return new Map(answer.members.map((m) => [m.memberId, m.events.map((e) => ({ at: fromEpochMs(e.atEpochMs), kind: e.kind }))]));
    },
    close: () => campaign.close(),
  };
}
