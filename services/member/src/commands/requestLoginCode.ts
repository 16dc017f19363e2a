import type { DataSource } from 'typeorm';
import { DomainError } from '../../../kit/src';
import { randomLoginCode, storeLoginCode, type LoginCodeOptions } from '../auth/loginCodes';
import type { SmsSender } from '../auth/sms';
import { normalizePhone } from '../domain/phone';

/**
 * Sends a sign-in code to a phone: UNAVAILABLE when no SMS provider is configured (before anything
 * is counted or stored), then the code is stored under the send limits and handed to the sender.
 * The code goes nowhere else: not in the answer, not in a log. Answers the code's lifetime.
 */
export async function requestLoginCode(
  dataSource: DataSource,
  options: LoginCodeOptions & { sms: SmsSender | null },
  input: { phone: string; ip?: string },
): Promise<number> {
  if (!options.sms) throw new DomainError('UNAVAILABLE', 'SMS sign-in is not configured (SMS_PROVIDER)');
  const phone = normalizePhone(input.phone);
  const code = options.sms.fixedCode ?? randomLoginCode();
  await storeLoginCode(dataSource, options, phone, code, input.ip);
  await options.sms.sendLoginCode(phone, code, options.ttlSeconds);
  return options.ttlSeconds;
}
