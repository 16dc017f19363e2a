import type { DataSource, EntityManager } from 'typeorm';
import { enqueueOutboxEvent, type NewOutboxEvent, type OutboxHandler } from '../../../kit/src';
import { keepTierCopies } from '../db/memberTiers';
import { spendStats } from '../db/spendStats';
import type { MemberPort } from '../ports';

export const ACTIVITY_TOPIC = 'tier.activity';

interface ActivityPayload {
  memberId: string;
  /** A refund's event: when the refunded order was placed (ISO), for the tier engine's return-window rule. */
  refundedOrderAt?: string;
}

/**
 * In the transaction of an order, refund or merge: announce that the member's qualifying activity
 * changed; a refund says when the refunded order was placed.
 */
export async function enqueueActivity(manager: EntityManager, memberId: string, now: Date, refundedOrderAt?: Date): Promise<void> {
  await enqueueOutboxEvent(manager, activityEvent(memberId, now, refundedOrderAt));
}

/** The activity event itself, for a command that enqueues it with others in one statement (enqueueOutboxEvents). */
export function activityEvent(memberId: string, now: Date, refundedOrderAt?: Date): NewOutboxEvent<ActivityPayload> {
  const payload: ActivityPayload = refundedOrderAt ? { memberId, refundedOrderAt: refundedOrderAt.toISOString() } : { memberId };
  return { type: ACTIVITY_TOPIC, key: memberId, payload, at: now };
}

/**
 * Delivers a member's pending activity events as one report. The outbox reads which events are
 * pending *before* this runs, so the figures read here include every change they announced; the
 * figures are absolute, so delivering twice (two replicas, a retry) is harmless.
 */
export function activityHandler(dataSource: DataSource, member: MemberPort, clock: () => Date = () => new Date()): OutboxHandler {
  return async (events) => {
    const payloads = events.map((event) => event.payload as ActivityPayload);
    const { memberId } = payloads[0];
    const refundedOrdersAt = payloads.flatMap((p) => (p.refundedOrderAt ? [new Date(p.refundedOrderAt)] : []));
    const now = clock();
    const [stats] = await spendStats(dataSource, [memberId], now);
    const decision = await member.recordQualifyingActivity({
      memberId,
      spendFen: stats.spendFen,
      purchases: stats.purchases,
      asOf: now,
      ...(refundedOrdersAt.length ? { refundedOrdersAt } : {}),
    });
    // An upgrade (or a refund's step down) is in points' tier copy before the earn answers; the
    // member's own tier-change event repeats it later, which the copy's version check ignores.
    if (decision.changed && decision.current) await keepTierCopies(dataSource, [decision.current], now);
  };
}
