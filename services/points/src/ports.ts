import type { CallScope, Outbox } from '../../kit/src';
import type { EarnCalendar } from './domain/earnCalendar';

/*
 * The peers the points service needs, in its own terms: amounts in fen, times as Dates. Commands
 * see only these; `grpc/peers.ts` adapts them to the peers' gRPC services, and the command tests
 * use in-memory ones (test/memoryPorts.ts). `scope` passes a serving call's deadline on.
 */

/** A member's tier as earning applies it. */
export interface MemberTier {
  memberId: string;
  tierId: string;
  /** γ in thousandths (1.2 = 1200). */
  multiplierMilli: number;
  /** Diamond: lots earned never expire. */
  pointsNeverExpire: boolean;
  /** The member's tier now with its version, when the member service said it: what points' copy keeps. */
  current?: TierCopy;
}

/** A member's tier as points keeps a copy of it (db/memberTiers.ts). */
export interface TierCopy {
  memberId: string;
  tierId: string;
  /** Grows with each change of the member's tier: a copy keeps the highest it has seen. */
  tierVersion: number;
  /** A staff grant, and when it ends (null: earned, or a grant without an end). */
  granted: boolean;
  grantExpiresAt: Date | null;
}

/** A rung of the ladder in force now (member's ListTiers). */
export interface TierRung {
  tierId: string;
  rank: number;
  multiplierMilli: number;
  pointsNeverExpire: boolean;
  spendThresholdFen: number;
  purchaseThreshold: number;
  rule: 'AND' | 'OR';
}

/** Whether a member's points may expire now, as the member service has it (DOMAIN.md §3). */
export interface ExpiryHold {
  memberId: string;
  /** On a tier whose points never expire (Diamond): none of their lots expires. */
  pointsNeverExpire: boolean;
  /** When they last left such a tier (null: never held one): their lots expire no sooner than 30 days after. */
  neverExpireEndedAt: Date | null;
}

/** A member's rolling-12-month figures, which the tier engine decides on. */
export interface QualifyingActivity {
  memberId: string;
  spendFen: number;
  purchases: number;
  asOf: Date;
  /**
   * In a report after refunds: when each refunded order was placed. A tier reached within such an
   * order's return window is recomputed at once from the remaining activity.
   */
  refundedOrdersAt?: Date[];
}

export interface TierDecision {
  memberId: string;
  tierId: string;
  changed: boolean;
  /** The member's tier after the call with its version, when the member service said it: what points' copy keeps. */
  current?: TierCopy;
}

export interface MemberPort {
  /**
   * The member's tier now, or the one they held at `at` (with its γ as the ladder stood then);
   * null for an unknown member.
   */
  getMemberTier(memberId: string, at?: Date, scope?: CallScope): Promise<MemberTier | null>;
  /** The ladder in force now, lowest rank first. */
  listTiers(scope?: CallScope): Promise<TierRung[]>;
  /** Expiry holds of known members (unknown ones are left out), for the expiry job and its notice. */
  getExpiryHolds(memberIds: readonly string[], scope?: CallScope): Promise<ExpiryHold[]>;
  /** Reports fresh figures: the member upgrades at once when they cross a threshold. */
  recordQualifyingActivity(activity: QualifyingActivity, scope?: CallScope): Promise<TierDecision>;
  /**
   * Reports many members' fresh figures at once (at most 500), as recordQualifyingActivity each;
   * answers one decision per report, in order. A report that changes nothing but the figures costs
   * the member service no statement of its own.
   */
  recordQualifyingActivities(activities: readonly QualifyingActivity[], scope?: CallScope): Promise<TierDecision[]>;
  /** The yearly re-evaluation of one member for `cycle` (a year), applied once per cycle. */
  reevaluateTier(activity: QualifyingActivity, cycle: string, scope?: CallScope): Promise<TierDecision>;
}

/** The order an earn is for, as campaign targeting and budgets need it. */
export interface EarnContext {
  orderNo: string;
  tierId: string;
  channel: string;
  store: string | null;
  amountFen: number;
  baseRateMilli: number;
  /** γ(tier) in thousandths. */
  multiplierMilli: number;
}

/**
 * Campaign budget an order gives back. `reservationId`: the earn was refused before the order was
 * recorded, and everything reserved under that reservation goes back. Otherwise a refund:
 * `refundedFen` is the order's refunded total so far (all its refunds), so the campaigns give back
 * that share of what they granted in all, however the refunds arrive.
 */
export type BudgetReturn = { orderNo: string; key: string } & ({ reservationId: string } | { refundedFen: number; amountFen: number });

export interface CampaignPort {
  /**
   * The activity coefficient of the campaigns live for the member at `at`, in thousandths. With
   * the order (`earn`), targeting by tier, channel and store applies and budgeted campaigns reserve
   * the extra points they grant for this order, once (a retry is answered the same).
   */
  getActivityCoefficient(
    memberId: string,
    at: Date,
    scope?: CallScope,
    earn?: EarnContext,
  ): Promise<{ coefficientMilli: number; campaignIds: string[]; reservationId?: string | null }>;
  /**
   * Gives back budget reserved for an order that does not keep it (the earn refused, the order
   * refunded), once by `key`: a repeat gives back nothing more.
   */
  returnBudget(budgetReturn: BudgetReturn, scope?: CallScope): Promise<{ returnedPoints: number; replayed: boolean }>;
  /** The calendar of multiplier campaigns an earn may compute its coefficient from (ListEarnCampaigns). */
  listEarnCampaigns(scope?: CallScope): Promise<EarnCalendar>;
  /** A member's action that BONUS, TASK and streak campaigns count (a check-in), once per ref. */
  recordAction(action: { memberId: string; action: 'CHECK_IN'; ref: string; at: Date }, scope?: CallScope): Promise<void>;
}

/** An action to assess before doing it; the key makes a repeated assessment one decision. */
export interface RiskAction {
  /** EARN, BURN, REDEEM, … (proto/risk.proto). */
  action: string;
  memberId: string;
  /** Money of an EARN (0 otherwise). */
  amountFen: number;
  /** Points of a BURN or REDEEM. */
  points?: number;
  channel: string;
  store?: string | null;
  /** The client's address, when the caller knows it. */
  ip?: string | null;
  idempotencyKey: string;
  /** An assessment sent after the fact: when the action happened. */
  occurredAt?: Date;
  /** The action went ahead without a decision (risk did not answer): risk queues it for review. */
  failOpen?: boolean;
  /** The action already happened (an earn assessed after its commit): risk queues a DENY for review. */
  afterCommit?: boolean;
}

export type RiskDecision = 'ALLOW' | 'REVIEW' | 'DENY';

export interface RiskPort {
  assess(action: RiskAction, scope?: CallScope): Promise<{ decision: RiskDecision; reason: string }>;
  /**
   * Actions sent after the fact, in order, judged in one call (each with the earlier ones in its
   * history); one answer per action, `null` decision for one risk could not parse (nothing recorded).
   */
  assessBatch(actions: readonly RiskAction[], scope?: CallScope): Promise<Array<{ decision: RiskDecision | null; reason: string }>>;
}

/** A member's orders in the rolling window at `asOf`, as the benefits service keeps them (RecordSpendStats). */
export interface SpendWindowReport {
  memberId: string;
  asOf: Date;
  windowMs: number;
  orders: ReadonlyArray<{ orderedAt: Date; netFen: number; counted: boolean }>;
}

/**
 * The benefits service, which ranks a member's benefits by their spend: it keeps what points sends
 * after each change (only ever from the outbox). Absolute and guarded by asOf there, so a repeat is harmless.
 */
export interface BenefitsPort {
  /** At most 500 members, each once. */
  recordSpendStats(windows: readonly SpendWindowReport[], scope?: CallScope): Promise<void>;
}

export interface PointsPeers {
  member: MemberPort;
  campaign: CampaignPort;
  risk: RiskPort;
}

/** The 12-month figures an earn read after its commit for its upgrade decision, and the moment taken just before that read. */
export interface EarnFigures {
  spendFen: number;
  purchases: number;
  asOf: Date;
}

/** How an earn's order that carries its own announcements has them made (announceOrders.ts). */
export interface OrderAnnouncements {
  /** After the commit: the unannounced orders' announcements, soon, in the background (never throws). */
  soon(): void;
  /**
   * Before the answer, for an earn that can upgrade its member: their activity report straight to
   * member, with the figures the earn read (never throws: the order still carries the report).
   */
  reportNow(memberId: string, figures?: EarnFigures): Promise<void>;
}

/**
 * The outbox as commands see it: after a commit, deliver a key's pending events now, or soon in the
 * background, alone or together with other keys' (never throws). `orders`: how an earn's order
 * carries its announcements instead of the outbox (announceOrders.ts); without it every earn writes
 * its events to the outbox in its transaction.
 */
export type EventDelivery = Pick<Outbox, 'deliverNow' | 'deliverSoon' | 'deliverSoonTogether'> & { orders?: OrderAnnouncements };
