import { randomBytes } from 'node:crypto';
import pino from 'pino';
import { readCommonConfig, signIdentity, type ServiceHandle } from '../../kit/src';
import { startFakeAliyunSms, type FakeAliyunSms } from '../../../test/harness/fakeAliyunSms';
import { postGraphQL, testDatabaseEnv } from '../../../test/harness/startStack';
import { DEVELOPMENT_LOGIN_CODE } from '../src/auth/sms';
import { loadMemberConfig } from '../src/config';
import { createMemberService } from '../src/server';

type Env = Record<string, string>;

const PRODUCTION: Env = {
  NODE_ENV: 'production',
  IDENTITY_SIGNING_SECRET: randomBytes(32).toString('base64'),
  SERVICE_TOKEN: randomBytes(32).toString('base64'),
  PII_ENCRYPTION_KEYS: `k1:${randomBytes(32).toString('base64')}`,
  PII_INDEX_KEY: randomBytes(32).toString('base64'),
  STAFF_BOOTSTRAP_ADMIN: `first-admin:${randomBytes(24).toString('base64')}`,
};
const SMS_SECRET = randomBytes(24).toString('base64');

/** The member service alone, every log line it writes (at trace level) kept as text. */
async function startMember(env: Env) {
  const database = testDatabaseEnv();
  const lines: string[] = [];
  const logger = pino({ level: 'trace' }, { write: (line: string) => void lines.push(line) });
  const full = { OUTBOX_INTERVAL_MS: '0', MEMBER_HTTP_PORT: '0', MEMBER_GRPC_PORT: '0', ...database.env, ...env };
  const service: ServiceHandle = await createMemberService(loadMemberConfig(full), logger);
  const secret = readCommonConfig('member', full).identitySecret;
  const call = async (query: string) =>
    (await postGraphQL(service.httpUrl, query, {}, (body) => signIdentity({ kind: 'ANONYMOUS', ip: '127.0.0.1' }, secret, body))).body;
  return {
    log: () => lines.join(''),
    requestCode: (phone: string) => call(`mutation { requestLoginCode(phone: "${phone}") { expiresIn } }`),
    login: (phone: string, code: string) => call(`mutation { loginWithCode(phone: "${phone}", code: "${code}") { member { id } } }`),
    stop: async () => {
      await service.stop();
      await database.cleanup();
    },
  };
}

describe('SMS sign-in codes never reach a log', () => {
  let provider: FakeAliyunSms;
  beforeAll(async () => {
    provider = await startFakeAliyunSms(SMS_SECRET);
  });
  afterAll(() => provider.stop());

  it('production with an SMS provider: the code goes to the provider only, and signs in', async () => {
    const member = await startMember({
      ...PRODUCTION,
      SMS_PROVIDER: 'aliyun',
      SMS_ACCESS_KEY_ID: 'LTAI-member-test',
      SMS_ACCESS_KEY_SECRET: SMS_SECRET,
      SMS_SIGN_NAME: 'MemberGraph',
      SMS_TEMPLATE_CODE: 'SMS_000001',
      SMS_ENDPOINT: provider.url,
    });
    try {
      const answer = await member.requestCode('13855550001');
      expect(answer.errors).toBeUndefined();
      const sent = provider.received.at(-1)!;
      expect(sent.signatureValid).toBe(true);
      expect(sent.params.PhoneNumbers).toBe('13855550001');
      const code = JSON.parse(sent.params.TemplateParam).code as string;
      expect(code).toMatch(/^\d{6}$/);
      expect((await member.login('13855550001', code)).data.loginWithCode.member.id).toBeTruthy();
      const log = member.log();
      expect(log).toContain('Alibaba Cloud SMS');
      expect(log).not.toContain(code);
      expect(log).not.toMatch(/sign-in code is/i);
    } finally {
      await member.stop();
    }
  });

  it('production without an SMS provider: requestLoginCode is UNAVAILABLE and the start log says so', async () => {
    const member = await startMember(PRODUCTION);
    try {
      const answer = await member.requestCode('13855550002');
      expect(answer.errors?.[0]?.extensions?.code).toBe('UNAVAILABLE');
      expect(answer.data).toBeNull();
      expect(member.log()).toContain('SMS sign-in is unavailable');
      expect(member.log()).not.toMatch(/development/i);
    } finally {
      await member.stop();
    }
  });

  it('development without a provider: nothing is sent, the log names a masked phone but no code, the development code signs in', async () => {
    const member = await startMember({ NODE_ENV: 'development' });
    try {
      expect((await member.requestCode('13855550003')).errors).toBeUndefined();
      const log = member.log();
      expect(log).toContain('138****0003');
      expect(log).not.toContain(DEVELOPMENT_LOGIN_CODE);
      expect(log).not.toMatch(/sign-in code is/i);
      expect((await member.login('13855550003', DEVELOPMENT_LOGIN_CODE)).data.loginWithCode.member.id).toBeTruthy();
    } finally {
      await member.stop();
    }
  });

  it('test mode without a provider has no fixed code: SMS sign-in is UNAVAILABLE', async () => {
    const member = await startMember({ NODE_ENV: 'test' });
    try {
      expect((await member.requestCode('13855550004')).errors?.[0]?.extensions?.code).toBe('UNAVAILABLE');
    } finally {
      await member.stop();
    }
  });
});
