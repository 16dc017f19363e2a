import type { DataSource, EntityManager } from 'typeorm';
import { enqueueOutboxEvent, type OutboxHandler } from '../../../kit/src';
import { spendStats } from '../db/spendStats';
import type { MemberPort } from '../ports';

export const ACTIVITY_TOPIC = 'tier.activity';

/** In the transaction of an order, refund or merge: announce that the member's qualifying activity changed. */
export async function enqueueActivity(manager: EntityManager, memberId: string, now: Date): Promise<void> {
  await enqueueOutboxEvent(manager, { type: ACTIVITY_TOPIC, key: memberId, payload: { memberId }, at: now });
}

/**
 * Delivers a member's pending activity events as one report. The outbox reads which events are
 * pending *before* this runs, so the figures read here include every change they announced; the
 * figures are absolute, so delivering twice (two replicas, a retry) is harmless.
 */
export function activityHandler(dataSource: DataSource, member: MemberPort, clock: () => Date = () => new Date()): OutboxHandler {
  return async (events) => {
    const { memberId } = events[0].payload as { memberId: string };
    const now = clock();
    const [stats] = await spendStats(dataSource, [memberId], now);
    await member.recordQualifyingActivity({ memberId, spendFen: stats.spendFen, purchases: stats.purchases, asOf: now });
  };
}
