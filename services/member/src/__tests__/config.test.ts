import { randomBytes } from 'node:crypto';
import { ConfigError } from '../../../kit/src';
import { loadMemberConfig } from '../config';

const strong = () => randomBytes(32).toString('base64');
const PRODUCTION = () => ({
  NODE_ENV: 'production',
  IDENTITY_SIGNING_SECRET: strong(),
  SERVICE_TOKEN: strong(),
  PII_ENCRYPTION_KEYS: `k1:${strong()}`,
  PII_INDEX_KEY: strong(),
});
const ALIYUN = {
  SMS_PROVIDER: 'aliyun',
  SMS_ACCESS_KEY_ID: 'LTAI5tExampleKeyId',
  SMS_ACCESS_KEY_SECRET: 'q8Yc0t3kZ1vX9sR2mP7wN4bL6hJ5fD',
  SMS_SIGN_NAME: 'MemberGraph',
  SMS_TEMPLATE_CODE: 'SMS_000001',
};

function variableOf(read: () => unknown): string {
  try {
    read();
  } catch (error) {
    if (error instanceof ConfigError) return `${error.variable}: ${error.message}`;
    throw error;
  }
  return 'accepted';
}

describe('member configuration: SMS provider and secrets', () => {
  it('reads an Alibaba Cloud SMS provider with its defaults and an overridable endpoint', () => {
    expect(loadMemberConfig({ ...PRODUCTION(), ...ALIYUN }).auth.sms).toEqual({
      provider: 'aliyun',
      accessKeyId: ALIYUN.SMS_ACCESS_KEY_ID,
      accessKeySecret: ALIYUN.SMS_ACCESS_KEY_SECRET,
      signName: 'MemberGraph',
      templateCode: 'SMS_000001',
      endpoint: 'https://dysmsapi.aliyuncs.com/',
      timeoutMs: 5000,
      breakerResetMs: 30_000,
    });
    expect(loadMemberConfig({ ...ALIYUN, SMS_ENDPOINT: 'http://127.0.0.1:9/' }).auth.sms).toMatchObject({
      endpoint: 'http://127.0.0.1:9/',
    });
  });

  it('has no SMS sign-in in production or test without a provider, and the development sender only in development', () => {
    expect(loadMemberConfig(PRODUCTION()).auth.sms).toBeNull();
    expect(loadMemberConfig({ NODE_ENV: 'test' }).auth.sms).toBeNull();
    expect(loadMemberConfig({ NODE_ENV: 'development' }).auth.sms).toBe('development');
    expect(loadMemberConfig({}).auth.sms).toBe('development');
  });

  it('names the variable of an incomplete or unknown provider', () => {
    const { SMS_TEMPLATE_CODE: _, ...withoutTemplate } = ALIYUN;
    expect(variableOf(() => loadMemberConfig(withoutTemplate))).toMatch(/^SMS_TEMPLATE_CODE: .*is required/);
    expect(variableOf(() => loadMemberConfig({ ...ALIYUN, SMS_PROVIDER: 'carrier-pigeon' }))).toMatch(/^SMS_PROVIDER: /);
    expect(variableOf(() => loadMemberConfig({ SMS_ACCESS_KEY_ID: 'x' }))).toMatch(/^SMS_PROVIDER: .*SMS_ACCESS_KEY_ID/);
    expect(variableOf(() => loadMemberConfig({ ...ALIYUN, SMS_TIMEOUT_MS: '5' }))).toMatch(/^SMS_TIMEOUT_MS: /);
  });

  it('refuses a placeholder or weak SMS secret and a placeholder or development admin password in production', () => {
    expect(
      variableOf(() => loadMemberConfig({ ...PRODUCTION(), ...ALIYUN, SMS_ACCESS_KEY_SECRET: 'REPLACE-with-the-sms-secret' })),
    ).toMatch(/^SMS_ACCESS_KEY_SECRET: .*placeholder/);
    expect(variableOf(() => loadMemberConfig({ ...PRODUCTION(), ...ALIYUN, SMS_ACCESS_KEY_SECRET: 'secretsecretsecretsecret' }))).toMatch(
      /^SMS_ACCESS_KEY_SECRET: .*too weak/,
    );
    expect(variableOf(() => loadMemberConfig({ ...PRODUCTION(), STAFF_BOOTSTRAP_ADMIN: 'admin:membergraph-dev-admin' }))).toMatch(
      /^STAFF_BOOTSTRAP_ADMIN: .*development default/,
    );
    expect(variableOf(() => loadMemberConfig({ ...PRODUCTION(), STAFF_BOOTSTRAP_ADMIN: 'admin:CHANGE-ME-long-password' }))).toMatch(
      /^STAFF_BOOTSTRAP_ADMIN: .*placeholder/,
    );
    expect(
      variableOf(() => loadMemberConfig({ ...PRODUCTION(), WECHAT_APP_ID: 'wx0123', WECHAT_APP_SECRET: 'REPLACE-me-wechat-secret-0' })),
    ).toMatch(/^WECHAT_APP_SECRET: .*placeholder/);
    expect(variableOf(() => loadMemberConfig({ ...PRODUCTION(), ...ALIYUN }))).toBe('accepted');
  });
});

describe('tier rules', () => {
  it('default to a 30-day refund window and an open top tier', () => {
    expect(loadMemberConfig({}).tierRules).toEqual({ returnWindowDays: 30, topTier: { maxSharePpm: null, invitationOnly: false } });
  });

  it('read the top tier’s cap as a share and refuse anything that is not one', () => {
    expect(loadMemberConfig({ TOP_TIER_MAX_SHARE: '0.01', TOP_TIER_INVITATION_ONLY: 'true' }).tierRules.topTier).toEqual({
      maxSharePpm: 10_000,
      invitationOnly: true,
    });
    for (const bad of ['0', '1.5', '1%', 'abc', '0.0000001'])
      expect(variableOf(() => loadMemberConfig({ TOP_TIER_MAX_SHARE: bad }))).toMatch(/^TOP_TIER_MAX_SHARE: /);
    expect(variableOf(() => loadMemberConfig({ TIER_RETURN_WINDOW_DAYS: '400' }))).toMatch(/^TIER_RETURN_WINDOW_DAYS: /);
  });
});
