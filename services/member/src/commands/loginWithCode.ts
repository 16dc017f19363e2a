import type { DataSource } from 'typeorm';
import type { PiiCipher } from '../../../kit/src';
import { verifyLoginCode, type LoginCodeOptions } from '../auth/loginCodes';
import type { Session, Sessions } from '../auth/sessions';
import type { CampaignPort, RiskPort } from '../ports';
import { assessLogin } from './assessSignIn';
import { checkReferralCode, memberForPhone } from './registerMember';

/**
 * A member signs in with the code sent to their phone: the code is checked (and counted against
 * the phone and address limits), the member found or registered on first sign-in (their
 * registration events delivered at once, so the welcome bonus shows), and a session opened.
 * Risk judges the first sign-in as REGISTER before the member is stored, a later one as LOGIN
 * before the session opens (commands/assessSignIn.ts: DENY refuses, no answer fails open).
 */
export async function loginWithCode(
  deps: {
    dataSource: DataSource;
    pii: PiiCipher;
    codes: LoginCodeOptions;
    sessions: Sessions;
    deliverEvents(memberId: string): Promise<void>;
    risk: RiskPort;
    /** Checks a referral code before a first sign-in registers the member. */
    campaign: Pick<CampaignPort, 'referrerOf'>;
  },
  input: { phone: string; code: string; channel: string; ip?: string; deviceId?: string | null; referralCode?: string | null },
): Promise<Session> {
  // Before the sign-in code is used up: a mistyped referral code must not cost the member their code.
  const referralCode = await checkReferralCode(deps.campaign, input.referralCode);
  const phone = await verifyLoginCode(deps.dataSource, deps.codes, input.phone, input.code, input.ip);
  const signIn = { risk: deps.risk, source: { channel: input.channel, deviceId: input.deviceId, ip: input.ip } };
  const { member, registered } = await memberForPhone(deps.dataSource, deps.pii, phone, input.channel, signIn, referralCode);
  if (registered) await deps.deliverEvents(member.id);
  else await assessLogin(deps.dataSource, signIn, member.id);
  return deps.sessions.open({ kind: 'MEMBER', subject: member.id, channel: input.channel });
}
