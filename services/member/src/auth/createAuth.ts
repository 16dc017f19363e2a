import type { DataSource } from 'typeorm';
import type { Logger, PiiCipher } from '../../../kit/src';
import type { MemberConfig } from '../config';
import type { GuardLimits } from './guards';
import { Sessions } from './sessions';
import { SigningKeys } from './signingKeys';
import { aliyunSmsSender } from './aliyunSms';
import { developmentSmsSender, type SmsSender } from './sms';
import { developmentWeChatAdapter, weChatApiAdapter, type WeChatAdapter } from './wechat';

/** The edges of sign-in a deployment (or a test) plugs in: SMS delivery and WeChat's API. */
export interface AuthEdges {
  sms?: SmsSender;
  weChat?: WeChatAdapter;
}

export interface Auth {
  keys: SigningKeys;
  sessions: Sessions;
  /** null: SMS sign-in is not configured (production or test without SMS_PROVIDER). */
  sms: SmsSender | null;
  /** null: mini-program sign-in is not configured (production without WeChat credentials). */
  weChat: WeChatAdapter | null;
  limits: GuardLimits;
  codeTtlSeconds: number;
  accessTtlSeconds: number;
  keyActivationDelaySeconds: number;
}

/** Builds the member service's sign-in machinery from its configuration. */
export function createAuth(
  dataSource: DataSource,
  pii: PiiCipher,
  config: MemberConfig['auth'],
  logger: Logger,
  edges: AuthEdges = {},
): Auth {
  const keys = new SigningKeys(dataSource, pii);
  const weChat =
    edges.weChat ??
    (config.weChat === 'development'
      ? developmentWeChatAdapter(logger)
      : config.weChat
        ? weChatApiAdapter(config.weChat.appId, config.weChat.appSecret)
        : null);
  return {
    keys,
    sessions: new Sessions(dataSource, keys, { accessSeconds: config.accessTtlSeconds, refreshSeconds: config.refreshTtlSeconds }),
    sms:
      edges.sms ?? (config.sms === 'development' ? developmentSmsSender(logger) : config.sms ? aliyunSmsSender(config.sms, logger) : null),
    weChat,
    limits: {
      ...config.limits,
      // A staff credential is named (an ADMIN needs it to lift a lock); a phone only by kind.
      onAlert: (alert, credential) =>
        logger.warn(
          { alert: `SIGN_IN_${alert}`, credential },
          alert === 'ATTACK_LOCKED'
            ? 'sign-in attack proven: the credential is locked for everyone until an ADMIN lifts it (unlockSignIn)'
            : 'sign-in attack suspected: addresses that fail on this credential now wait before each try',
        ),
    },
    codeTtlSeconds: config.codeTtlSeconds,
    accessTtlSeconds: config.accessTtlSeconds,
    keyActivationDelaySeconds: config.keyActivationDelaySeconds,
  };
}
