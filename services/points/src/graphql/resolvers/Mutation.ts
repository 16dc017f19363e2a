import { DomainError, formatFen, parseCnyToFen, requireStaff } from '../../../../kit/src';
import { debitPoints } from '../../commands/debitPoints';
import { recordOrder } from '../../commands/recordOrder';
import { reevaluateTiers } from '../../commands/reevaluateTiers';
import { refundOrder } from '../../commands/refundOrder';
import type { PointsContext } from '../../context';
import { parseDebit, pointsForOffset } from '../../domain/debit';

export const Mutation = {
  recordOrder: (_: unknown, args: { memberId: string; orderNo: string; amount: string; channel: string }, ctx: PointsContext) =>
    recordOrder(ctx.dataSource, ctx.peers, ctx.rules, args),

  offsetCheckout: async (
    _: unknown,
    args: { memberId: string; orderNo: string; offset: string; idempotencyKey: string },
    ctx: PointsContext,
  ) => {
    const fen = parseCnyToFen(args.offset, 'offset');
    if (fen <= 0) throw new DomainError('BAD_USER_INPUT', 'offset must be greater than zero', { field: 'offset' });
    const points = pointsForOffset(fen, ctx.rules.pointsPerCnyOffset);
    const input = parseDebit({
      memberId: args.memberId,
      points,
      source: 'CHECKOUT',
      sourceRef: args.orderNo,
      reason: `checkout offset of ${formatFen(fen)} CNY on order ${args.orderNo}`,
      idempotencyKey: args.idempotencyKey,
    });
    const known = await ctx.peers.member.getMemberTiers([input.memberId]);
    if (known.tiers.length === 0) throw new DomainError('NOT_FOUND', `no member ${input.memberId}`, { field: 'memberId' });
    const { entry, replayed } = await debitPoints(ctx.dataSource, input);
    return { orderNo: args.orderNo, pointsUsed: points, offset: formatFen(fen), balance: entry.balanceAfter, replayed };
  },

  refundOrder: (_: unknown, args: { orderNo: string; refundNo: string; amount: string }, ctx: PointsContext) =>
    refundOrder(ctx.dataSource, args, ctx.peers.publishActivity),

  reevaluateTiers: async (_: unknown, args: { cycle?: string | null }, ctx: PointsContext) => {
    requireStaff(ctx.identity, ['ADMIN']);
    const cycle = args.cycle ?? String(new Date().getUTCFullYear());
    return { cycle, ...(await reevaluateTiers(ctx.dataSource, ctx.peers.member, cycle)) };
  },
};
