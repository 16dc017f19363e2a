import { recordOrder } from '../../commands/recordOrder';
import type { PointsContext } from '../../context';

export const Mutation = {
  recordOrder: (_: unknown, args: { memberId: string; orderNo: string; amount: string; channel: string }, ctx: PointsContext) =>
    recordOrder(ctx.dataSource, ctx.peers, ctx.baseRateMilli, args),
};
