import type { DataSource } from 'typeorm';
import { runEvery, type Logger } from '../../../kit/src';
import { leasedRecompute, type SegmentRules } from '../commands/recomputeSegments';
import type { SegmentPeers } from '../ports';

/**
 * Recomputes RFM, clusters and segment members every `intervalMs` (0: only on demand), safe with
 * any number of replicas: each tick's slot is a lease run key, so one replica runs it and the
 * others skip.
 */
export function scheduleSegmentRecompute(
  dataSource: DataSource,
  peers: SegmentPeers,
  rules: SegmentRules,
  intervalMs: number,
  logger: Logger,
): { stop(): Promise<void> } {
  return runEvery(
    intervalMs,
    async () => {
      const slot = String(Math.floor(Date.now() / intervalMs));
      const summary = await leasedRecompute(dataSource, peers, rules, 'JOB', `slot-${slot}`);
      if (summary) logger.info({ runId: summary.runId, members: summary.members, k: summary.clustering?.k }, 'segments recomputed');
    },
    (error) => logger.error({ err: error }, 'segment recomputation failed'),
  );
}
