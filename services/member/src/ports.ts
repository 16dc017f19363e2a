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

export interface PointsPort {
  /** Pays a member event's bonus, once per member and kind. */
  awardBonus(memberId: string, kind: BonusKind, scope?: CallScope): Promise<{ points: number; balanceAfter: number; replayed: boolean }>;
  /** Moves a merged member's points, lots, orders and pending points to the member they were merged into. */
  mergeAccounts(merge: AccountMerge, scope?: CallScope): Promise<{ pointsMoved: number; targetBalanceAfter: number; replayed: boolean }>;
}

export interface MemberPeers {
  points: PointsPort;
}

/** The outbox as commands see it: after a commit, deliver a member's pending events now (never throws). */
export type EventDelivery = Pick<Outbox, 'deliverNow'>;
