import { randomUUID } from 'node:crypto';
import { DomainError, inTransaction, isUniqueViolation, parseInstant, requireStaff, rowLock } from '../../../../kit/src';
import { changeTier } from '../../commands/changeTier';
import { enqueueMemberEvent } from '../../commands/memberEvents';
import type { MemberContext } from '../../context';
import { Member } from '../../db/entities/Member';
import { TierChange } from '../../db/entities/TierChange';
import { TierVersion } from '../../db/entities/TierVersion';
import { loadLadder, tierById } from '../../db/ladder';
import { isComplete, updateProfile, type ProfileInput } from '../../domain/profile';
import { newMember } from '../../domain/registerMember';
import { editTier, type TierEdit } from '../../domain/tierEdit';
import { entryTier } from '../../domain/tiers';

export const Mutation = {
  registerMember: async (_: unknown, args: { phone: string; channel: string }, ctx: MemberContext) => {
    const { phone, ...draft } = newMember(args);
    const member = Object.assign(new Member(), draft, {
      phoneEnc: ctx.pii.encrypt(phone),
      phoneIndex: ctx.pii.blindIndex(phone),
      tierId: entryTier(await loadLadder(ctx.dataSource)).id,
      tierSince: draft.registeredAt,
    });
    try {
      // The unique phone key decides a race between two registrations, not a read-then-write check.
      await inTransaction(ctx.dataSource, async (manager) => {
        await manager.insert(Member, member);
        await manager.insert(TierChange, {
          id: randomUUID(),
          memberId: member.id,
          fromTier: null,
          toTier: member.tierId,
          reason: 'REGISTERED',
          note: `registered via ${member.registeredVia}`,
          actor: 'system',
          at: member.registeredAt,
        });
        await enqueueMemberEvent(manager, 'member.registered', member.id, member.registeredAt);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new DomainError('CONFLICT', 'this phone is already registered', { field: 'phone' });
      throw error;
    }
    await ctx.deliverEvents(member.id);
    return member;
  },

  updateProfile: async (_: unknown, args: { memberId: string; input: ProfileInput }, ctx: MemberContext) => {
    const now = new Date();
    const completedNow = await inTransaction(ctx.dataSource, async (manager) => {
      const member = await manager.findOne(Member, { where: { id: args.memberId }, lock: rowLock(manager) });
      if (!member) throw new DomainError('NOT_FOUND', `no member ${args.memberId}`, { field: 'memberId' });
      const profile = updateProfile(member, args.input, now);
      // The completion bonus is announced once, the first time the profile is complete.
      const first = isComplete(profile) && !member.profileCompletedAt;
      await manager.update(Member, { id: member.id }, { ...profile, ...(first ? { profileCompletedAt: now } : {}) });
      if (first) await enqueueMemberEvent(manager, 'member.profile_completed', member.id, now);
      return first;
    });
    if (completedNow) await ctx.deliverEvents(args.memberId);
    ctx.loaders.member.clear(args.memberId);
    return ctx.loaders.member.load(args.memberId);
  },

  grantTier: async (
    _: unknown,
    args: { memberId: string; tierId: string; reason: string; expiresAt?: string | null },
    ctx: MemberContext,
  ) => {
    const actor = requireStaff(ctx.identity, ['ADMIN', 'OPERATOR']);
    const reason = args.reason.trim();
    if (reason.length < 3 || reason.length > 255)
      throw new DomainError('BAD_USER_INPUT', 'reason must be 3–255 characters', { field: 'reason' });
    const now = new Date();
    const expiresAt = args.expiresAt == null ? null : parseInstant(args.expiresAt, 'expiresAt');
    if (expiresAt && expiresAt <= now) throw new DomainError('BAD_USER_INPUT', 'expiresAt must be in the future', { field: 'expiresAt' });
    await inTransaction(ctx.dataSource, async (manager) => {
      const member = await manager.findOne(Member, { where: { id: args.memberId }, lock: rowLock(manager) });
      if (!member) throw new DomainError('NOT_FOUND', `no member ${args.memberId}`, { field: 'memberId' });
      const ladder = await loadLadder(manager, now);
      if (!ladder.some((t) => t.id === args.tierId)) throw new DomainError('NOT_FOUND', `no tier ${args.tierId}`, { field: 'tierId' });
      await changeTier(manager, member, {
        toTier: tierById(ladder, args.tierId).id,
        reason: 'GRANT',
        note: reason,
        actor,
        at: now,
        grantExpiresAt: expiresAt,
      });
    });
    ctx.loaders.member.clear(args.memberId);
    return ctx.loaders.member.load(args.memberId);
  },

  updateTier: async (
    _: unknown,
    args: { id: string; input: TierEdit; reason: string; effectiveFrom?: string | null },
    ctx: MemberContext,
  ) => {
    const actor = requireStaff(ctx.identity, ['ADMIN']);
    const reason = args.reason.trim();
    if (reason.length < 3 || reason.length > 255)
      throw new DomainError('BAD_USER_INPUT', 'reason must be 3–255 characters', { field: 'reason' });
    const now = new Date();
    const effectiveFrom = args.effectiveFrom == null ? now : parseInstant(args.effectiveFrom, 'effectiveFrom');
    if (effectiveFrom.getTime() < now.getTime() - 60_000) {
      throw new DomainError('BAD_USER_INPUT', 'effectiveFrom cannot be in the past: history is never rewritten', {
        field: 'effectiveFrom',
      });
    }
    const edited = editTier(await loadLadder(ctx.dataSource, effectiveFrom), args.id, args.input);
    await ctx.dataSource.getRepository(TierVersion).insert({
      id: randomUUID(),
      tierId: edited.id,
      effectiveFrom,
      name: edited.name,
      rank: edited.rank,
      spendThresholdFen: edited.spendThresholdFen,
      purchaseThreshold: edited.purchaseThreshold,
      rule: edited.rule,
      multiplierMilli: edited.multiplierMilli,
      pointsNeverExpire: edited.pointsNeverExpire,
      createdBy: actor,
      reason,
      createdAt: now,
    });
    return edited;
  },
};
