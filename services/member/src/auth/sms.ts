import type { Logger } from '../../../kit/src';

/** Delivers a text message to a phone. Production plugs in the brand's SMS gateway here. */
export interface SmsSender {
  readonly name: string;
  send(phone: string, text: string): Promise<void>;
}

/**
 * The default sender delivers nothing: it writes the message to the log and says so, which is
 * what a developer needs to sign in locally. Never use it where real members sign in.
 */
export function loggingSmsSender(logger: Logger): SmsSender {
  return {
    name: 'development log (messages are NOT delivered)',
    async send(phone, text) {
      logger.warn({ to: `${phone.slice(0, 3)}****${phone.slice(-4)}`, text }, 'SMS not delivered: development sender writes it here');
    },
  };
}
