import { actorOf, DomainError, formatFen, parseCnyToFen, requireSelfOrStaff, requireStaff } from '../../../../kit/src';
import { movePoints } from '../../commands/movePoints';
import { recordOrder } from '../../commands/recordOrder';
import { reevaluateTiers } from '../../commands/reevaluateTiers';
import { refundOrder } from '../../commands/refundOrder';
import type { PointsContext } from '../../context';
import { lastDayBefore, lotExpiry } from '../../domain/account';
import { debitMove, parseDebit, pointsForOffset } from '../../domain/debit';

type OrderArgs = Parameters<typeof recordOrder>[3];

/** Staff who record orders and refunds (back offices and POS accounts) and take points at checkout. */
const ORDER_ROLES = ['ADMIN', 'OPERATOR'] as const;

/** The member's tier as the member service has it now; NOT_FOUND for an unknown member. */
async function tierOf(ctx: PointsContext, memberId: string) {
  const known = await ctx.peers.member.getMemberTiers([memberId]);
  const tier = known.tiers.find((t) => t.memberId === memberId);
  if (!tier) throw new DomainError('NOT_FOUND', `no member ${memberId}`, { field: 'memberId' });
  return tier;
}

function validKey(key: string): string {
  if (!/^[\x21-\x7e]{8,100}$/.test(key))
    throw new DomainError('BAD_USER_INPUT', 'idempotencyKey must be 8–100 printable characters', { field: 'idempotencyKey' });
  return key;
}

export const Mutation = {
  // Orders come from the channels' back offices and POS accounts, never from the member.
  recordOrder: (_: unknown, args: OrderArgs, ctx: PointsContext) => {
    requireStaff(ctx.identity, ORDER_ROLES);
    return recordOrder(ctx.dataSource, ctx.peers, ctx.rules, args, actorOf(ctx.identity));
  },

  offsetCheckout: async (
    _: unknown,
    args: { memberId: string; orderNo: string; offset: string; idempotencyKey: string },
    ctx: PointsContext,
  ) => {
    requireSelfOrStaff(ctx.identity, args.memberId, ORDER_ROLES);
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
    await tierOf(ctx, input.memberId);
    const { entry, replayed } = await movePoints(ctx.dataSource, debitMove(input, actorOf(ctx.identity)));
    return { orderNo: args.orderNo, pointsUsed: points, offset: formatFen(fen), balance: entry.balanceAfter, replayed };
  },

  refundOrder: (_: unknown, args: { orderNo: string; refundNo: string; amount: string }, ctx: PointsContext) => {
    requireStaff(ctx.identity, ORDER_ROLES);
    return refundOrder(ctx.dataSource, args, ctx.peers.publishActivity, actorOf(ctx.identity));
  },

  adjustPoints: async (
    _: unknown,
    args: { memberId: string; points: number; reason: string; idempotencyKey: string },
    ctx: PointsContext,
  ) => {
    requireStaff(ctx.identity, ['ADMIN', 'OPERATOR']);
    if (!Number.isInteger(args.points) || args.points === 0 || Math.abs(args.points) > 1_000_000) {
      throw new DomainError('BAD_USER_INPUT', 'points must be a non-zero whole number within ±1,000,000', { field: 'points' });
    }
    const reason = args.reason.trim();
    if (reason.length < 3 || reason.length > 200)
      throw new DomainError('BAD_USER_INPUT', 'reason must be 3–200 characters', { field: 'reason' });
    const tier = await tierOf(ctx, args.memberId);
    const now = new Date();
    const { entry, replayed } = await movePoints(
      ctx.dataSource,
      {
        memberId: args.memberId,
        points: args.points,
        entryType: 'ADJUST',
        source: 'STAFF',
        sourceRef: ctx.identity.subject ?? 'staff',
        reason,
        idempotencyKey: `ADJUST:${validKey(args.idempotencyKey)}`,
        actor: actorOf(ctx.identity),
        lotExpiresAt: lotExpiry(now, ctx.rules, tier),
      },
      now,
    );
    return { entry, replayed };
  },

  checkIn: async (_: unknown, args: { memberId: string }, ctx: PointsContext) => {
    if (ctx.identity.kind !== 'MEMBER' || ctx.identity.subject !== args.memberId) {
      throw new DomainError(ctx.identity.kind === 'ANONYMOUS' ? 'UNAUTHENTICATED' : 'FORBIDDEN', 'members check in for themselves');
    }
    const tier = await tierOf(ctx, args.memberId);
    const now = new Date();
    // One check-in per day of the programme's time zone: the day is part of the key.
    const day = lastDayBefore(new Date(now.getTime() + 1), ctx.rules.utcOffsetMinutes);
    const { entry, replayed } = await movePoints(
      ctx.dataSource,
      {
        memberId: args.memberId,
        points: ctx.rules.checkInPoints,
        entryType: 'EARN',
        source: 'CHECK_IN',
        sourceRef: day,
        reason: `daily check-in ${day}`,
        idempotencyKey: `CHECKIN:${args.memberId}:${day}`,
        actor: actorOf(ctx.identity),
        lotExpiresAt: lotExpiry(now, ctx.rules, tier),
      },
      now,
    );
    return { day, points: entry.points, balance: entry.balanceAfter, alreadyCheckedIn: replayed };
  },

  reevaluateTiers: async (_: unknown, args: { cycle?: string | null }, ctx: PointsContext) => {
    requireStaff(ctx.identity, ['ADMIN']);
    const cycle = args.cycle ?? String(new Date().getUTCFullYear());
    return { cycle, ...(await reevaluateTiers(ctx.dataSource, ctx.peers.member, cycle)) };
  },
};
