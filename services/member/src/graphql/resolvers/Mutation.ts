import { DomainError, isUniqueViolation } from '../../../../kit/src';
import type { MemberContext } from '../../context';
import { Member } from '../../db/entities/Member';
import { TierDefinition } from '../../db/entities/TierDefinition';
import { newMember } from '../../domain/registerMember';
import { entryTier } from '../../domain/tiers';

export const Mutation = {
  registerMember: async (_: unknown, args: { phone: string; channel: string }, ctx: MemberContext) => {
    const draft = newMember(args);
    const tiers = await ctx.dataSource.getRepository(TierDefinition).find();
    const member = Object.assign(new Member(), draft, { tierId: entryTier(tiers).id });
    try {
      // The unique phone key decides a race between two registrations, not a read-then-write check.
      await ctx.dataSource.getRepository(Member).insert(member);
    } catch (error) {
      if (isUniqueViolation(error)) throw new DomainError('CONFLICT', 'this phone is already registered', { field: 'phone' });
      throw error;
    }
    return member;
  },
};
