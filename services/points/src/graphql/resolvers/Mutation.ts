import { actorOf, requireSelf, requireSelfOrStaff, requireStaff, requireStoreStaff } from '../../../../kit/src';
import { adjustPoints } from '../../commands/adjustPoints';
import { checkIn } from '../../commands/checkIn';
import { offsetCheckout } from '../../commands/offsetCheckout';
import { recordOrder } from '../../commands/recordOrder';
import { reevaluateTiers } from '../../commands/reevaluateTiers';
import { refundOrder } from '../../commands/refundOrder';
import type { MutationResolvers } from '../__generated__/resolvers-types';

/** Staff who record orders and refunds and take points at checkout anywhere; POS accounts do it at their own store only. */
const ORDER_ROLES = ['ADMIN', 'OPERATOR'] as const;

export const Mutation: MutationResolvers = {
  // Orders come from the channels' back offices and POS accounts, never from the member.
  recordOrder: (_, args, ctx) => {
    const boundStore = requireStoreStaff(ctx.identity, ORDER_ROLES, args.store);
    const callerIsAdmin = ctx.identity.kind === 'STAFF' && Boolean(ctx.identity.roles?.includes('ADMIN'));
    return recordOrder(
      ctx.dataSource,
      ctx.peers,
      ctx.events,
      ctx.rules,
      { ...args, store: args.store ?? boundStore, callerIsAdmin },
      actorOf(ctx.identity),
    );
  },

  offsetCheckout: (_, args, ctx) => {
    let atStore: string | null = null;
    if (ctx.identity.kind === 'MEMBER') requireSelfOrStaff(ctx.identity, args.memberId, ORDER_ROLES);
    else atStore = requireStoreStaff(ctx.identity, ORDER_ROLES);
    const client = { channel: ctx.identity.channel, ip: ctx.identity.ip };
    return offsetCheckout(ctx.dataSource, ctx.peers, ctx.rules.pointsPerCnyOffset, { ...args, atStore, client }, actorOf(ctx.identity));
  },

  refundOrder: (_, args, ctx) => {
    const boundStore = requireStoreStaff(ctx.identity, ORDER_ROLES);
    return refundOrder(ctx.dataSource, { ...args, atStore: boundStore }, ctx.events, ctx.rules, actorOf(ctx.identity));
  },

  adjustPoints: (_, args, ctx) => {
    requireStaff(ctx.identity, ['ADMIN', 'OPERATOR']);
    const actor = { name: actorOf(ctx.identity), subject: ctx.identity.subject ?? 'staff' };
    return adjustPoints(ctx.dataSource, ctx.peers.member, ctx.rules, args, actor);
  },

  checkIn: (_, args, ctx) => {
    requireSelf(ctx.identity, args.memberId, 'members check in for themselves');
    return checkIn(ctx.dataSource, ctx.peers.member, ctx.rules, args.memberId, actorOf(ctx.identity), undefined, ctx.peers.campaign);
  },

  reevaluateTiers: async (_, args, ctx) => {
    requireStaff(ctx.identity, ['ADMIN']);
    const cycle = args.cycle ?? String(new Date().getUTCFullYear());
    return { cycle, ...(await reevaluateTiers(ctx.dataSource, ctx.peers.member, cycle)) };
  },
};
