import { randomUUID } from 'node:crypto';
import { In, IsNull, type DataSource, type EntityManager } from 'typeorm';
import { OutboxEvent } from '../db/entities/OutboxEvent';
import type { PointsClient } from '../grpc/clients/points';

const AWARDS = { 'member.registered': 'REGISTRATION', 'member.profile_completed': 'PROFILE_COMPLETION' } as const;
export type MemberTopic = keyof typeof AWARDS;

/** In the transaction of the change: announce it. */
export async function enqueueMemberEvent(manager: EntityManager, topic: MemberTopic, memberId: string, now: Date): Promise<void> {
  await manager.insert(OutboxEvent, { id: randomUUID(), topic, memberId, createdAt: now, deliveredAt: null, attempts: 0 });
}

/** Delivers a member's pending events (the points service awards each bonus once, so a repeat is harmless). */
export async function deliverMemberEvents(dataSource: DataSource, points: PointsClient, memberId: string): Promise<void> {
  const outbox = dataSource.getRepository(OutboxEvent);
  for (const event of await outbox.find({ where: { memberId, deliveredAt: IsNull() }, order: { createdAt: 'ASC' } })) {
    try {
      await points.award(memberId, AWARDS[event.topic as MemberTopic]);
    } catch (error) {
      await outbox.increment({ id: In([event.id]) }, 'attempts', 1);
      throw error;
    }
    await outbox.update({ id: event.id, deliveredAt: IsNull() }, { deliveredAt: new Date() });
  }
}
