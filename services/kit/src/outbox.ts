import type { DataSource } from 'typeorm';
import { runEvery } from './schedule';

/**
 * The retry loop of a service's transactional outbox. By convention every service's outbox is a
 * table `outbox` with member_id, created_at and delivered_at; `deliver` sends one member's
 * pending events and marks them. Members with the oldest pending events go first.
 */
export function startOutboxDispatcher(
  dataSource: DataSource,
  deliver: (memberId: string) => Promise<void>,
  intervalMs: number,
  onError: (error: unknown) => void,
): { stop(): Promise<void> } {
  return runEvery(
    intervalMs,
    async () => {
      const rows: Array<{ member_id: string }> = await dataSource.query(
        'SELECT member_id FROM outbox WHERE delivered_at IS NULL GROUP BY member_id ORDER BY MIN(created_at) LIMIT 100',
      );
      for (const row of rows) await deliver(row.member_id);
    },
    onError,
  );
}
