import { actorOf, parseChannel, requireStaff, type Identity } from '../../../../kit/src';
import { issuePartnerKey, revokePartnerKey } from '../../auth/partnerKeys';
import type { Session } from '../../auth/sessions';
import type { NewStaff } from '../../auth/staff';
import { createStaff } from '../../commands/createStaff';
import { loginWithCode } from '../../commands/loginWithCode';
import { loginWithWeChat } from '../../commands/loginWithWeChat';
import { logout } from '../../commands/logout';
import { mergeMembers } from '../../commands/mergeMembers';
import { refreshSession } from '../../commands/refreshSession';
import { requestLoginCode } from '../../commands/requestLoginCode';
import { staffLogin } from '../../commands/staffLogin';
import { unlockSignIn } from '../../commands/unlockSignIn';
import type { MemberContext } from '../../context';
import { PartnerKey } from '../../db/entities/PartnerKey';
import { StaffAccount } from '../../db/entities/StaffAccount';

function codeOptions(ctx: MemberContext) {
  return { pii: ctx.pii, limits: ctx.auth.limits, ttlSeconds: ctx.auth.codeTtlSeconds };
}

/** The member a sign-in just proved: the answer may show them their own data. */
function signedIn(ctx: MemberContext, session: Session): Session {
  ctx.signedIn.add(session.identity.subject!);
  return session;
}

/** Sign-in, sessions and staff administration (the Mutation fields of the member service's auth): access, parsing, commands. */
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
    const deps = { ...ctx, codes: codeOptions(ctx), sessions: ctx.auth.sessions };
    return signedIn(ctx, await loginWithCode(deps, { phone: args.phone, code: args.code, channel, ip: ctx.identity.ip }));
  },

  loginWithWeChat: async (_: unknown, args: { code: string; phoneCode?: string | null }, ctx: MemberContext) =>
    signedIn(ctx, await loginWithWeChat({ ...ctx, weChat: ctx.auth.weChat, sessions: ctx.auth.sessions }, args)),

  staffLogin: (_: unknown, args: { username: string; password: string }, ctx: MemberContext) =>
    staffLogin({ dataSource: ctx.dataSource, limits: ctx.auth.limits, sessions: ctx.auth.sessions }, { ...args, ip: ctx.identity.ip }),

  refreshSession: (_: unknown, args: { refreshToken: string }, ctx: MemberContext) => refreshSession(ctx.auth.sessions, args),

  logout: (_: unknown, args: { refreshToken: string }, ctx: MemberContext) => logout(ctx.auth.sessions, args),

  unlockSignIn: (_: unknown, args: { username?: string | null; phone?: string | null }, ctx: MemberContext) => {
    requireStaff(ctx.identity, ['ADMIN']);
    return unlockSignIn({ dataSource: ctx.dataSource, pii: ctx.pii }, args);
  },
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
