import type { DataSource } from 'typeorm';
import type { Logger } from '../../../kit/src';
import { expireDueLots } from '../commands/expireLots';

/**
 * Runs the expiry job every `intervalMs` inside the service (0: never). A run never overlaps the
 * previous one, and stop() waits for a run in progress so the database is not closed under it.
 */
export function scheduleExpiry(dataSource: DataSource, intervalMs: number, logger: Logger): { stop(): Promise<void> } {
  if (intervalMs === 0) return { stop: async () => undefined };
  let running: Promise<void> | undefined;
  const timer = setInterval(() => {
    if (running) return;
    running = expireDueLots(dataSource)
      .then((result) => {
        if (result.lots > 0) logger.info(result, 'expired due points lots');
      })
      .catch((error: unknown) => logger.error({ err: error }, 'points expiry run failed'))
      .finally(() => (running = undefined));
  }, intervalMs);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
