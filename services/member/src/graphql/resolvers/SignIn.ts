import { actorOf, DomainError, parseChannel, requireStaff, type Identity } from '../../../../kit/src';
import { verifyLoginCode } from '../../auth/loginCodes';
import { requestLoginCode } from '../../commands/requestLoginCode';
import type { Session } from '../../auth/sessions';
import { issuePartnerKey, revokePartnerKey } from '../../auth/partnerKeys';
import { createStaff, staffLogin, type NewStaff } from '../../auth/staff';
import { weChatLogin } from '../../auth/wechatLogin';
import { mergeMembers } from '../../commands/mergeMembers';
import { memberForPhone } from '../../commands/registerMember';
import type { MemberContext } from '../../context';
import { PartnerKey } from '../../db/entities/PartnerKey';
import { StaffAccount } from '../../db/entities/StaffAccount';

function codeOptions(ctx: MemberContext) {
  return { pii: ctx.pii, limits: ctx.auth.limits, ttlSeconds: ctx.auth.codeTtlSeconds };
}

/** Opens a session for a member who just proved who they are; the answer may show them their own data. */
async function memberSession(ctx: MemberContext, memberId: string, channel: string): Promise<Session> {
  ctx.signedIn.add(memberId);
  return ctx.auth.sessions.open({ kind: 'MEMBER', subject: memberId, channel });
}

/** Sign-in, sessions and staff administration (the Mutation fields of the member service's auth). */
export const SignInMutation = {
  requestLoginCode: async (_: unknown, args: { phone: string }, ctx: MemberContext) => ({
    expiresIn: await requestLoginCode(
      ctx.dataSource,
      { ...codeOptions(ctx), sms: ctx.auth.sms },
      { phone: args.phone, ip: ctx.identity.ip },
    ),
  }),

  loginWithCode: async (_: unknown, args: { phone: string; code: string; channel?: string | null }, ctx: MemberContext) => {
    const channel = parseChannel(args.channel ?? 'WEB');
    const phone = await verifyLoginCode(ctx.dataSource, codeOptions(ctx), args.phone, args.code, ctx.identity.ip);
    const { member, registered } = await memberForPhone(ctx.dataSource, ctx.pii, phone, channel);
    if (registered) await ctx.deliverEvents(member.id);
    return memberSession(ctx, member.id, channel);
  },

  loginWithWeChat: async (_: unknown, args: { code: string; phoneCode?: string | null }, ctx: MemberContext) => {
    if (!ctx.auth.weChat) throw new DomainError('UNAVAILABLE', 'mini-program sign-in is not configured (WECHAT_APP_ID)');
    const memberId = await weChatLogin(ctx.dataSource, ctx.pii, ctx.auth.weChat, args);
    await ctx.deliverEvents(memberId);
    return memberSession(ctx, memberId, 'MINI_PROGRAM');
  },

  staffLogin: async (_: unknown, args: { username: string; password: string }, ctx: MemberContext) =>
    ctx.auth.sessions.open(await staffLogin(ctx.dataSource, ctx.auth.limits, args, ctx.identity.ip)),

  refreshSession: (_: unknown, args: { refreshToken: string }, ctx: MemberContext) => ctx.auth.sessions.refresh(args.refreshToken),

  logout: (_: unknown, args: { refreshToken: string }, ctx: MemberContext) => ctx.auth.sessions.revoke(args.refreshToken),

  createStaff: (_: unknown, args: { input: NewStaff }, ctx: MemberContext) => {
    requireStaff(ctx.identity, ['ADMIN']);
    return createStaff(ctx.dataSource, args.input);
  },

  mergeMembers: async (_: unknown, args: { sourceId: string; targetId: string; reason: string }, ctx: MemberContext) => {
    const actor = actorOf(ctx.identity);
    requireStaff(ctx.identity, ['ADMIN', 'SERVICE_AGENT']);
    const { target } = await mergeMembers(ctx.dataSource, args, actor);
    await ctx.auth.sessions.revokeSubject(args.sourceId);
    await ctx.deliverEvents(args.sourceId);
    ctx.loaders.member.clearAll();
    return ctx.loaders.member.load(target);
  },

  issuePartnerKey: async (_: unknown, args: { partner: string }, ctx: MemberContext) => {
    const actor = requireStaff(ctx.identity, ['ADMIN']);
    const { row, key } = await issuePartnerKey(ctx.dataSource, args.partner, actor);
    return { ...row, key };
  },

  revokePartnerKey: (_: unknown, args: { id: string }, ctx: MemberContext) => {
    requireStaff(ctx.identity, ['ADMIN']);
    return revokePartnerKey(ctx.dataSource, args.id);
  },

  rotateSigningKey: (_: unknown, __: unknown, ctx: MemberContext) => {
    requireStaff(ctx.identity, ['ADMIN']);
    // Old keys stay published a minute longer than the longest-lived token they signed.
    return ctx.auth.keys.rotate(ctx.auth.keyActivationDelaySeconds * 1000, (ctx.auth.accessTtlSeconds + 60) * 1000);
  },
};

export const AuthSessionResolvers = {
  tokenType: () => 'Bearer',
  member: (session: Session, _: unknown, ctx: MemberContext) => {
    if (session.identity.kind !== 'MEMBER') return null;
    ctx.signedIn.add(session.identity.subject!);
    return ctx.loaders.member.load(session.identity.subject!);
  },
  staff: (session: { identity: Identity }, _: unknown, ctx: MemberContext) =>
    session.identity.kind === 'STAFF' ? ctx.dataSource.getRepository(StaffAccount).findOneBy({ id: session.identity.subject! }) : null,
};

export const StaffAccountResolvers = {
  roles: (staff: StaffAccount) => staff.roles.split(','),
  store: (staff: StaffAccount) => staff.storeId,
};

export const PartnerKeyResolvers = {
  createdAt: (key: PartnerKey) => key.createdAt.toISOString(),
  revokedAt: (key: PartnerKey) => key.revokedAt?.toISOString() ?? null,
};
