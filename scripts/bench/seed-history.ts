/**
 * Replays one planned member's history — registration, orders, checkout offsets, daily check-ins,
 * referral shares, lot expiries, tier upgrades — through the services' own domain rules, in time
 * order, and answers the rows the five services would have written for it. Pure apart from sealing the phone (AES-GCM with a fresh
 * IV, by design): the same plan and rules give the same rows.
 *
 * Where a service's rule lives in a function that also does I/O (applyPlan, recordMilestones,
 * spendStats), it is mirrored here line for line and says so; everything else is called, not copied.
 */
import {
  CHANNELS,
  formatFen,
  newOutboxRow,
  type Channel,
  type NewOutboxEvent,
  type OutboxRow,
  type PiiCipher,
} from '../../services/kit/src';
import { Member } from '../../services/member/src/db/entities/Member';
import { Milestone } from '../../services/member/src/db/entities/Milestone';
import { TierChange } from '../../services/member/src/db/entities/TierChange';
import { tierById } from '../../services/member/src/db/ladder';
import { ladderAsOf, upgradeTarget, type QualifyingStats, type TierVersion } from '../../services/member/src/domain/tierEngine';
import { entryTier, type TierRule } from '../../services/member/src/domain/tiers';
import { ACTIVITY_TOPIC } from '../../services/points/src/commands/publishActivity';
import { spendEvent } from '../../services/points/src/commands/publishSpend';
import { orderEntryContext, orderReason } from '../../services/points/src/commands/recordOrder';
import type { PointsRules } from '../../services/points/src/context';
import { LedgerEntry } from '../../services/points/src/db/entities/LedgerEntry';
import { MemberTierCopy } from '../../services/points/src/db/entities/MemberTierCopy';
import { Order } from '../../services/points/src/db/entities/Order';
import { PointsAccount } from '../../services/points/src/db/entities/PointsAccount';
import { PointsLot } from '../../services/points/src/db/entities/PointsLot';
import { rowsOfPlan, type EntryContext } from '../../services/points/src/db/ledger';
import {
  lastDayBefore,
  lotExpiry,
  planBurn,
  planEarn,
  planExpiry,
  type AccountState,
  type Plan,
} from '../../services/points/src/domain/account';
import { effectiveExpiry } from '../../services/points/src/domain/expiry';
import type { ExpiryHold } from '../../services/points/src/ports';
import { debitMove, parseDebit, pointsForOffset } from '../../services/points/src/domain/debit';
import { earnPoints } from '../../services/points/src/domain/earn';
import { parseOrder } from '../../services/points/src/domain/order';
import { combineCoefficients, isLive } from '../../services/campaign/src/domain/coefficient';
import { ReferralInvitation } from '../../services/campaign/src/db/entities/ReferralInvitation';
import { RiskEvent } from '../../services/risk/src/db/entities/RiskEvent';
import { parseAction, type AssessInput } from '../../services/risk/src/domain/action';
import type { PlannedMember } from './seed-plan';
import { createRandom, idMaker, streamSeed, type Random } from './seed-random';

/** The rolling 12 months of db/spendStats.ts and commands/milestones.ts (both 365 days). */
const YEAR_MS = 365 * 86_400_000;
/** Award.ts's wording of the welcome bonus. */
const WELCOME_REASON = 'welcome bonus for registering';
/**
 * Checkout offsets: on this share of orders, once the balance is worth 10 CNY, half the balance
 * pays for at most this share of the order. Tuned so about 40% of what is earned is burned
 * (DOMAIN.md §3 wants a consumption rate above 30%) and the rest stays or expires.
 */
const OFFSET_RATE = 0.08;
const OFFSET_MIN_CNY = 10;
const OFFSET_SHARE = 0.3;

/**
 * Engagement, which the risk models read (check-ins from points, referral shares from campaign).
 * It leads purchases: a member who checks in or shares tends to buy soon after, so it says
 * something of who will buy again. Per segment, the share of members who ever check in and who
 * ever share; each order of theirs is preceded, with the probability below, by check-ins on 1–4
 * of the 14 days before it, or by a share in the 21 days before it. Drawn from a stream of their
 * own, so the orders are those the same seed gave before engagement was seeded.
 */
const CHECKING_IN: Record<PlannedMember['segment']['name'], number> = {
  occasional: 0.25,
  potential: 0.4,
  loyal: 0.55,
  top: 0.7,
  lapsed: 0.3,
};
const SHARING: Record<PlannedMember['segment']['name'], number> = { occasional: 0.1, potential: 0.2, loyal: 0.3, top: 0.4, lapsed: 0.15 };
const CHECK_INS_BEFORE_ORDER = 0.6;
const SHARE_BEFORE_ORDER = 0.3;
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** What the programme is configured with, read once from the running stack. */
export interface SeedRules {
  now: Date;
  /** Every version of every tier (tier_versions), as loadLadder reads them. */
  tierVersions: readonly TierVersion[];
  points: Pick<
    PointsRules,
    | 'baseRateMilli'
    | 'expiryMonths'
    | 'utcOffsetMinutes'
    | 'returnWindowDays'
    | 'registrationBonus'
    | 'pointsPerCnyOffset'
    | 'checkInPoints'
  >;
  campaigns: ReadonlyArray<{ coefficientMilli: number; startsAt: Date; endsAt: Date }>;
  combination: 'max' | 'product';
  /** The ledger actor of the orders: the staff account that recorded them (`staff:<id>`). */
  orderActor: string;
}

/** Everything one member leaves in the databases (member, points, campaign, risk: benefits keeps nothing per member). */
export interface MemberRows {
  member: Member;
  tierChanges: TierChange[];
  milestones: Milestone[];
  memberEvents: OutboxRow[];
  account: PointsAccount | null;
  /** Points' copy of the member's tier, as the tier-change events and the activity answers leave it. */
  tierCopy: MemberTierCopy;
  orders: Order[];
  ledger: LedgerEntry[];
  lots: PointsLot[];
  activityEvents: OutboxRow[];
  /**
   * The spend event of the member's last order, left pending: points' outbox sends every member's
   * window to benefits after the seeding (seed.ts deliverSeededSpend), as it does after each order.
   * (The events of the earlier orders would have been delivered long ago and changed nothing since.)
   */
  spendEvents: OutboxRow[];
  referralInvitations: ReferralInvitation[];
  riskEvents: RiskEvent[];
}

/**
 * A member's points account in memory. `apply` does what db/ledger.ts applyPlan does — the rows
 * come from the same rowsOfPlan — but keeps them for bulk inserts instead of writing each plan with
 * its own statements.
 */
class PointsBook {
  readonly ledger: LedgerEntry[] = [];
  readonly lots: PointsLot[] = [];
  state: AccountState = { balance: 0, debt: 0 };
  /** setBalance bumps the version once per applied plan. */
  version = 0;
  /** The seq of the latest entry, as setBalance keeps it. */
  lastSeq = 0;
  private readonly lotsById = new Map<string, PointsLot>();

  constructor(private readonly newId: () => string) {}

  /** What applyPlan (services/points/src/db/ledger.ts) writes, from the same rowsOfPlan. */
  apply(plan: Plan, context: EntryContext): void {
    const { entries, newLot } = rowsOfPlan({ balance: this.state.balance, lastSeq: this.lastSeq }, plan, context, this.newId);
    this.lastSeq += entries.length;
    this.ledger.push(...entries);
    for (const [lotId, remaining] of plan.lotChanges) this.lotsById.get(lotId)!.remaining = remaining;
    if (newLot) {
      this.lots.push(newLot);
      this.lotsById.set(newLot.id, newLot);
    }
    this.state = plan.after;
    this.version += 1;
  }

  /**
   * What the expiry job (commands/expireLots.ts) does by `at`: every due lot that still holds
   * points, oldest expiry first, each its own plan, none while the member's tier holds them
   * (`hold`, domain/expiry.ts). Dated at the lot's expiry, the earliest a run could have found it.
   */
  expireDue(memberId: string, at: number, hold: ExpiryHold): void {
    const due = this.lots
      .filter((lot) => {
        const expiry = lot.expiresAt && effectiveExpiry(lot.expiresAt, hold);
        return lot.remaining > 0 && expiry !== null && expiry.getTime() <= at;
      })
      .sort((a, b) => a.expiresAt!.getTime() - b.expiresAt!.getTime() || (a.id < b.id ? -1 : 1));
    for (const lot of due) {
      this.apply(planExpiry(this.state, lot, `points earned ${lot.earnedAt.toISOString().slice(0, 10)} expired`), {
        memberId,
        source: 'EXPIRY',
        sourceRef: lot.id,
        idempotencyKey: `EXPIRE:${lot.id}`,
        now: lot.expiresAt!,
      });
    }
  }

  account(memberId: string): PointsAccount | null {
    // ensureAccount runs only when points move (an order, an award that is not zero).
    return this.version === 0
      ? null
      : {
          memberId,
          balance: this.state.balance,
          debt: this.state.debt,
          held: 0,
          version: this.version,
          lastSeq: this.lastSeq,
          // The bound of the 12-month figures: set by withBound from the member's orders.
          boundSpendFen: null,
          boundPurchases: null,
          boundSince: null,
        };
  }
}

/**
 * The account with the bound of its 12-month figures (services/points/src/db/activityBound.ts): the
 * figures as a refresh at the seed's `now` sets them, over every order placed from `since` (its 12
 * months' start) on, so an earn of a seeded member decides from it as a live member's does.
 */
function withBound(account: PointsAccount | null, orders: readonly Order[], since: Date): PointsAccount | null {
  if (!account) return null;
  const counted = orders.filter((o) => o.orderedAt.getTime() >= since.getTime());
  return {
    ...account,
    boundSpendFen: counted.reduce((sum, o) => sum + o.amountFen - o.refundedFen, 0),
    boundPurchases: counted.filter((o) => o.refundedFen < o.amountFen).length,
    boundSince: since,
  };
}

/** Spend and purchases of the rolling 12 months up to each new order, as spendStats counts them (no refunds here). */
class RollingYear {
  private readonly orders: Array<{ at: number; fen: number }> = [];
  private first = 0;
  private spend = 0;

  add(at: number, fen: number): QualifyingStats {
    this.orders.push({ at, fen });
    this.spend += fen;
    while (this.orders[this.first].at < at - YEAR_MS) this.spend -= this.orders[this.first++].fen;
    return { spendFen: this.spend, purchases: this.orders.length - this.first };
  }
}

/** Sorted order times in the member's active window, at least a minute apart (never after its end). */
function orderTimes(random: Random, planned: PlannedMember): number[] {
  const times = Array.from({ length: planned.orders }, () => random.int(planned.activeFrom, planned.activeUntil)).sort((a, b) => a - b);
  for (let i = times.length - 2; i >= 0; i -= 1) times[i] = Math.min(times[i], times[i + 1] - 60_000);
  return times;
}

function coefficientAt(rules: SeedRules, at: Date): number {
  return combineCoefficients(
    rules.campaigns.filter((c) => isLive(c, at)).map((c) => c.coefficientMilli),
    rules.combination,
  );
}

/** The member's tier state on the member service, and what recordActivity writes as it changes. */
class TierTrack {
  readonly changes: TierChange[] = [];
  readonly milestones: Milestone[] = [];
  tierId: string;
  since: Date;
  stats: QualifyingStats = { spendFen: 0, purchases: 0 };
  asOf: Date | null = null;
  private lastTwelfth: number | null = null;

  constructor(
    private readonly newId: () => string,
    private readonly memberId: string,
    registered: { at: Date; via: Channel; tier: TierRule },
  ) {
    this.tierId = registered.tier.id;
    this.since = registered.at;
    // commands/registerMember.ts
    this.changes.push(this.change(null, registered.tier.id, 'REGISTERED', `registered via ${registered.via}`, registered.at));
  }

  /** commands/recordActivity.ts after an order: store the figures, upgrade at once, record milestones. */
  record(ladder: readonly TierRule[], stats: QualifyingStats, at: Date): void {
    this.stats = stats;
    this.asOf = at;
    const target = upgradeTarget(tierById(ladder, this.tierId), ladder, stats);
    if (target) {
      this.changes.push(this.change(this.tierId, target.id, 'UPGRADE', 'qualifying purchase crossed the threshold', at));
      this.tierId = target.id;
      this.since = at;
    }
    this.milestonesAt(ladder, stats.purchases, at);
  }

  /** Mirrors commands/milestones.ts recordMilestones (it reads and writes under the member's row lock). */
  private milestonesAt(ladder: readonly TierRule[], purchases12m: number, at: Date): void {
    const top = Math.max(...ladder.map((t) => t.rank));
    const reachedTop = tierById(ladder, this.tierId).rank === top;
    if (reachedTop && !this.milestones.some((m) => m.kind === 'FIRST_TOP_TIER')) this.milestone('FIRST_TOP_TIER', '', at);
    if (purchases12m >= 12 && (this.lastTwelfth === null || at.getTime() - this.lastTwelfth >= YEAR_MS)) {
      this.milestone('TWELFTH_PURCHASE', at.toISOString().slice(0, 10).replace(/-/g, ''), at);
      this.lastTwelfth = at.getTime();
    }
  }

  private milestone(kind: string, period: string, at: Date): void {
    this.milestones.push({ id: this.newId(), memberId: this.memberId, kind, period, at });
  }

  /** members.tier_version: one per change changeTier made (every change but the registration's). */
  get version(): number {
    return this.changes.length - 1;
  }

  private change(from: string | null, to: string, reason: string, note: string, at: Date): TierChange {
    return {
      id: this.newId(),
      memberId: this.memberId,
      fromTier: from,
      toTier: to,
      reason,
      tierSource: 'EARNED',
      note,
      actor: 'system',
      at,
    };
  }
}

/** How a member shops: a usual channel (and store, for POS), sometimes another. */
function shopper(random: Random, planned: PlannedMember) {
  const store = `STORE-${String(random.int(1, 40)).padStart(2, '0')}`;
  return (): { channel: Channel; store: string | null } => {
    const channel = random.next() < 0.7 ? planned.registeredVia : CHANNELS[random.int(0, CHANNELS.length - 1)];
    return { channel, store: channel === 'POS' ? store : null };
  };
}

/**
 * A checkout paid partly with points (offsetCheckout): planned by the points service's debit
 * rules, keyed and worded as the resolver does it, taken from the oldest lots.
 */
function offsetCheckout(book: PointsBook, rules: SeedRules, memberId: string, orderNo: string, amountFen: number, at: Date): void {
  const perCny = rules.points.pointsPerCnyOffset;
  if (book.state.balance < OFFSET_MIN_CNY * perCny) return;
  const fen = Math.min(Math.floor(book.state.balance / 2 / perCny), Math.floor((amountFen * OFFSET_SHARE) / 100)) * 100;
  if (fen < 100) return;
  const move = debitMove(
    parseDebit({
      memberId,
      points: pointsForOffset(fen, perCny),
      source: 'CHECKOUT',
      sourceRef: orderNo,
      reason: `checkout offset of ${formatFen(fen)} CNY on order ${orderNo}`,
      idempotencyKey: `CHK-${orderNo}`,
    }),
    `member:${memberId}`,
  );
  const plan = planBurn(book.state, book.lots, -move.points, move.entryType, move.reason);
  book.apply(plan, {
    memberId,
    source: move.source,
    sourceRef: move.sourceRef,
    idempotencyKey: move.idempotencyKey,
    actor: move.actor,
    now: at,
  });
}

/**
 * One member's life on the services, in time order. Each method is what one command of the
 * services does for them, written as rows instead of statements.
 */
class MemberReplay {
  private readonly random: Random;
  private readonly newId: () => string;
  private readonly book: PointsBook;
  private readonly tiers: TierTrack;
  private readonly year = new RollingYear();
  private readonly memberEvents: OutboxRow[] = [];
  private readonly orders: Order[] = [];
  private readonly activityEvents: OutboxRow[] = [];
  /** When the member's last order was placed (its spend event is the one left to deliver). */
  private lastOrderAt: Date | null = null;
  private readonly referralInvitations: ReferralInvitation[] = [];
  private readonly riskEvents: RiskEvent[] = [];
  private readonly engaging: Random;

  constructor(
    private readonly planned: PlannedMember,
    private readonly rules: SeedRules,
    private readonly seed: number,
  ) {
    this.random = createRandom(streamSeed(seed, planned.index));
    this.engaging = createRandom(streamSeed(seed ^ 0x5eed, planned.index));
    // Ids draw from a stream of their own: how many rows the rules make (a welcome bonus, an
    // expiry) must not shift the member's orders. Counter 0 of the stream is the member's own id.
    this.newId = idMaker(createRandom(streamSeed(~seed, planned.index)), planned.index + 1, 1);
    this.book = new PointsBook(this.newId);
    const entry = entryTier(this.ladderAt(planned.registeredAt));
    this.tiers = new TierTrack(this.newId, planned.id, { at: planned.registeredAt, via: planned.registeredVia, tier: entry });
    this.register();
  }

  /** The whole history up to `rules.now`: every order with the engagement before it, and every lot due by then expired. */
  replay(): this {
    const place = shopper(this.random, this.planned);
    const times = orderTimes(this.random, this.planned);
    const { checkIns, shares } = this.engagement(times);
    let next = 0;
    for (const [n, time] of times.entries()) {
      while (next < checkIns.length && checkIns[next] < time) this.checkIn(checkIns[next++]);
      this.order(n, time, place());
    }
    for (const at of shares) this.share(at);
    this.book.expireDue(this.planned.id, this.rules.now.getTime(), this.hold(this.rules.now));
    return this;
  }

  /**
   * When the member checks in (sorted, one a programme day, each at least an hour before the order
   * it leads and after registration) and shares their referral code, from their orders' times.
   */
  private engagement(orderTimes: readonly number[]): { checkIns: number[]; shares: number[] } {
    const random = this.engaging;
    const segment = this.planned.segment.name;
    const checksIn = random.next() < CHECKING_IN[segment];
    const shares = random.next() < SHARING[segment];
    const earliest = this.planned.registeredAt.getTime() + HOUR_MS;
    const days = new Map<string, number>();
    const shareTimes: number[] = [];
    for (const time of orderTimes) {
      if (checksIn && random.next() < CHECK_INS_BEFORE_ORDER) {
        for (let k = random.int(1, 4); k > 0; k -= 1) {
          const at = time - random.int(0, 13) * DAY_MS - random.int(HOUR_MS, 20 * HOUR_MS);
          const day = lastDayBefore(new Date(at + 1), this.rules.points.utcOffsetMinutes);
          if (at >= earliest && !days.has(day)) days.set(day, at);
        }
      }
      if (shares && random.next() < SHARE_BEFORE_ORDER) {
        const at = time - random.int(HOUR_MS, 21 * DAY_MS);
        if (at >= earliest) shareTimes.push(at);
      }
    }
    return { checkIns: [...days.values()].sort((a, b) => a - b), shares: shareTimes.sort((a, b) => a - b) };
  }

  /** commands/checkIn.ts: the day's bonus through moveMemberPoints (a lot with its calendar expiry), keyed by the day. */
  private checkIn(time: number): void {
    const memberId = this.planned.id;
    const at = new Date(time);
    const day = lastDayBefore(new Date(time + 1), this.rules.points.utcOffsetMinutes);
    this.book.expireDue(memberId, time, this.hold(at));
    this.book.apply(planEarn(this.book.state, this.rules.points.checkInPoints, `daily check-in ${day}`), {
      memberId,
      source: 'CHECK_IN',
      sourceRef: day,
      idempotencyKey: `CHECKIN:${memberId}:${day}`,
      actor: `member:${memberId}`,
      now: at,
      lotExpiresAt: lotExpiry(at, this.rules.points),
    });
  }

  /** Campaign's shareReferral: the invitation it counts (the member's code is given when they first ask for it). */
  private share(time: number): void {
    this.referralInvitations.push({
      id: this.newId(),
      memberId: this.planned.id,
      channel: this.engaging.next() < 0.7 ? 'MINI_PROGRAM' : 'WEB',
      createdAt: new Date(time),
    });
  }

  rows(pii: PiiCipher): MemberRows {
    return {
      member: this.memberRow(pii),
      tierChanges: this.tiers.changes,
      milestones: this.tiers.milestones,
      memberEvents: this.memberEvents,
      account: withBound(this.book.account(this.planned.id), this.orders, new Date(this.rules.now.getTime() - YEAR_MS)),
      tierCopy: {
        memberId: this.planned.id,
        tierId: this.tiers.tierId,
        tierVersion: this.tiers.version,
        granted: false,
        grantExpiresAt: null,
        updatedAt: this.tiers.since,
      },
      orders: this.orders,
      ledger: this.book.ledger,
      lots: this.book.lots,
      activityEvents: this.activityEvents,
      spendEvents: this.lastOrderAt ? [{ ...newOutboxRow(spendEvent(this.planned.id, this.lastOrderAt)), id: this.newId() }] : [],
      referralInvitations: this.referralInvitations,
      riskEvents: this.riskEvents,
    };
  }

  /** The member service's answer to the expiry job: the seeded history only upgrades, so nobody has left Diamond. */
  private hold(at: Date): ExpiryHold {
    const tier = tierById(this.ladderAt(at), this.tiers.tierId);
    return { memberId: this.planned.id, pointsNeverExpire: tier.pointsNeverExpire, neverExpireEndedAt: null };
  }

  private ladderAt(at: Date): TierRule[] {
    return ladderAsOf(this.rules.tierVersions, at);
  }

  /** An outbox event of the services', with a seeded id, delivered when it was enqueued (as every command delivers at once). */
  private delivered(event: NewOutboxEvent & { at: Date }): OutboxRow {
    return { ...newOutboxRow(event), id: this.newId(), deliveredAt: event.at };
  }

  /** commands/registerMember.ts, then the welcome event delivered at once (loginWithCode delivers before answering). */
  private register(): void {
    const { id: memberId, registeredAt } = this.planned;
    this.memberEvents.push(this.delivered({ type: 'member.registered', key: memberId, payload: { memberId }, at: registeredAt }));
    if (this.rules.points.registrationBonus === 0) return;
    // grpc/handlers/Award.ts: the welcome bonus, a lot with its calendar expiry.
    this.book.apply(planEarn(this.book.state, this.rules.points.registrationBonus, WELCOME_REASON), {
      memberId,
      source: 'REGISTRATION',
      sourceRef: memberId,
      idempotencyKey: `AWARD:REGISTRATION:${memberId}`,
      actor: 'service:member',
      now: registeredAt,
      lotExpiresAt: lotExpiry(registeredAt, this.rules.points),
    });
  }

  /**
   * One order, as commands/recordOrder.ts records it: γ of the tier the member holds before it,
   * the coefficient of the campaigns live then, a risk assessment, the earn and its lot, the
   * activity event — and then the member service's tier decision on the new 12-month figures.
   * Sometimes part of it is paid with points first.
   */
  private order(n: number, time: number, place: { channel: Channel; store: string | null }): void {
    const { rules, planned } = this;
    const memberId = planned.id;
    const at = new Date(time);
    const amountFen = Math.max(990, Math.round((planned.aovFen * this.random.logNormal(0.5)) / 10) * 10);
    const order = parseOrder({
      memberId,
      orderNo: `S${this.seed}M${String(planned.index).padStart(6, '0')}N${String(n).padStart(4, '0')}`,
      amount: formatFen(amountFen),
      channel: place.channel,
      store: place.store,
    });
    if (this.random.next() < OFFSET_RATE) {
      this.book.expireDue(memberId, time - 1000, this.hold(at));
      offsetCheckout(this.book, rules, memberId, order.orderNo, amountFen, new Date(time - 1000));
    }
    this.book.expireDue(memberId, time, this.hold(at));

    const ladder = this.ladderAt(at);
    const tier = tierById(ladder, this.tiers.tierId);
    this.assess({ action: 'EARN', memberId, amountFen, channel: order.channel, idempotencyKey: `EARN:${order.orderNo}` }, at);
    const points = earnPoints({
      amountFen,
      baseRateMilli: rules.points.baseRateMilli,
      multiplierMilli: tier.multiplierMilli,
      coefficientMilli: coefficientAt(rules, at),
    });
    this.orders.push({
      orderNo: order.orderNo,
      memberId,
      amountFen,
      channel: order.channel,
      storeId: order.storeId ?? null,
      items: null,
      pointsEarned: points,
      refundedFen: 0,
      pointsClawed: 0,
      createdAt: at,
      orderedAt: at,
      // Its events are the seed's own (the spend events it writes): nothing is left for the announcer.
      announcedAt: at,
    });
    this.book.apply(planEarn(this.book.state, points, orderReason(order)), {
      ...orderEntryContext({ memberId, orderNo: order.orderNo, orderedAt: at, late: false }, rules.orderActor, at),
      lotExpiresAt: lotExpiry(at, rules.points),
    });
    // Delivered at once: recordOrder publishes the member's activity before answering.
    this.activityEvents.push(this.delivered({ type: ACTIVITY_TOPIC, key: memberId, payload: { memberId }, at }));
    this.lastOrderAt = at;
    this.tiers.record(ladder, this.year.add(time, amountFen), at);
  }

  /**
   * grpc/handlers/Assess.ts: every order is assessed and the decision recorded. The seeded history
   * is written as allowed without running the rules (they read the database the seeder is
   * filling); the rules judge what comes after it.
   */
  private assess(input: AssessInput, at: Date): void {
    const { occurredAt: _occurredAt, failOpen: _failOpen, ...assessed } = parseAction(input, at);
    this.riskEvents.push({
      id: this.newId(),
      ...assessed,
      decision: 'ALLOW',
      score: 0,
      reason: 'no rule matched',
      reasons: null,
      reviewStatus: null,
      reviewedBy: null,
      reviewedAt: null,
      reviewNote: null,
      createdAt: at,
    });
  }

  private memberRow(pii: PiiCipher): Member {
    const { planned, tiers } = this;
    return {
      id: planned.id,
      phoneEnc: pii.encrypt(planned.phone),
      phoneIndex: pii.blindIndex(planned.phone),
      registeredVia: planned.registeredVia,
      tierId: tiers.tierId,
      registeredAt: planned.registeredAt,
      tierSince: tiers.since,
      tierSource: 'EARNED',
      grantExpiresAt: null,
      tierVersion: tiers.version,
      spend12mFen: tiers.stats.spendFen,
      purchases12m: tiers.stats.purchases,
      activityAsOf: tiers.asOf,
      name: null,
      birthday: null,
      gender: null,
      email: null,
      profileCompletedAt: null,
      reevaluatedCycle: '',
      partnerSharingAt: null,
      marketingConsentAt: null,
      analyticsConsentAt: null,
      guardianConsentAt: null,
      mergedInto: null,
    };
  }
}

/** The rows one member leaves behind, from registration to `rules.now`. */
export function memberHistory(planned: PlannedMember, rules: SeedRules, seed: number, pii: PiiCipher): MemberRows {
  return new MemberReplay(planned, rules, seed).replay().rows(pii);
}
