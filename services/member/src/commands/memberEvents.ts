import { randomUUID } from 'node:crypto';
import { In, IsNull, type DataSource, type EntityManager } from 'typeorm';
import { MemberMerge } from '../db/entities/MemberMerge';
import { OutboxEvent } from '../db/entities/OutboxEvent';
import type { PointsClient } from '../grpc/clients/points';

const AWARDS = { 'member.registered': 'REGISTRATION', 'member.profile_completed': 'PROFILE_COMPLETION' } as const;
export type MemberTopic = keyof typeof AWARDS | 'member.merged';

/** In the transaction of the change: announce it. */
export async function enqueueMemberEvent(manager: EntityManager, topic: MemberTopic, memberId: string, now: Date): Promise<void> {
  await manager.insert(OutboxEvent, { id: randomUUID(), topic, memberId, createdAt: now, deliveredAt: null, attempts: 0 });
}

/** Delivers a member's pending events in order (the points service applies each once, so a repeat is harmless). */
export async function deliverMemberEvents(dataSource: DataSource, points: PointsClient, memberId: string): Promise<void> {
  const outbox = dataSource.getRepository(OutboxEvent);
  for (const event of await outbox.find({ where: { memberId, deliveredAt: IsNull() }, order: { createdAt: 'ASC' } })) {
    try {
      if (event.topic === 'member.merged') {
        const merge = await dataSource.getRepository(MemberMerge).findOneByOrFail({ sourceId: memberId });
        await points.mergeAccounts(merge.id, merge.sourceId, merge.targetId);
      } else {
        await points.award(memberId, AWARDS[event.topic as keyof typeof AWARDS]);
      }
    } catch (error) {
      await outbox.increment({ id: In([event.id]) }, 'attempts', 1);
      throw error;
    }
    await outbox.update({ id: event.id, deliveredAt: IsNull() }, { deliveredAt: new Date() });
  }
}
