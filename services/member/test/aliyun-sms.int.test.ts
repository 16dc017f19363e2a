import pino from 'pino';
import { DomainError } from '../../kit/src';
import { startFakeAliyunSms, type FakeAliyunSms } from '../../../test/harness/fakeAliyunSms';
import { aliyunSmsSender, type AliyunSmsOptions } from '../src/auth/aliyunSms';

const SECRET = 'aliyun-test-secret-Zq8x!(*)~ 签名';
let provider: FakeAliyunSms;
const senders: Array<{ close(): void }> = [];

beforeEach(async () => {
  provider = await startFakeAliyunSms(SECRET);
});
afterEach(async () => {
  for (const sender of senders.splice(0)) sender.close();
  await provider.stop();
});

function sender(overrides: Partial<AliyunSmsOptions> = {}) {
  const made = aliyunSmsSender(
    {
      accessKeyId: 'LTAI-test-key-id',
      accessKeySecret: SECRET,
      signName: '會員圈 MemberGraph',
      templateCode: 'SMS_123456789',
      endpoint: provider.url,
      timeoutMs: 1000,
      breakerResetMs: 60_000,
      ...overrides,
    },
    pino({ level: 'silent' }),
  );
  senders.push(made);
  return made;
}

const codeOf = (error: unknown) => (error instanceof DomainError ? error.code : String(error));

describe('Alibaba Cloud SMS adapter (against a local imitation of SendSms)', () => {
  it('posts a SendSms request signed as Alibaba Cloud documents, the code only as the template parameter', async () => {
    await sender().sendLoginCode('13812345678', '482915', 300);
    expect(provider.received).toHaveLength(1);
    const [{ params, signatureValid }] = provider.received;
    expect(signatureValid).toBe(true);
    expect(params).toMatchObject({
      Action: 'SendSms',
      Version: '2017-05-25',
      AccessKeyId: 'LTAI-test-key-id',
      SignatureMethod: 'HMAC-SHA1',
      SignatureVersion: '1.0',
      PhoneNumbers: '13812345678',
      SignName: '會員圈 MemberGraph',
      TemplateCode: 'SMS_123456789',
      TemplateParam: '{"code":"482915"}',
    });
    expect(params.Timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  it('signs with the secret: the imitation refuses a signature made with another one', async () => {
    await sender({ accessKeySecret: 'another-secret' }).sendLoginCode('13812345678', '111111', 300);
    expect(provider.received[0].signatureValid).toBe(false);
  });

  it('answers UNAVAILABLE when the provider does not answer within the timeout', async () => {
    provider.behave({ delayMs: 2000 });
    const started = Date.now();
    const error = await sender({ timeoutMs: 200 })
      .sendLoginCode('13812345678', '123456', 300)
      .catch((e: unknown) => e);
    expect(codeOf(error)).toBe('UNAVAILABLE');
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('opens its breaker after repeated failures: later sends fail at once without calling the provider', async () => {
    provider.behave({ status: 500, body: { Code: 'ServiceUnavailable', RequestId: 'r' } });
    const sms = sender();
    for (let i = 0; i < 5; i += 1)
      expect(codeOf(await sms.sendLoginCode('13812345678', '123456', 300).catch((e) => e))).toBe('UNAVAILABLE');
    expect(sms.breaker.opened).toBe(true);
    provider.behave({});
    const calls = provider.received.length;
    expect(codeOf(await sms.sendLoginCode('13812345678', '123456', 300).catch((e) => e))).toBe('UNAVAILABLE');
    expect(provider.received).toHaveLength(calls);
  });

  it("maps the provider's refusals of the request to the caller's errors, without opening the breaker", async () => {
    provider.behave({ body: { Code: 'isv.MOBILE_NUMBER_ILLEGAL', Message: 'bad number', RequestId: 'r' } });
    const sms = sender();
    for (let i = 0; i < 6; i += 1)
      expect(codeOf(await sms.sendLoginCode('13812345678', '123456', 300).catch((e) => e))).toBe('BAD_USER_INPUT');
    provider.behave({ body: { Code: 'isv.BUSINESS_LIMIT_CONTROL', Message: 'limit', RequestId: 'r' } });
    expect(codeOf(await sms.sendLoginCode('13812345678', '123456', 300).catch((e) => e))).toBe('TOO_MANY_REQUESTS');
    expect(sms.breaker.opened).toBe(false);
  });
});
