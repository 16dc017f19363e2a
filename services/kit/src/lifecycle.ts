import { ConfigError } from './config';
import { createLogger, type Logger } from './logger';

/**
 * For index.ts files: start, then stop cleanly on SIGTERM or SIGINT (drain, close the database)
 * and exit 0. A failure to start exits 1 with the reason, never a half-started process.
 */
export function runUntilSignal<C extends { logLevel: string }>(
  name: string,
  loadConfig: () => C,
  start: (config: C, logger: Logger) => Promise<{ stop(): Promise<void> }>,
): void {
  // Until the configuration is read (LOG_LEVEL included) failures are logged at info level.
  let logger = createLogger(name, 'info');
  // Start inside a promise so a synchronous throw (a bad variable while reading config) lands below.
  Promise.resolve()
    .then(() => {
      const config = loadConfig();
      logger = createLogger(name, config.logLevel);
      return start(config, logger);
    })
    .then(
      (handle) => {
        let stopping = false;
        const shutdown = (signal: string) => {
          if (stopping) return;
          stopping = true;
          logger.info({ signal }, `${name} stopping`);
          handle.stop().then(
            () => process.exit(0),
            (error: unknown) => {
              logger.error({ err: error }, `${name} did not stop cleanly`);
              process.exit(1);
            },
          );
        };
        process.on('SIGTERM', () => shutdown('SIGTERM'));
        process.on('SIGINT', () => shutdown('SIGINT'));
      },
      (error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        // A configuration mistake is the operator's to fix: say which variable, without a stack.
        if (error instanceof ConfigError) logger.fatal({ variable: error.variable }, `${name} failed to start: ${message}`);
        else logger.fatal({ err: error }, `${name} failed to start: ${message}`);
        process.exit(1);
      },
    );
}
