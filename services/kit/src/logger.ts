import pino, { type Logger } from 'pino';

export type { Logger };

/** One JSON logger per process; `name` is the service so merged logs stay readable. */
export function createLogger(name: string, level: string = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({ name, level });
}
