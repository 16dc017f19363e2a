import type { DataSource } from 'typeorm';
import { createOutbox, type Logger, type Outbox, type OutboxBatching } from '../../kit/src';
import { ORDERS_TO_ANNOUNCE, createOrderAnnouncer, type OrderAnnouncer } from './commands/announceOrders';
import { LATE_ASSESSMENT_TOPIC, lateAssessmentHandler } from './commands/assessRisk';
import { POINTS_EXPIRING, pointsExpiringHandler } from './commands/noticeExpiringPoints';
import { ACTIVITY_TOPIC, activityBatchHandler, activityHandler } from './commands/publishActivity';
import { SPEND_TOPIC, spendHandler } from './commands/publishSpend';
import { BUDGET_RETURN_TOPIC, budgetReturnHandler } from './commands/returnCampaignBudget';
import type { BenefitsPort, EventDelivery, PointsPeers } from './ports';

/** Points' outbox, the announcer of orders that carry their own announcements, and the two as commands see them. */
export interface PointsEvents {
  outbox: Outbox;
  announcer: OrderAnnouncer;
  /** What commands are given: the outbox's deliveries and the announcer's `soon`. */
  delivery: EventDelivery;
  /** Stops the announcer's sweep, then the outbox (which ends a background announcement). */
  stop(): Promise<void>;
}

/**
 * Tier activity reaches the member service, earns' assessments (after their commit, or when risk
 * did not answer) reach risk, and members' spend reaches benefits, from the outbox: after each
 * write, retried by the dispatcher; a quiet earn's order carries the same announcements and the
 * announcer hands them to the same handlers (announceOrders.ts). `intervalMs`: the dispatcher's and
 * the announcer's sweep (0: neither runs; tests call dispatch and announce).
 */
export function createPointsEvents(options: {
  dataSource: DataSource;
  peers: PointsPeers;
  /** Only the outbox calls benefits (members' spend), so it is no peer of the commands. */
  benefits: BenefitsPort;
  logger: Logger;
  intervalMs: number;
  batching?: OutboxBatching;
}): PointsEvents {
  const { dataSource, peers, benefits, logger, intervalMs } = options;
  const report = activityHandler(dataSource, peers.member);
  const activity = activityBatchHandler(dataSource, peers.member);
  const spend = spendHandler(dataSource, benefits);
  const assessments = lateAssessmentHandler(peers.risk, logger);
  const outbox = createOutbox({
    dataSource,
    handlers: {
      [ACTIVITY_TOPIC]: report,
      [POINTS_EXPIRING]: pointsExpiringHandler(logger),
      [LATE_ASSESSMENT_TOPIC]: assessments,
      [BUDGET_RETURN_TOPIC]: budgetReturnHandler(dataSource, peers.campaign),
      [SPEND_TOPIC]: spend,
    },
    batchHandlers: { [ACTIVITY_TOPIC]: activity },
    logger,
    intervalMs,
    batching: options.batching,
    carriers: [ORDERS_TO_ANNOUNCE],
  });
  const announcer = createOrderAnnouncer({ dataSource, outbox, handlers: { report, activity, spend, assessments }, logger, intervalMs });
  return {
    outbox,
    announcer,
    delivery: {
      deliverNow: outbox.deliverNow,
      deliverSoon: outbox.deliverSoon,
      deliverSoonTogether: outbox.deliverSoonTogether,
      orders: { soon: announcer.soon, reportNow: announcer.reportNow },
    },
    stop: async () => {
      await announcer.stop();
      await outbox.stop();
    },
  };
}
