import { randomUUID } from 'node:crypto';
import { In, IsNull, type DataSource, type EntityManager } from 'typeorm';
import { OutboxEvent } from '../db/entities/OutboxEvent';
import { spendStats } from '../db/spendStats';
import type { MemberClient } from '../grpc/clients/member';

export const ACTIVITY_TOPIC = 'tier.activity';

/** In the transaction of an order or refund: announce that the member's qualifying activity changed. */
export async function enqueueActivity(manager: EntityManager, memberId: string, now: Date): Promise<void> {
  await manager.insert(OutboxEvent, { id: randomUUID(), topic: ACTIVITY_TOPIC, memberId, createdAt: now, deliveredAt: null, attempts: 0 });
}

/**
 * Delivers a member's pending activity events: reads which are pending *first*, then the figures
 * (so they include every change those events announced), sends them to the member service, and
 * marks exactly those events delivered. Safe to run twice at once: the figures are absolute.
 */
export async function publishActivity(dataSource: DataSource, member: MemberClient, memberId: string, now = new Date()): Promise<void> {
  const outbox = dataSource.getRepository(OutboxEvent);
  const pending = await outbox.find({ select: { id: true }, where: { memberId, topic: ACTIVITY_TOPIC, deliveredAt: IsNull() } });
  if (pending.length === 0) return;
  const ids = pending.map((e) => e.id);
  const [stats] = await spendStats(dataSource, [memberId], now);
  try {
    await member.recordQualifyingActivity({
      memberId,
      spendFen: String(stats.spendFen),
      purchases: stats.purchases,
      asOfEpochMs: String(now.getTime()),
    });
  } catch (error) {
    await outbox.increment({ id: In(ids) }, 'attempts', 1);
    throw error;
  }
  await outbox.update({ id: In(ids), deliveredAt: IsNull() }, { deliveredAt: new Date() });
}
