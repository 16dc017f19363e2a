import {
  actorOf,
  DomainError,
  parseMemberId,
  parsePageSize,
  readableMemberRef,
  requireMemberReader,
  requireStaff,
} from '../../../../kit/src';
import { defineReward, updateReward } from '../../commands/defineReward';
import { redeemReward } from '../../commands/redeemReward';
import { driveSaga } from '../../commands/rewardSaga';
import { RewardRedemption as RedemptionRow } from '../../db/entities/RewardRedemption';
import { findRedemptionPage, findRewardPage } from '../../db/rewardPages';
import type {
  MemberResolvers,
  MutationResolvers,
  QueryResolvers,
  RewardRedemptionResolvers,
  RewardResolvers,
} from '../__generated__/resolvers-types';
import { PROGRAMME_ROLES, READER_ROLES } from '../access';
import { connectionOf, decodeCursor } from '../connection';
import type { BenefitsContext } from '../../context';

/** Staff who may redeem a reward on a member's behalf (a service desk). */
const REDEEM_FOR_ROLES = ['ADMIN', 'OPERATOR', 'SERVICE_AGENT'] as const;

/** The member a redemption is for: a member redeems for themselves; staff name the member. */
function redeemer(ctx: BenefitsContext, memberId: string | null | undefined): string {
  if (ctx.identity.kind === 'MEMBER') {
    if (memberId && memberId !== ctx.identity.subject) throw new DomainError('FORBIDDEN', 'members may redeem only for themselves');
    return ctx.identity.subject!;
  }
  requireStaff(ctx.identity, REDEEM_FOR_ROLES);
  if (!memberId) throw new DomainError('BAD_USER_INPUT', 'staff name the memberId a reward is redeemed for', { field: 'memberId' });
  return parseMemberId(memberId);
}

export const rewardQuery: Pick<QueryResolvers, 'rewards' | 'rewardRedemption'> = {
  rewards: async (_, args, ctx) => {
    if (ctx.identity.kind === 'ANONYMOUS') throw new DomainError('UNAUTHENTICATED', 'sign in to see the rewards');
    // A partner key reaches cross-brand offers only; the points mall is for our members and staff.
    if (ctx.identity.kind !== 'MEMBER' && ctx.identity.kind !== 'STAFF')
      throw new DomainError('FORBIDDEN', 'the rewards are for members and staff');
    if (args.includeInactive) requireStaff(ctx.identity, READER_ROLES);
    const first = parsePageSize(args.first);
    const after = args.after ? decodeCursor(args.after) : null;
    const rows = await findRewardPage(ctx.dataSource, { first, after, includeInactive: Boolean(args.includeInactive) });
    return connectionOf(rows, first, args.after, (r) => ({ at: r.createdAt, id: r.code }));
  },

  rewardRedemption: async (_, args, ctx) => {
    if (ctx.identity.kind === 'ANONYMOUS') throw new DomainError('UNAUTHENTICATED', 'sign in to see member data');
    const row = args.id.length <= 36 ? await ctx.dataSource.getRepository(RedemptionRow).findOneBy({ id: args.id }) : null;
    if (!row) return null;
    requireMemberReader(ctx.identity, row.memberId);
    return row;
  },
};

export const rewardMutation: Pick<MutationResolvers, 'defineReward' | 'updateReward' | 'redeemReward'> = {
  defineReward: (_, args, ctx) => {
    requireStaff(ctx.identity, PROGRAMME_ROLES);
    return defineReward(ctx.dataSource, args.input, actorOf(ctx.identity));
  },

  updateReward: (_, args, ctx) => {
    requireStaff(ctx.identity, PROGRAMME_ROLES);
    return updateReward(ctx.dataSource, { code: args.id, change: args.change }, actorOf(ctx.identity));
  },

  /** Starts the saga (its first step, in one transaction), then drives it through the outbox at once. */
  redeemReward: async (_, args, ctx) => {
    const memberId = redeemer(ctx, args.memberId);
    const { redemption } = await redeemReward(
      ctx.dataSource,
      ctx.peers,
      { rewardId: args.rewardId, memberId, idempotencyKey: args.idempotencyKey },
      actorOf(ctx.identity),
    );
    return driveSaga(ctx.dataSource, ctx.rewards.outbox, redemption.id);
  },
};

export const rewardMember: Pick<MemberResolvers, 'rewardRedemptions'> = {
  /** Newest first; keyset pagination on (created_at, id). The member themselves or staff. */
  rewardRedemptions: async (member, args, ctx) => {
    readableMemberRef(member, ctx);
    const first = parsePageSize(args.first);
    const after = args.after ? decodeCursor(args.after) : null;
    const rows = await findRedemptionPage(ctx.dataSource, { memberId: parseMemberId(member.id), first, after });
    return connectionOf(rows, first, args.after, (r) => ({ at: r.createdAt, id: r.id }));
  },
};

export const Reward: RewardResolvers = {
  id: (reward) => reward.code,
  couponTemplate: (reward, _, ctx) => (reward.templateCode ? ctx.loaders.template.load(reward.templateCode) : null),
  tiers: (reward) => JSON.parse(reward.tiers) as string[],
  active: (reward) => Boolean(reward.active),
  createdAt: (reward) => reward.createdAt.toISOString(),
  updatedAt: (reward) => reward.updatedAt.toISOString(),
};

/** A voucher or coupon shows while the redemption stands; a compensated one's coupon shows as voided. */
export const RewardRedemption: RewardRedemptionResolvers = {
  reward: (redemption, _, ctx) => ctx.loaders.reward.load(redemption.rewardCode),
  coupon: (redemption, _, ctx) => (redemption.couponId ? ctx.loaders.coupon.load(redemption.couponId) : null),
  voucherCode: (redemption) => (redemption.state.startsWith('COMPENSAT') ? null : redemption.voucherCode),
  failure: (redemption) =>
    redemption.failedStep && redemption.failureCode
      ? { step: redemption.failedStep, code: redemption.failureCode, message: redemption.failureMessage ?? '' }
      : null,
  createdAt: (redemption) => redemption.createdAt.toISOString(),
  finishedAt: (redemption) => redemption.finishedAt?.toISOString() ?? null,
};
