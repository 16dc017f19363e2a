import { randomUUID } from 'node:crypto';
import { DomainError, inTransaction, parseInstant, requireSelfOrStaff, requireStaff, rowLock } from '../../../../kit/src';
import { changeTier } from '../../commands/changeTier';
import { enqueueMemberEvent } from '../../commands/memberEvents';
import { registerMember } from '../../commands/registerMember';
import type { MemberContext } from '../../context';
import { Member } from '../../db/entities/Member';
import { TierVersion } from '../../db/entities/TierVersion';
import { loadLadder, tierById } from '../../db/ladder';
import { isComplete, isUnder14, updateProfile, type ProfileInput } from '../../domain/profile';
import { editTier, type TierEdit } from '../../domain/tierEdit';

export const Mutation = {
  registerMember: async (_: unknown, args: { phone: string; channel: string }, ctx: MemberContext) => {
    requireStaff(ctx.identity, ['ADMIN', 'OPERATOR', 'SERVICE_AGENT']);
    const member = await registerMember(ctx.dataSource, ctx.pii, args);
    await ctx.deliverEvents(member.id);
    return member;
  },

  updateProfile: async (_: unknown, args: { memberId: string; input: ProfileInput }, ctx: MemberContext) => {
    requireSelfOrStaff(ctx.identity, args.memberId, ['ADMIN', 'SERVICE_AGENT']);
    const now = new Date();
    const completedNow = await inTransaction(ctx.dataSource, async (manager) => {
      const member = await manager.findOne(Member, { where: { id: args.memberId }, lock: rowLock(manager) });
      if (!member) throw new DomainError('NOT_FOUND', `no member ${args.memberId}`, { field: 'memberId' });
      const profile = updateProfile(member, args.input, now);
      // PIPL: a member under 14 is a minor whose data is sensitive; a guardian must consent.
      const guardianConsentAt = member.guardianConsentAt ?? (args.input.guardianConsent ? now : null);
      if (profile.birthday && isUnder14(profile.birthday, now) && !guardianConsentAt) {
        throw new DomainError('BAD_USER_INPUT', 'members under 14 need a guardian’s consent (guardianConsent: true)', {
          field: 'guardianConsent',
        });
      }
      // The completion bonus is announced once, the first time the profile is complete.
      const first = isComplete(profile) && !member.profileCompletedAt;
      await manager.update(Member, { id: member.id }, { ...profile, guardianConsentAt, ...(first ? { profileCompletedAt: now } : {}) });
      if (first) await enqueueMemberEvent(manager, 'member.profile_completed', member.id, now);
      return first;
    });
    if (completedNow) await ctx.deliverEvents(args.memberId);
    ctx.loaders.member.clear(args.memberId);
    return ctx.loaders.member.load(args.memberId);
  },

  setPartnerSharing: async (_: unknown, args: { memberId: string; consent: boolean }, ctx: MemberContext) => {
    if (ctx.identity.kind !== 'MEMBER' || ctx.identity.subject !== args.memberId) {
      throw new DomainError(
        ctx.identity.kind === 'ANONYMOUS' ? 'UNAUTHENTICATED' : 'FORBIDDEN',
        'only the member may give or withdraw this consent',
      );
    }
    await ctx.dataSource.getRepository(Member).update({ id: args.memberId }, { partnerSharingAt: args.consent ? new Date() : null });
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
