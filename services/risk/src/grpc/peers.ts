import type { ProtoGrpcType as PointsProto } from '../../../../proto/gen/points';
import { createPeerClient, loadProto, toEpochMs, type GrpcTls } from '../../../kit/src';
import type { ActivityPort } from '../ports';

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
          })),
          engagements: [],
        })),
        nextAfterMemberId: page.nextAfterMemberId || null,
      };
    },
    close: () => points.close(),
  };
}
