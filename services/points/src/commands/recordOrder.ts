import type { DataSource, EntityManager } from 'typeorm';
import { enqueueOutboxEvents, insertByPlainSql, inTransaction, isUniqueViolation } from '../../../kit/src';
import { Order } from '../db/entities/Order';
import { PendingPoints } from '../db/entities/PendingPoints';
import type { PointsAccount } from '../db/entities/PointsAccount';
import { readEarnState } from '../db/earnState';
import { applyPlan, ensureAccount, inAccountTransaction } from '../db/ledger';
import { addPendingOrder, boundAfterEarn, type ActivityBound } from '../db/activityBound';
import { localCoefficient } from './campaignCalendar';
import {
  AFTER_COMMIT_ASSESSMENTS_KEY,
  afterCommitAssessment,
  assessEarn,
  earnAction,
  enqueueLateAssessment,
  type EarnRiskCheck,
} from './assessRisk';
import { memberTier, tierForEarn } from './memberTier';
import { activityEvent, reportEarnActivity } from './publishActivity';
import { SPEND_EVENTS_KEY, spendEvent } from './publishSpend';
import { returnRefusedReservation } from './returnCampaignBudget';
import { lotExpiry, planEarn } from '../domain/account';
import { earnPoints } from '../domain/earn';
import { assertSameOrder, parseOrder } from '../domain/order';
import { parseOrderTime } from '../domain/orderTime';
import type { EventDelivery, PointsPeers } from '../ports';

/** The programme's configurable figures that earning applies. */
export interface EarnRules {
  baseRateMilli: number;
  expiryMonths: number;
  utcOffsetMinutes: number;
  returnWindowDays: number;
  /** How many days after it was placed an order may still be recorded without an ADMIN (ORDER_MAX_LATENESS_DAYS). */
  orderMaxLatenessDays: number;
  /** Whether risk is asked before the earn commits or assesses it right after (EARN_RISK_CHECK, see assessRisk.ts). */
  earnRiskCheck: EarnRiskCheck;
  /** How long this process holds the member service's tier ladder (TIER_LADDER_TTL_MS; default SHARED_VALUE_TTL_MS). */
  tierLadderTtlMs?: number;
  /** How long this process holds the campaign service's calendar (CAMPAIGN_CALENDAR_TTL_MS; default SHARED_VALUE_TTL_MS). */
  campaignCalendarTtlMs?: number;
}

export interface Receipt {
  order: Order;
  replayed: boolean;
}

export const orderReason = (order: { orderNo: string; channel: string }) => `order ${order.orderNo} via ${order.channel}`;

/** The flag on the EARN entry of an order recorded later than the programme allows. */
export const LATE_ORDER = 'LATE_ORDER';

/** The EARN entry of an order, whether written at once or when its return window ends. */
export function orderEntryContext<At extends Date | undefined>(
  order: { memberId: string; orderNo: string; orderedAt: Date; late: boolean },
  actor: string,
  now: At,
) {
  return {
    memberId: order.memberId,
    source: 'ORDER',
    sourceRef: order.orderNo,
    idempotencyKey: `ORDER:${order.orderNo}`,
    actor,
    now,
    earnedAt: order.orderedAt,
    flag: order.late ? LATE_ORDER : null,
  };
}

function replay(existing: Order, incoming: ReturnType<typeof parseOrder>): Receipt {
  assertSameOrder(existing, incoming);
  return { order: existing, replayed: true };
}

/**
 * Records an order and earns its points exactly once, with the tier and the campaigns in force
 * when it was placed (`orderedAt`, default now; see parseOrderTime for how late it may come). Peers
 * are asked first (the tier only when points holds no copy of it or the order carries its time — see
 * tierForEarn; the campaign coefficient, unless points' calendar copy answers it; risk under
 * before-commit), then the
 * order, the ledger entry and the balance are written in one transaction; the order number's
 * primary key makes a concurrent or retried duplicate a replay. A retry of a recorded order is
 * answered from the order alone before any peer is asked, so a till's retry gets its receipt while
 * member or campaign is down, and a reused order number with other details is refused
 * (CONFLICT) before it reaches a campaign's budget. Under after-commit (the default) the order row
 * carries what the earn announces — its activity, spend and assessment — to be sent after the commit
 * (announceOrders.ts); otherwise they are outbox events of that transaction. `callerIsAdmin`: only an ADMIN records an
 * order later than ORDER_MAX_LATENESS_DAYS, and its entry is flagged LATE_ORDER. An order that
 * fails after a budgeted campaign reserved its extra points gives them back (returnCampaignBudget.ts).
 */
export async function recordOrder(
  dataSource: DataSource,
  peers: PointsPeers,
  events: EventDelivery,
  rules: EarnRules,
  input: OrderInput,
  actor: string,
  now?: Date,
): Promise<Receipt> {
  let reservationId: string | null | undefined;
  try {
    return await earnOrder(dataSource, peers, events, rules, input, actor, now, (reserved) => (reservationId = reserved));
  } catch (error) {
    // The order was not recorded: what a budgeted campaign reserved for it goes back (a retry reserves again).
    await returnRefusedReservation(dataSource, peers.campaign, events, input, reservationId);
    throw error;
  }
}

type OrderInput = Parameters<typeof parseOrder>[0] & { orderedAt?: string | null; callerIsAdmin?: boolean };

async function earnOrder(
  dataSource: DataSource,
  peers: PointsPeers,
  events: EventDelivery,
  rules: EarnRules,
  input: OrderInput,
  actor: string,
  now: Date | undefined,
  onReserved: (reservationId: string | null | undefined) => void,
): Promise<Receipt> {
  const order = parseOrder(input);
  const at = now ?? new Date();
  const { orderedAt, late } = parseOrderTime(input.orderedAt, at, rules.orderMaxLatenessDays, input.callerIsAdmin ?? false);
  const orders = dataSource.getRepository(Order);
  // The order, points' copy of the member's tier and their account in one statement; a known order is answered from it alone.
  const { order: existing, tierCopy, account: accountBefore } = await readEarnState(dataSource, order.orderNo, order.memberId);
  if (existing) return replay(existing, order);

  // The tier first: campaigns target by it, and budgeted ones reserve the extra points they grant.
  // An order sent without its time is placed now: its tier is points' copy of the present one (the
  // member service is asked only without one); an order with its time asks for the tier held then.
  const tier =
    input.orderedAt == null
      ? await tierForEarn(dataSource, peers.member, order.memberId, at, rules.tierLadderTtlMs, tierCopy)
      : await memberTier(peers.member, order.memberId, undefined, orderedAt);
  // The coefficient from the campaign calendar points holds when no campaign that applies has a
  // budget, segments or consent (campaignCalendar.ts: the same answer, no call); otherwise campaign
  // answers it and reserves what its budgets grant.
  const local = await localCoefficient(
    dataSource,
    peers.campaign,
    { orderedAt, tierId: tier.tierId, channel: order.channel, store: order.storeId ?? null },
    rules.campaignCalendarTtlMs,
  );
  const coefficient =
    local !== null
      ? { coefficientMilli: local, reservationId: null }
      : await peers.campaign.getActivityCoefficient(order.memberId, orderedAt, undefined, {
          orderNo: order.orderNo,
          tierId: tier.tierId,
          channel: order.channel,
          store: order.storeId ?? null,
          amountFen: order.amountFen,
          baseRateMilli: rules.baseRateMilli,
          multiplierMilli: tier.multiplierMilli,
        });
  onReserved(coefficient.reservationId);
  const earn = earnAction(order);
  const afterCommit = rules.earnRiskCheck === 'after-commit';
  // Before the commit it fails open: without an answer the order earns, its assessment queued for review below.
  const risk = afterCommit ? 'after-commit' : await assessEarn(peers.risk, earn);

  const points = earnPoints({
    amountFen: order.amountFen,
    baseRateMilli: rules.baseRateMilli,
    multiplierMilli: tier.multiplierMilli,
    coefficientMilli: coefficient.coefficientMilli,
  });
  const row = Object.assign(new Order(), {
    orderNo: order.orderNo,
    memberId: order.memberId,
    amountFen: order.amountFen,
    channel: order.channel,
    storeId: order.storeId ?? null,
    items: order.items ? JSON.stringify(order.items) : null,
    pointsEarned: points,
    refundedFen: 0,
    pointsClawed: 0,
    createdAt: at,
    orderedAt,
    announcedAt: at as Date | null,
  });
  const lotExpiresAt = lotExpiry(orderedAt, rules);
  let activityEventId = '';
  // The bound of the member's 12-month figures with this order in it, as the transaction that committed wrote it (activityBound.ts).
  let bound: ActivityBound | undefined;
  // Under after-commit, the order row carries its announcements instead of the outbox (announceOrders.ts):
  // all three follow from it, so the transaction writes no outbox event (one statement fewer).
  const carriedBy = afterCommit ? events.orders : undefined;
  let carried = false;
  // The order, its points (or their pending hold) and the events announcing it, in one transaction.
  const write = async (manager: EntityManager, account?: PointsAccount) => {
    // The account first: applyPlan's guarded UPDATE is the transaction's first lock when the account was read before it.
    if (account) {
      // The order joins the bound of the member's 12-month figures in the same guarded UPDATE.
      await applyPlan(manager, account, planEarn(account, points, orderReason(order)), {
        ...orderEntryContext({ ...order, orderedAt, late }, actor, now),
        lotExpiresAt,
        bound: { spendFen: order.amountFen, purchases: 1 },
      });
      // Planned from exactly this account (the UPDATE's version guard): its bound plus this order.
      bound = boundAfterEarn(account, order.amountFen);
      carried = carriedBy !== undefined;
    } else {
      // No balance changes, but the order counts in the 12-month figures at once: into the bound, the account's lock first.
      // (Its bound after is not known here without reading it: this earn's decision reads the figures.)
      await addPendingOrder(manager, order.memberId, order.amountFen);
    }
    row.announcedAt = carried ? null : at;
    await insertByPlainSql(manager, Order, [row]);
    if (!account) {
      // Inside the return window the points are held back; releasePendingPoints earns them later.
      await manager.insert(PendingPoints, {
        orderNo: order.orderNo,
        memberId: order.memberId,
        points,
        availableAt: new Date(orderedAt.getTime() + rules.returnWindowDays * 86_400_000),
        lotExpiresAt,
        releasedAt: null,
        // A late order stays flagged when its points are released (its EARN entry is written then).
        flag: late ? LATE_ORDER : null,
      });
    }
    if (carried) return;
    // The activity, the spend and (after-commit) the assessment in one statement.
    [activityEventId] = await enqueueOutboxEvents(manager, [
      activityEvent(order.memberId, at),
      spendEvent(order.memberId, at),
      ...(afterCommit ? [afterCommitAssessment(earn, at)] : []),
    ]);
    if (risk === 'unassessed') await enqueueLateAssessment(manager, earn, at);
  };
  try {
    if (rules.returnWindowDays > 0) {
      await ensureAccount(dataSource, order.memberId);
      await inTransaction(dataSource, (manager) => write(manager));
    } else {
      // The account lock first, as every command on a member's points takes it: concurrent orders of
      // one member (a duplicate among them) wait here, and a duplicate's insert below is a replay.
      // The account read with the order is planned from and guarded by its version, without the
      // locking read; if it changed meanwhile, the earn runs again under that read (inAccountTransaction).
      // No account read with the order: the member's first earn (null: created first, then planned from as created).
      await inAccountTransaction(dataSource, order.memberId, write, accountBefore ?? null);
    }
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return replay(await orders.findOneByOrFail({ orderNo: order.orderNo }), order);
  }
  // Before the answer only when this earn can upgrade the member (an upgrade shows at once), else just after it.
  const activity = carried && carriedBy ? { carriedBy } : { outboxEventId: activityEventId };
  await reportEarnActivity(dataSource, events, order.memberId, tier, activity, now, bound);
  // The order carries the spend and the assessment too (announceOrders.ts): nothing is in the outbox for them.
  if (carried) return { order: row, replayed: false };
  // Not awaited: risk judges the earn off the request path, in a batch with the others pending.
  if (afterCommit) events.deliverSoon(AFTER_COMMIT_ASSESSMENTS_KEY);
  events.deliverSoon(SPEND_EVENTS_KEY);
  return { order: row, replayed: false };
}
