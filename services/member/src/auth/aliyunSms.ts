import { createHmac, randomUUID } from 'node:crypto';
import CircuitBreaker from 'opossum';
import { DomainError, type Logger } from '../../../kit/src';
import { maskPhone } from '../domain/phone';
import type { SmsSender } from './sms';

/** Alibaba Cloud SMS (Dysmsapi 2017-05-25) credentials and sending settings, from configuration. */
export interface AliyunSmsOptions {
  accessKeyId: string;
  accessKeySecret: string;
  /** The approved signature (签名) shown as the sender. */
  signName: string;
  /** The approved template with a `${code}` parameter. */
  templateCode: string;
  /** https://dysmsapi.aliyuncs.com in production; a local imitation in tests. */
  endpoint: string;
  timeoutMs: number;
  /** How long the breaker stays open before it lets one send try again. */
  breakerResetMs: number;
}

/** RFC 3986 encoding as Alibaba Cloud's RPC signature wants it (encodeURIComponent leaves !'()* alone). */
export function percentEncode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * The RPC signature (SignatureVersion 1.0): HMAC-SHA1 with `secret&` over
 * `METHOD&%2F&percentEncode(sorted, percent-encoded query)`, base64.
 */
export function rpcSignature(method: string, params: Record<string, string>, secret: string): string {
  const canonical = Object.keys(params)
    .sort()
    .map((key) => `${percentEncode(key)}=${percentEncode(params[key])}`)
    .join('&');
  const stringToSign = `${method}&${percentEncode('/')}&${percentEncode(canonical)}`;
  return createHmac('sha1', `${secret}&`).update(stringToSign).digest('base64');
}

/** The provider's answers that are about the request, not the provider being down: they do not trip the breaker. */
const REFUSALS: Record<string, DomainError> = {
  'isv.MOBILE_NUMBER_ILLEGAL': new DomainError('BAD_USER_INPUT', 'this phone number cannot receive SMS', { field: 'phone' }),
  'isv.BUSINESS_LIMIT_CONTROL': new DomainError('TOO_MANY_REQUESTS', 'too many messages to this phone; try again later'),
  'isv.DAY_LIMIT_CONTROL': new DomainError('TOO_MANY_REQUESTS', 'too many messages to this phone today'),
};

const isRefusal = (error: unknown) => error instanceof DomainError && error.code !== 'UNAVAILABLE';

/**
 * Sends sign-in codes through Alibaba Cloud SMS `SendSms` over HTTPS, signed with the account's
 * AccessKey (plain fetch: the request is one signed form post, the SDK would add a dozen packages).
 * Every send has a timeout; a breaker (opossum) stops calling a provider that keeps failing, so
 * sign-in answers UNAVAILABLE at once instead of after a timeout each. Logs name the masked phone
 * and the provider's request id, never the template parameters (the code).
 */
export function aliyunSmsSender(options: AliyunSmsOptions, logger: Logger): SmsSender & { breaker: CircuitBreaker; close(): void } {
  const post = async (phone: string, code: string): Promise<void> => {
    const params: Record<string, string> = {
      AccessKeyId: options.accessKeyId,
      Action: 'SendSms',
      Format: 'JSON',
      PhoneNumbers: phone,
      RegionId: 'cn-hangzhou',
      SignName: options.signName,
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: randomUUID(),
      SignatureVersion: '1.0',
      TemplateCode: options.templateCode,
      TemplateParam: JSON.stringify({ code }),
      Timestamp: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
      Version: '2017-05-25',
    };
    params.Signature = rpcSignature('POST', params, options.accessKeySecret);
    let answer: { Code?: string; Message?: string; RequestId?: string };
    try {
      // POST, not GET: the code stays out of URLs that proxies and access logs record.
      const response = await fetch(options.endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(params).toString(),
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      answer = (await response.json()) as typeof answer;
    } catch (error) {
      logger.warn({ to: maskPhone(phone), err: { name: (error as Error).name } }, 'SMS provider did not answer');
      throw new DomainError('UNAVAILABLE', 'the SMS provider did not answer; try again later');
    }
    if (answer.Code === 'OK') return;
    logger.warn({ to: maskPhone(phone), providerCode: answer.Code, requestId: answer.RequestId }, 'SMS provider refused the message');
    throw REFUSALS[answer.Code ?? ''] ?? new DomainError('UNAVAILABLE', 'the SMS provider refused the message; try again later');
  };
  const breaker = new CircuitBreaker(post, {
    timeout: false, // the fetch has its own timeout (above); the breaker only counts failures
    errorThresholdPercentage: 50,
    volumeThreshold: 5,
    resetTimeout: options.breakerResetMs,
    errorFilter: isRefusal,
  });
  breaker.on('open', () => logger.error({ breaker: 'open' }, 'SMS provider failing: sign-in codes are refused until it recovers'));
  breaker.on('close', () => logger.info({ breaker: 'close' }, 'SMS provider answering again'));
  return {
    name: `Alibaba Cloud SMS (${new URL(options.endpoint).host})`,
    breaker,
    close: () => breaker.shutdown(),
    async sendLoginCode(phone, code) {
      try {
        await breaker.fire(phone, code);
      } catch (error) {
        if (error instanceof DomainError) throw error;
        // Open breaker: opossum's own error, said as what it means for the caller.
        throw new DomainError('UNAVAILABLE', 'SMS sign-in is unavailable for a moment; try again later');
      }
    },
  };
}
