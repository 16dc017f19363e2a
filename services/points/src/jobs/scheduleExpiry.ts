import type { DataSource } from 'typeorm';
import { runEvery, type Logger } from '../../../kit/src';
import { expireDueLots } from '../commands/expireLots';

/** The expiry job on a schedule inside the points service. */
export function scheduleExpiry(dataSource: DataSource, intervalMs: number, logger: Logger): { stop(): Promise<void> } {
  return runEvery(
    intervalMs,
    async () => {
      const result = await expireDueLots(dataSource);
      if (result.lots > 0) logger.info(result, 'expired due points lots');
    },
    (error) => logger.error({ err: error }, 'points expiry run failed'),
  );
}
