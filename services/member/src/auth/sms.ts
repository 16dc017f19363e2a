import type { Logger } from '../../../kit/src';
import { maskPhone } from '../domain/phone';

/**
 * The SMS edge of sign-in: delivers a one-time code to a phone. Providers in China send only
 * pre-approved templates, so the port takes the code, not a text; the provider's template says
 * the rest. An adapter never logs the code.
 */
export interface SmsSender {
  readonly name: string;
  /** Delivers `code` to `phone` (11-digit mainland number); throws a DomainError (UNAVAILABLE, …) when it cannot. */
  sendLoginCode(phone: string, code: string, ttlSeconds: number): Promise<void>;
  /**
   * Set only by the development sender, which delivers nothing: every code it "sends" is this one,
   * so a developer can sign in locally without a code ever being written anywhere.
   */
  readonly fixedCode?: string;
  /** Releases timers (a breaker's) when the service stops. */
  close?(): void;
}

/** The code every development sign-in takes (README, "Sign-in"): public, so never a secret to log. */
export const DEVELOPMENT_LOGIN_CODE = '000000';

/**
 * DEVELOPMENT ONLY (NODE_ENV=development without SMS_PROVIDER): delivers nothing, and every code
 * is DEVELOPMENT_LOGIN_CODE. It logs that a code was "sent" to a masked phone, never the code.
 */
export function developmentSmsSender(logger: Logger): SmsSender {
  return {
    name: 'development (nothing is delivered; sign in with the development code, README "Sign-in")',
    fixedCode: DEVELOPMENT_LOGIN_CODE,
    async sendLoginCode(phone) {
      logger.warn({ to: maskPhone(phone) }, 'SMS not delivered: development sender (sign in with the development code)');
    },
  };
}
