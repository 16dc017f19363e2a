import { MoreThan } from 'typeorm';
import { DomainError } from '../../../../kit/src';
import type { MemberContext } from '../../context';
import { Member } from '../../db/entities/Member';

const MAX_PAGE = 100;

export const Query = {
  member: (_: unknown, args: { id: string }, ctx: MemberContext) => ctx.loaders.member.load(args.id),

  members: async (_: unknown, args: { first: number; after?: string | null }, ctx: MemberContext) => {
    if (!Number.isInteger(args.first) || args.first < 1 || args.first > MAX_PAGE) {
      throw new DomainError('BAD_USER_INPUT', `first must be between 1 and ${MAX_PAGE}`, { field: 'first' });
    }
    const members = await ctx.dataSource.getRepository(Member).find({
      where: args.after ? { id: MoreThan(args.after) } : {},
      order: { id: 'ASC' },
      take: args.first,
    });
    for (const member of members) ctx.loaders.member.prime(member.id, member);
    return members;
  },

  tiers: (_: unknown, __: unknown, ctx: MemberContext) => ctx.loaders.ladder(),
};
