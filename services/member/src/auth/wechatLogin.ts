import { randomUUID } from 'node:crypto';
import { In, type DataSource } from 'typeorm';
import { DomainError, isUniqueViolation, type PiiCipher } from '../../../kit/src';
import type { SignInRisk } from '../commands/assessSignIn';
import { memberForPhone } from '../commands/registerMember';
import { ChannelIdentity, externalIndex, type ChannelIdentityKind } from '../db/entities/ChannelIdentity';
import { normalizePhone } from '../domain/phone';
import type { WeChatAdapter } from './wechat';

/**
 * Mini-program sign-in. The wx.login code gives an openid (and a unionid when the brand's apps share
 * an open platform account). A known unionid or openid signs in its member; otherwise the phone the
 * user shares (getPhoneNumber's code) finds or registers the member by phone, and the WeChat ids are
 * bound to them. So one person is one member across the web shop, POS and every WeChat app.
 * Conflicts: an id already bound wins over the phone (a staff merge resolves true duplicates).
 * WeChat's ids are stored as a blind index plus a sealed copy; the session key stays on the server, sealed.
 */
export async function weChatLogin(
  dataSource: DataSource,
  pii: PiiCipher,
  weChat: WeChatAdapter,
  input: { code: string; phoneCode?: string | null },
  signIn?: SignInRisk,
  /** Checked already (checkReferralCode): recorded only if this registers the member. */
  referralCode: string | null = null,
): Promise<{ memberId: string; registered: boolean }> {
  const session = await weChat.codeToSession(input.code);
  const repo = dataSource.getRepository(ChannelIdentity);
  const wanted: Array<[ChannelIdentityKind, string, string]> = [
    ...(session.unionid ? [['WECHAT_UNIONID', session.unionid] as const] : []),
    ['WECHAT_OPENID', session.openid] as const,
  ].map(([kind, id]) => [kind, id, externalIndex(pii, kind, id)]);
  const known = await repo.findBy({ externalId: In(wanted.map(([, , index]) => index)) });
  const bound = wanted.map(([kind, , index]) => known.find((k) => k.kind === kind && k.externalId === index)).find(Boolean);
  let memberId = bound?.memberId;
  let registered = false;
  if (!memberId) {
    if (!input.phoneCode) {
      throw new DomainError('BAD_USER_INPUT', 'first sign-in from this WeChat account: share a phone number (phoneCode)', {
        field: 'phoneCode',
        reason: 'PHONE_REQUIRED',
      });
    }
    const phone = normalizePhone(await weChat.phoneNumber(input.phoneCode));
    const found = await memberForPhone(dataSource, pii, phone, 'MINI_PROGRAM', signIn, referralCode);
    memberId = found.member.id;
    registered = found.registered;
  }
  const now = new Date();
  for (const [kind, raw, externalId] of wanted) {
    const existing = known.find((k) => k.kind === kind && k.externalId === externalId);
    const secretSealed = kind === 'WECHAT_OPENID' ? pii.encrypt(session.sessionKey) : null;
    if (existing) {
      if (secretSealed) await repo.update({ id: existing.id }, { secretSealed });
      continue;
    }
    try {
      await repo.insert({ id: randomUUID(), memberId, kind, externalId, externalSealed: pii.encrypt(raw), secretSealed, createdAt: now });
    } catch (error) {
      // Bound by a concurrent sign-in of the same account a moment ago: nothing more to do.
      if (!isUniqueViolation(error)) throw error;
    }
  }
  return { memberId, registered };
}
