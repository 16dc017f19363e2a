import type { DataSource } from 'typeorm';
import { DomainError, type PiiCipher } from '../../../kit/src';
import type { Session, Sessions } from '../auth/sessions';
import type { WeChatAdapter } from '../auth/wechat';
import { weChatLogin } from '../auth/wechatLogin';

/**
 * A member signs in from the mini-program: UNAVAILABLE when WeChat is not configured; otherwise the
 * WeChat account finds (or, with a shared phone, registers) the member, whose events are delivered
 * at once, and a MINI_PROGRAM session opens.
 */
export async function loginWithWeChat(
  deps: {
    dataSource: DataSource;
    pii: PiiCipher;
    weChat: WeChatAdapter | null;
    sessions: Sessions;
    deliverEvents(memberId: string): Promise<void>;
  },
  input: { code: string; phoneCode?: string | null },
): Promise<Session> {
  if (!deps.weChat) throw new DomainError('UNAVAILABLE', 'mini-program sign-in is not configured (WECHAT_APP_ID)');
  const memberId = await weChatLogin(deps.dataSource, deps.pii, deps.weChat, input);
  await deps.deliverEvents(memberId);
  return deps.sessions.open({ kind: 'MEMBER', subject: memberId, channel: 'MINI_PROGRAM' });
}
