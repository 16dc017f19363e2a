import {
  assertProductionSecret,
  ConfigError,
  developmentDefault,
  envReader,
  peerGrpcAddress,
  readCommonConfig,
  readOutboxBatching,
  readPiiCipher,
  readSecret,
} from '../../kit/src';

/** The member service's configuration, validated once at start-up. */
/**
 * The first ADMIN (STAFF_BOOTSTRAP_ADMIN, username:password), created when there is no staff
 * account yet; the development one outside production. `npm start` and the test harness sign in
 * with it, so they read it here too.
 */
export function bootstrapAdminCredential(env: Record<string, string | undefined> = process.env) {
  const read = envReader(env);
  const production = read.oneOf('NODE_ENV', ['development', 'production', 'test'] as const, 'development') === 'production';
  const text = read.optionalString('STAFF_BOOTSTRAP_ADMIN') ?? (production ? undefined : DEV_ADMIN);
  if (!text) return null;
  const at = text.indexOf(':');
  if (at < 1 || text.length - at - 1 < 12)
    throw new ConfigError('STAFF_BOOTSTRAP_ADMIN', 'must be username:password with a password of 12+ characters');
  if (production) assertProductionSecret('STAFF_BOOTSTRAP_ADMIN', text.slice(at + 1));
  return { username: text.slice(0, at), password: text.slice(at + 1) };
}

/** The development administrator (never in production): README documents it for local trials. */
const DEV_ADMIN_PASSWORD = developmentDefault('membergraph-dev-admin');
const DEV_ADMIN = `admin:${DEV_ADMIN_PASSWORD}`;

export function loadMemberConfig(env: Record<string, string | undefined> = process.env) {
  const common = readCommonConfig('member', env);
  const read = envReader(env);
  const production = common.nodeEnv === 'production';
  const weChatAppId = read.optionalString('WECHAT_APP_ID');
  const weChatAppSecret = read.optionalString('WECHAT_APP_SECRET');
  if (production && weChatAppSecret) assertProductionSecret('WECHAT_APP_SECRET', weChatAppSecret);
  if (Boolean(weChatAppId) !== Boolean(weChatAppSecret))
    throw new ConfigError('WECHAT_APP_SECRET', 'WECHAT_APP_ID and WECHAT_APP_SECRET go together');
  return {
    ...common,
    auth: {
      /** The SMS provider for sign-in codes; 'development' (nothing sent, fixed code) only in development; null: SMS sign-in unavailable. */
      sms: readSmsProvider(env, common.nodeEnv),
      /** Access-token lifetime: short, since an access token cannot be revoked. */
      accessTtlSeconds: read.int('AUTH_ACCESS_TTL_SECONDS', 900, { min: 30, max: 86_400 }),
      refreshTtlSeconds: read.int('AUTH_REFRESH_TTL_SECONDS', 30 * 86_400, { min: 60, max: 365 * 86_400 }),
      codeTtlSeconds: read.int('LOGIN_CODE_TTL_SECONDS', 300, { min: 30, max: 3600 }),
      /** After a rotation, how long the new key is only published before it signs: longer than any verifier's key cache. */
      keyActivationDelaySeconds: read.int('AUTH_KEY_ACTIVATION_DELAY_SECONDS', 60, { min: 0, max: 86_400 }),
      limits: {
        windowMs: 3_600_000,
        maxSends: read.int('LOGIN_MAX_CODES_PER_HOUR', 5, { min: 1, max: 1000 }),
        maxFailures: read.int('LOGIN_MAX_FAILURES_PER_HOUR', 10, { min: 1, max: 1000 }),
        addressMaxSends: read.int('LOGIN_MAX_CODES_PER_HOUR_PER_ADDRESS', 5, { min: 1, max: 100_000 }),
        addressMaxFailures: read.int('LOGIN_MAX_FAILURES_PER_HOUR_PER_ADDRESS', 10, { min: 1, max: 100_000 }),
        /** Failures on one phone or username (from any address) after which failing addresses wait before each try. */
        slowdownAfter: read.int('LOGIN_SLOWDOWN_AFTER_FAILURES', 10, { min: 1, max: 100_000 }),
        maxSlowdownMs: 300_000,
        /** Failures on one phone or username in an hour that prove an attack: locked for everyone until an ADMIN lifts it. */
        attackThreshold: read.int('LOGIN_ATTACK_THRESHOLD', 100, { min: 2, max: 1_000_000 }),
        attackLockMs: read.int('LOGIN_ATTACK_LOCK_HOURS', 24, { min: 1, max: 24 * 30 }) * 3_600_000,
      },
      /** WeChat's API when the mini-program's credentials are set; the development stand-in outside production otherwise. */
      weChat: weChatAppId ? { appId: weChatAppId, appSecret: weChatAppSecret! } : production ? null : ('development' as const),
      bootstrapAdmin: bootstrapAdminCredential(env),
    },
    /** Where member events (registration, completed profile) are delivered for their bonuses. */
    pointsGrpcAddress: peerGrpcAddress('points', env),
    /** Where registrations and logins are assessed before a session opens (they fail open: see README). */
    riskGrpcAddress: peerGrpcAddress('risk', env),
    benefitsGrpcAddress: peerGrpcAddress('benefits', env),
    /** Where referral codes are checked at registration and registrations are reported (referral ladder). */
    campaignGrpcAddress: peerGrpcAddress('campaign', env),
    /** How often undelivered member events are retried; 0 turns the dispatcher off. */
    outboxIntervalMs: envReader(env).int('OUTBOX_INTERVAL_MS', 1000, { min: 0 }),
    /** How the outbox gathers deliveries made after an answer into batches (OUTBOX_BATCH_LINGER_MS, OUTBOX_BATCH_MAX). */
    outboxBatching: readOutboxBatching(env),
    /** How often expired staff tier grants are ended (they also end on the next read); 0: only on read. */
    grantSweepIntervalMs: envReader(env).int('TIER_GRANT_SWEEP_INTERVAL_MS', 60_000, { min: 0 }),
    tierRules: {
      /** A tier reached within this many days of an order's placing is recomputed at once when that order is refunded (DOMAIN.md §2). */
      returnWindowDays: envReader(env).int('TIER_RETURN_WINDOW_DAYS', 30, { min: 0, max: 365 }),
      /** The top tier's scarcity (DOMAIN.md §2, §4): a cap on its share of members, invitation only; both off by default. */
      topTier: {
        maxSharePpm: readShare(env, 'TOP_TIER_MAX_SHARE'),
        invitationOnly: envReader(env).boolean('TOP_TIER_INVITATION_ONLY', false),
      },
    },
    /** Keys for phones at rest (PII_ENCRYPTION_KEYS, PII_ACTIVE_KEY_ID, PII_INDEX_KEY). */
    pii: readPiiCipher(env),
  };
}

/** A share such as 0.01 (1%) as millionths, or null when unset. */
function readShare(env: Record<string, string | undefined>, name: string): number | null {
  const text = envReader(env).optionalString(name);
  if (text === undefined) return null;
  if (!/^(0(\.\d{1,6})?|1(\.0{1,6})?|\.\d{1,6})$/.test(text) || Number(text) <= 0)
    throw new ConfigError(name, `must be a share between 0 and 1 such as 0.01, got "${text}"`);
  return Math.round(Number(text) * 1_000_000);
}

/** The SMS provider's settings, when SMS_PROVIDER names one. */
export interface SmsProviderConfig {
  provider: 'aliyun';
  accessKeyId: string;
  accessKeySecret: string;
  signName: string;
  templateCode: string;
  endpoint: string;
  timeoutMs: number;
  breakerResetMs: number;
}

const SMS_VARIABLES = ['SMS_ACCESS_KEY_ID', 'SMS_ACCESS_KEY_SECRET', 'SMS_SIGN_NAME', 'SMS_TEMPLATE_CODE'] as const;

/**
 * SMS_PROVIDER=aliyun with its credentials sends real messages. Without it, development signs in
 * with the fixed development code and nothing is sent; production and test have no SMS sign-in
 * (requestLoginCode answers UNAVAILABLE), since a code nobody receives must not be guessable.
 */
export function readSmsProvider(
  env: Record<string, string | undefined>,
  nodeEnv: 'development' | 'production' | 'test',
): SmsProviderConfig | 'development' | null {
  const read = envReader(env);
  const provider = read.optionalString('SMS_PROVIDER');
  if (!provider) {
    const stray = SMS_VARIABLES.find((name) => read.optionalString(name));
    if (stray) throw new ConfigError('SMS_PROVIDER', `is required when ${stray} is set (aliyun)`);
    return nodeEnv === 'development' ? 'development' : null;
  }
  read.oneOf('SMS_PROVIDER', ['aliyun'] as const, 'aliyun');
  return {
    provider: 'aliyun',
    accessKeyId: read.string('SMS_ACCESS_KEY_ID'),
    accessKeySecret: readSecret(env, 'SMS_ACCESS_KEY_SECRET'),
    signName: read.string('SMS_SIGN_NAME'),
    templateCode: read.string('SMS_TEMPLATE_CODE'),
    endpoint: read.url('SMS_ENDPOINT', 'https://dysmsapi.aliyuncs.com/'),
    timeoutMs: read.int('SMS_TIMEOUT_MS', 5000, { min: 100, max: 60_000 }),
    breakerResetMs: read.int('SMS_BREAKER_RESET_MS', 30_000, { min: 100, max: 3_600_000 }),
  };
}

export type MemberConfig = ReturnType<typeof loadMemberConfig>;
