import type { DataSource, EntityManager } from 'typeorm';
import {
  enqueueOutboxEvent,
  metricsOf,
  upgradeTarget,
  type NewOutboxEvent,
  type OutboxBatchHandler,
  type OutboxHandler,
} from '../../../kit/src';
import { boundCovers, spendStatsRefreshingBounds, type ActivityBound } from '../db/activityBound';
import { keepTierCopies } from '../db/memberTiers';
import { spendStats } from '../db/spendStats';
import type { EarnFigures, EventDelivery, MemberPort, OrderAnnouncements, TierRung } from '../ports';

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
 * figures are absolute, so delivering twice (two replicas, a retry) is harmless. An earn's own
 * event comes with the figures it read after its commit (reportEarnActivity; the outbox hands them
 * over only for a run of that event alone): they include it, so they are sent as read, not read again.
 */
export function activityHandler(dataSource: DataSource, member: MemberPort, clock: () => Date = () => new Date()): OutboxHandler {
  return async (events, known) => {
    const payloads = events.map((event) => event.payload as ActivityPayload);
    const { memberId } = payloads[0];
    const refundedOrdersAt = payloads.flatMap((p) => (p.refundedOrderAt ? [new Date(p.refundedOrderAt)] : []));
    const figures = known as EarnFigures | undefined;
    const now = figures?.asOf ?? clock();
    const stats = figures ?? (await spendStatsRefreshingBounds(dataSource, [memberId], now))[0];
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

/**
 * After an earn's commit: the member's activity report goes before the answer only when this earn
 * can change their tier, so an upgrade still shows everywhere once the earn answers; otherwise it
 * goes right after, in the background (deliverActivityLater), and member records the figures and
 * milestones within about a second. "Can change" is the upgrade rule itself (the kit's
 * upgradeTarget, the member's tier engine's rule) over the member's 12-month figures read now —
 * after the commit, so of two racing earns of one member the later reader sees both — and the
 * tier and ladder the earn read from points' copies (`known`). Without them (no copy, an order
 * sent with its time, a tier the ladder lacks) it is reported before the answer, as always. A
 * capped or invitation-only top tier may still refuse what the rule offers: then the report was
 * early for nothing, never late. A report before the answer sends the figures read here with the
 * earn's event (`activityEventId`; activityHandler), so they are read once: as the handler would
 * read them, after the commit, dated (asOf) the instant their 12 months end. That instant is `now`,
 * the earn's clock when a test sets one, else the moment before the read: member must be told the
 * figures as of the instant they were read for, or it would date a test's figures by the wall clock.
 *
 * `bound`: an upper bound of those figures with this earn's order in it (the account's, as the
 * earn's guarded UPDATE left it; activityBound.ts). When it covers the 12 months and even it cannot
 * upgrade the member, neither can the figures (the rule only rises with them): the report goes
 * after the answer without reading them. Otherwise they are read as before.
 */
export async function reportEarnActivity(
  dataSource: DataSource,
  events: EventDelivery,
  memberId: string,
  known: { tierId: string; ladder?: readonly TierRung[] },
  activity: EarnActivity,
  now?: Date,
  bound?: ActivityBound,
): Promise<void> {
  const later = () => ('carriedBy' in activity ? activity.carriedBy.soon() : deliverActivityLater(events, memberId));
  const current = known.ladder?.find((tier) => tier.tierId === known.tierId);
  let figures: EarnFigures | undefined;
  if (current && known.ladder) {
    const asOf = now ?? new Date();
    if (bound && boundCovers(bound, asOf) && !upgradeTarget(current, known.ladder, bound)) {
      metricsOf(dataSource)?.activityReports.inc({ when: 'after_answer', decided_by: 'bound' });
      return later();
    }
    // The earn has committed: a failed read only means the report goes before the answer, as always.
    const stats = await spendStats(dataSource, [memberId], asOf).then(
      ([read]) => read,
      () => undefined,
    );
    if (stats && !upgradeTarget(current, known.ladder, stats)) {
      metricsOf(dataSource)?.activityReports.inc({ when: 'after_answer', decided_by: 'figures' });
      return later();
    }
    if (stats) figures = { spendFen: stats.spendFen, purchases: stats.purchases, asOf };
  }
  metricsOf(dataSource)?.activityReports.inc({ when: 'before_answer', decided_by: figures ? 'figures' : 'none' });
  if ('carriedBy' in activity) {
    // Straight to member; the order still carries the report, sent again after the answer (harmless: absolute figures).
    await activity.carriedBy.reportNow(memberId, figures);
    return activity.carriedBy.soon();
  }
  await events.deliverNow(memberId, figures && { eventIds: [activity.outboxEventId], facts: figures });
}

/** Where an earn's activity is announced: an outbox event of its transaction, or its order row (announceOrders.ts). */
export type EarnActivity = { outboxEventId: string } | { carriedBy: OrderAnnouncements };

/**
 * Delivers many members' pending activity events at once, for the reports that cannot change a
 * tier (deliverActivityLater): their 12-month figures in one read, one RecordQualifyingActivities
 * call, and the tier copies of any member it changed anyway. A refund's event never goes this way
 * (its member is delivered alone, with the refunded order's time). If the call fails — member
 * down, or one member it does not know refusing the whole batch — the outbox hands every member
 * of the batch to the per-member path, where each is delivered or backs off alone.
 */
export function activityBatchHandler(dataSource: DataSource, member: MemberPort, clock: () => Date = () => new Date()): OutboxBatchHandler {
  return {
    accepts: (event) => !(event.payload as ActivityPayload).refundedOrderAt,
    deliver: async (runs) => {
      const memberIds = runs.map((run) => run.key);
      const now = clock();
      // The figures the earns' bounds are refreshed to (activityBound.ts), off the request path.
      const stats = await spendStatsRefreshingBounds(dataSource, memberIds, now);
      const decisions = await member.recordQualifyingActivities(
        memberIds.map((memberId, i) => ({ memberId, spendFen: stats[i].spendFen, purchases: stats[i].purchases, asOf: now })),
      );
      const changed = decisions.flatMap((decision) => (decision.changed && decision.current ? [decision.current] : []));
      await keepTierCopies(dataSource, changed, now);
    },
  };
}

/**
 * The one place an activity report that cannot change the tier is sent from: the member's pending
 * events delivered in the background, after the answer, together with other members' (the
 * outbox's deliverSoonTogether and activityBatchHandler: one RecordQualifyingActivities call for
 * the members whose reports wait while a batch runs; a failure leaves them to the per-member path).
 */
export function deliverActivityLater(events: EventDelivery, memberId: string): void {
  events.deliverSoonTogether(ACTIVITY_TOPIC, memberId);
}
