import { actorOf, parseChannel, parseCode, requireStaff, required, STAFF_ROLES, type StaffRole } from '../../../../kit/src';
import { issuePartnerKey, revokePartnerKey } from '../../auth/partnerKeys';
import type { Session } from '../../auth/sessions';
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
import { StaffAccount as StaffAccountRow } from '../../db/entities/StaffAccount';
import type { AuthSessionResolvers, MutationResolvers, PartnerKeyResolvers, StaffAccountResolvers } from '../__generated__/resolvers-types';
import { deliverWithTierChanges } from '../../commands/memberEvents';

/** A client's device id: 1–64 letters, digits or _-:. (what risk stores); none is fine. */
const parseDeviceId = (text: string | null | undefined) => (text ? parseCode(text, 'deviceId', { max: 64 }) : null);

function codeOptions(ctx: MemberContext) {
  return { pii: ctx.pii, limits: ctx.auth.limits, ttlSeconds: ctx.auth.codeTtlSeconds };
}

/** The member a sign-in just proved: the answer may show them their own data. */
function signedIn(ctx: MemberContext, session: Session): Session {
  ctx.signedIn.add(session.identity.subject!);
  return session;
}

/** Sign-in, sessions and staff administration (the Mutation fields of the member service's auth): access, parsing, commands. */
export const SignInMutation: MutationResolvers = {
  requestLoginCode: async (_, args, ctx) => ({
    expiresIn: await requestLoginCode(
      ctx.dataSource,
      { ...codeOptions(ctx), sms: ctx.auth.sms },
      { phone: args.phone, ip: ctx.identity.ip },
    ),
  }),

  // The address is the gateway's (identity.ip: the socket's, or X-Forwarded-For through TRUSTED_PROXIES);
  // the device id is what the client says it is (risk counts members per device).
  loginWithCode: async (_, args, ctx) => {
    const channel = parseChannel(args.channel ?? 'WEB');
    const deviceId = parseDeviceId(args.deviceId);
    const deps = { ...ctx, codes: codeOptions(ctx), sessions: ctx.auth.sessions };
    return signedIn(
      ctx,
      await loginWithCode(deps, {
        phone: args.phone,
        code: args.code,
        channel,
        ip: ctx.identity.ip,
        deviceId,
        referralCode: args.referralCode,
      }),
    );
  },

  loginWithWeChat: async (_, args, ctx) => {
    const deviceId = parseDeviceId(args.deviceId);
    const deps = { ...ctx, weChat: ctx.auth.weChat, sessions: ctx.auth.sessions };
    return signedIn(
      ctx,
      await loginWithWeChat(deps, {
        code: args.code,
        phoneCode: args.phoneCode,
        ip: ctx.identity.ip,
        deviceId,
        referralCode: args.referralCode,
      }),
    );
  },

  staffLogin: (_, args, ctx) =>
    staffLogin({ dataSource: ctx.dataSource, limits: ctx.auth.limits, sessions: ctx.auth.sessions }, { ...args, ip: ctx.identity.ip }),

  refreshSession: (_, args, ctx) => refreshSession(ctx.auth.sessions, args),

  logout: (_, args, ctx) => logout(ctx.auth.sessions, args),

  unlockSignIn: (_, args, ctx) => {
    requireStaff(ctx.identity, ['ADMIN']);
    return unlockSignIn({ dataSource: ctx.dataSource, pii: ctx.pii }, args);
  },
  createStaff: (_, args, ctx) => {
    requireStaff(ctx.identity, ['ADMIN']);
    return createStaff(ctx.dataSource, args.input);
  },

  mergeMembers: async (_, args, ctx) => {
    const actor = actorOf(ctx.identity);
    requireStaff(ctx.identity, ['ADMIN', 'SERVICE_AGENT']);
    const { target } = await mergeMembers(ctx.dataSource, args, actor);
    await ctx.auth.sessions.revokeSubject(args.sourceId);
    await deliverWithTierChanges(ctx.deliverEvents, args.sourceId);
    // The tier the target may have taken over reaches points' tier copy before the answer.
    await deliverWithTierChanges(ctx.deliverEvents, target);
    ctx.loaders.member.clearAll();
    return required(await ctx.loaders.member.load(target), `member ${target}`);
  },

  issuePartnerKey: async (_, args, ctx) => {
    const actor = requireStaff(ctx.identity, ['ADMIN']);
    const { row, key } = await issuePartnerKey(ctx.dataSource, args.partner, actor);
    return { ...row, key };
  },

  revokePartnerKey: (_, args, ctx) => {
    requireStaff(ctx.identity, ['ADMIN']);
    return revokePartnerKey(ctx.dataSource, args.id);
  },

  rotateSigningKey: (_, __, ctx) => {
    requireStaff(ctx.identity, ['ADMIN']);
    // Old keys stay published a minute longer than the longest-lived token they signed.
    return ctx.auth.keys.rotate(ctx.auth.keyActivationDelaySeconds * 1000, (ctx.auth.accessTtlSeconds + 60) * 1000);
  },
};

export const AuthSession: AuthSessionResolvers = {
  tokenType: () => 'Bearer',
  member: (session, _, ctx) => {
    if (session.identity.kind !== 'MEMBER') return null;
    ctx.signedIn.add(session.identity.subject!);
    return ctx.loaders.member.load(session.identity.subject!);
  },
  staff: (session, _, ctx) =>
    session.identity.kind === 'STAFF' ? ctx.dataSource.getRepository(StaffAccountRow).findOneBy({ id: session.identity.subject! }) : null,
};

/** Roles are checked when an account is created; one that is not a StaffRole now is corrupt data. */
const staffRole = (role: string): StaffRole =>
  required(
    STAFF_ROLES.find((known) => known === role),
    `staff role ${role}`,
  );

export const StaffAccount: StaffAccountResolvers = {
  roles: (staff) => staff.roles.split(',').map(staffRole),
  store: (staff) => staff.storeId,
};

export const PartnerKey: PartnerKeyResolvers = {
  createdAt: (key) => key.createdAt.toISOString(),
  revokedAt: (key) => key.revokedAt?.toISOString() ?? null,
};
