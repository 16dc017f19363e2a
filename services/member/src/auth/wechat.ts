import type { Logger } from '../../../kit/src';
import { DomainError } from '../../../kit/src';

/** What WeChat's jscode2session answers for a wx.login code. */
export interface WeChatSession {
  openid: string;
  unionid?: string;
  sessionKey: string;
}

/**
 * The mini-program's side of WeChat: a wx.login code to a session, and a getPhoneNumber code to
 * the phone the user chose to share. Production talks to WeChat's API; development uses a stand-in.
 */
export interface WeChatAdapter {
  readonly name: string;
  codeToSession(code: string): Promise<WeChatSession>;
  phoneNumber(phoneCode: string): Promise<string>;
}

/**
 * DEVELOPMENT ONLY, clearly not WeChat: a code `dev:<openid>[:<unionid>]` stands for a user and a
 * phone code `dev:<phone>` for the number they share. Lets the mini-program flow run offline.
 */
export function developmentWeChatAdapter(logger: Logger): WeChatAdapter {
  const parse = (text: string) => (text.startsWith('dev:') ? text.slice(4).split(':') : []);
  return {
    name: 'development stand-in (not WeChat)',
    async codeToSession(code) {
      const [openid, unionid] = parse(code);
      if (!openid) throw new DomainError('UNAUTHENTICATED', 'the development WeChat adapter takes codes like dev:<openid>');
      logger.warn({ openid }, 'WeChat login through the development stand-in adapter');
      return { openid, ...(unionid ? { unionid } : {}), sessionKey: `dev-session-${openid}` };
    },
    async phoneNumber(phoneCode) {
      const [phone] = parse(phoneCode);
      if (!phone) throw new DomainError('BAD_USER_INPUT', 'the development WeChat adapter takes phone codes like dev:<phone>');
      return phone;
    },
  };
}

const API = 'https://api.weixin.qq.com';

/** The fields read from WeChat's JSON answers; any answer may instead carry an errcode. */
interface WeChatReply {
  errcode?: number;
  access_token?: string;
  expires_in?: number;
  openid?: string;
  unionid?: string;
  session_key?: string;
  phone_info?: { purePhoneNumber?: string };
}

/** WeChat's own API (jscode2session and getuserphonenumber), with the mini-program's app id and secret. */
export function weChatApiAdapter(appId: string, appSecret: string, fetchImpl: typeof fetch = fetch): WeChatAdapter {
  let token: { value: string; until: number } | undefined;
  const call = async (url: string, init?: RequestInit): Promise<WeChatReply> => {
    const response = await fetchImpl(url, { ...init, signal: AbortSignal.timeout(5000) });
    if (!response.ok) throw new DomainError('UNAVAILABLE', 'WeChat did not answer; try again');
    const body = (await response.json()) as WeChatReply;
    if (body.errcode) throw new DomainError('UNAUTHENTICATED', `WeChat refused the code (${body.errcode})`);
    return body;
  };
  const accessToken = async () => {
    if (token && token.until > Date.now()) return token.value;
    const body = await call(`${API}/cgi-bin/token?grant_type=client_credential&appid=${appId}&secret=${appSecret}`);
    token = { value: String(body.access_token), until: Date.now() + (Number(body.expires_in) - 300) * 1000 };
    return token.value;
  };
  return {
    name: 'WeChat API',
    async codeToSession(code) {
      const query = new URLSearchParams({ appid: appId, secret: appSecret, js_code: code, grant_type: 'authorization_code' });
      const body = await call(`${API}/sns/jscode2session?${query}`);
      return {
        openid: String(body.openid),
        ...(body.unionid ? { unionid: String(body.unionid) } : {}),
        sessionKey: String(body.session_key),
      };
    },
    async phoneNumber(phoneCode) {
      const body = await call(`${API}/wxa/business/getuserphonenumber?access_token=${await accessToken()}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code: phoneCode }),
      });
      return String(body.phone_info?.purePhoneNumber ?? '');
    },
  };
}
