import type { CallScope, Outbox } from '../../kit/src';

/*
 * The peers the member service needs, in its own terms. Commands and event handlers see only
 * these; `grpc/peers.ts` adapts them to gRPC, and command tests use in-memory ones
 * (test/memoryPorts.ts).
 */

/** The bonuses the points service pays for member events. */
export type BonusKind = 'REGISTRATION' | 'PROFILE_COMPLETION';

/** A merge as the points service applies it: exactly once per merge id. */
export interface AccountMerge {
  mergeId: string;
  sourceMemberId: string;
  targetMemberId: string;
}

/** A member's tier as it stands after a change, for the points service's copy. */
export interface MemberTierChange {
  memberId: string;
  tierId: string;
  /** The member's tier version (members.tier_version): a copy keeps the highest it has seen. */
  tierVersion: number;
  granted: boolean;
  /** A grant's end (null: earned, or a grant without an end). */
  grantExpiresAt: Date | null;
}

export interface PointsPort {
  /** Pays a member event's bonus, once per member and kind. */
  awardBonus(memberId: string, kind: BonusKind, scope?: CallScope): Promise<{ points: number; balanceAfter: number; replayed: boolean }>;
  /** Moves a merged member's points, lots, orders and pending points to the member they were merged into. */
  mergeAccounts(merge: AccountMerge, scope?: CallScope): Promise<{ pointsMoved: number; targetBalanceAfter: number; replayed: boolean }>;
  /** Members' tier changes for the points service's copy (an older version than the one it keeps changes nothing). */
  recordMemberTiers(changes: readonly MemberTierChange[], scope?: CallScope): Promise<void>;
  /** Staff edited the ladder: points reads it again. */
  recordTierLadderChange(scope?: CallScope): Promise<void>;
}

/** A sign-in as the risk service judges it (proto/risk.proto Assess). */
export interface RiskAction {
  action: 'REGISTER' | 'LOGIN';
  memberId: string;
  channel: string;
  /** The device the client says it is (the deviceId argument of the sign-in), when given. */
  deviceId?: string | null;
  /** The client's address as the gateway saw it (identity.ip). */
  ip?: string | null;
  idempotencyKey: string;
  /** An assessment sent after the fact from the outbox: when the sign-in happened. */
  occurredAt?: Date;
  /** The sign-in went ahead without a decision (risk did not answer): risk queues it for review. */
  failOpen?: boolean;
}

export type RiskDecision = 'ALLOW' | 'REVIEW' | 'DENY';

export interface RiskPort {
  assess(action: RiskAction, scope?: CallScope): Promise<{ decision: RiskDecision; reason: string }>;
}

/** A milestone the tier engine recorded, as the benefits service rewards it: once per milestone id. */
export interface MilestoneEvent {
  milestoneId: string;
  memberId: string;
  kind: 'FIRST_TOP_TIER' | 'TWELFTH_PURCHASE';
  reachedAt: Date;
}

export interface BenefitsPort {
  /** The reward staff set for the milestone, exactly once per milestone id. */
  grantMilestoneReward(
    milestone: MilestoneEvent,
    scope?: CallScope,
  ): Promise<{ outcome: 'ISSUED' | 'NO_REWARD' | 'REFUSED'; couponId: string | null; replayed: boolean }>;
}

/** A registration as the campaign service attributes it to a referrer. */
export interface Registration {
  memberId: string;
  channel: string;
  registeredAt: Date;
  referralCode: string | null;
}

export interface CampaignPort {
  /** The member a referral code belongs to, null when no member has it. */
  referrerOf(code: string, scope?: CallScope): Promise<string | null>;
  /** Reports a registration (from the outbox): attribution, the referral ladder, the POS welcome coupon; once per member. */
  recordRegistration(registration: Registration, scope?: CallScope): Promise<void>;
  /** A completed profile, for campaigns that count it (once per member). */
  recordProfileCompleted(memberId: string, at: Date, scope?: CallScope): Promise<void>;
}

export interface MemberPeers {
  points: PointsPort;
  risk: RiskPort;
  benefits: BenefitsPort;
  campaign: CampaignPort;
}

/** The outbox as commands see it: after a commit, deliver a member's pending events now, or soon in the background (never throws). */
export type EventDelivery = Pick<Outbox, 'deliverNow' | 'deliverSoon'>;
