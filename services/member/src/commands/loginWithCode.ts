import type { DataSource } from 'typeorm';
import type { PiiCipher } from '../../../kit/src';
import { verifyLoginCode, type LoginCodeOptions } from '../auth/loginCodes';
import type { Session, Sessions } from '../auth/sessions';
import { memberForPhone } from './registerMember';

/**
 * A member signs in with the code sent to their phone: the code is checked (and counted against
 * the phone and address limits), the member found or registered on first sign-in (their
 * registration events delivered at once, so the welcome bonus shows), and a session opened.
 */
export async function loginWithCode(
  deps: {
    dataSource: DataSource;
    pii: PiiCipher;
    codes: LoginCodeOptions;
    sessions: Sessions;
    deliverEvents(memberId: string): Promise<void>;
  },
  input: { phone: string; code: string; channel: string; ip?: string },
): Promise<Session> {
  const phone = await verifyLoginCode(deps.dataSource, deps.codes, input.phone, input.code, input.ip);
  const { member, registered } = await memberForPhone(deps.dataSource, deps.pii, phone, input.channel);
  if (registered) await deps.deliverEvents(member.id);
  return deps.sessions.open({ kind: 'MEMBER', subject: member.id, channel: input.channel });
}
