import type { DataSource } from 'typeorm';
import { DomainError, type PiiCipher } from '../../../kit/src';
import type { Session, Sessions } from '../auth/sessions';
import type { WeChatAdapter } from '../auth/wechat';
import { weChatLogin } from '../auth/wechatLogin';
import type { CampaignPort, RiskPort } from '../ports';
import { assessLogin } from './assessSignIn';
import { checkReferralCode } from './registerMember';

/**
 * A member signs in from the mini-program: UNAVAILABLE when WeChat is not configured; otherwise the
 * WeChat account finds (or, with a shared phone, registers) the member, whose events are delivered
 * at once, and a MINI_PROGRAM session opens. Risk judges a registration as REGISTER before the
 * member is stored, a sign-in of a known member as LOGIN before the session opens.
 */
export async function loginWithWeChat(
  deps: {
    dataSource: DataSource;
    pii: PiiCipher;
    weChat: WeChatAdapter | null;
    sessions: Sessions;
    deliverEvents(memberId: string): Promise<void>;
    risk: RiskPort;
    /** Checks a referral code before a first sign-in registers the member. */
    campaign: Pick<CampaignPort, 'referrerOf'>;
  },
  input: { code: string; phoneCode?: string | null; ip?: string; deviceId?: string | null; referralCode?: string | null },
): Promise<Session> {
  if (!deps.weChat) throw new DomainError('UNAVAILABLE', 'mini-program sign-in is not configured (WECHAT_APP_ID)');
  // Before the WeChat code is used: a mistyped referral code must not cost the member their sign-in.
  const referralCode = await checkReferralCode(deps.campaign, input.referralCode);
  const signIn = { risk: deps.risk, source: { channel: 'MINI_PROGRAM', deviceId: input.deviceId, ip: input.ip } };
  const { memberId, registered } = await weChatLogin(deps.dataSource, deps.pii, deps.weChat, input, signIn, referralCode);
  if (!registered) await assessLogin(deps.dataSource, signIn, memberId);
  await deps.deliverEvents(memberId);
  return deps.sessions.open({ kind: 'MEMBER', subject: memberId, channel: 'MINI_PROGRAM' });
}
