import type { EntityManager } from 'typeorm';
import type { CallScope } from '../../kit/src';
import type { SpendSignals } from './domain/ranking';

/*
 * The peers the benefits service needs, in its own terms. Commands see only these; `grpc/peers.ts`
 * adapts them to the peers' gRPC services, and the command tests use in-memory ones
 * (test/memoryPorts.ts). `scope` passes a serving call's deadline on.
 */

export interface MemberPort {
  /** The member's tier id now; null for a member the member service does not know. */
  getMemberTier(memberId: string, scope?: CallScope): Promise<{ memberId: string; tierId: string } | null>;
  /**
   * One page of the members born on any of `monthDays` (MM-DD), in id order, after `afterMemberId`
   * ('' from the start), with their tier now; `nextAfterMemberId` null after the last page.
   */
  listBirthdays(
    monthDays: readonly string[],
    afterMemberId: string,
    limit: number,
    scope?: CallScope,
  ): Promise<{ members: Array<{ memberId: string; tierId: string }>; nextAfterMemberId: string | null }>;
  /** Whether the member allows partner sharing; null for a member the member service does not know. */
  getPartnerSharing(memberId: string, scope?: CallScope): Promise<boolean | null>;
  /** Our member behind a partner brand's member id (linked by the partner), or null when never linked. */
  resolvePartnerMember(partner: string, partnerMemberId: string, scope?: CallScope): Promise<string | null>;
}

/**
 * The points service (proto/points.proto): the spend figures benefits are ranked by, and the
 * two-phase spending of the reward saga. Every spending call is idempotent by its hold key; errors arrive as DomainError (INSUFFICIENT_POINTS, CONFLICT,
 * NOT_FOUND, UNAVAILABLE when it did not answer within the deadline).
 */
export interface PointsPort {
  /**
   * Members' rolling-12-month figures (what Member.spend shows), in the order asked, zeros for a
   * member without orders: what Member.benefits ranks by. At most 500 members a call.
   */
  getSpendStats(memberIds: readonly string[], scope?: CallScope): Promise<SpendSignals[]>;
  /** Points the member can spend now (balance − held); 0 for a member with no account. */
  getSpendable(memberId: string, scope?: CallScope): Promise<number>;
  hold(
    hold: { memberId: string; points: number; holdKey: string; sourceRef: string; reason: string; expiresAt: Date },
    scope?: CallScope,
  ): Promise<{ held: number; expiresAt: Date; replayed: boolean }>;
  capture(holdKey: string, scope?: CallScope): Promise<{ entryId: string; balanceAfter: number; replayed: boolean }>;
  /** Answers the state the hold ended in: RELEASED, or CAPTURED when a capture came first. */
  release(holdKey: string, memberId: string, scope?: CallScope): Promise<{ state: 'RELEASED' | 'CAPTURED'; replayed: boolean }>;
}

export interface BenefitsPeers {
  member: MemberPort;
  points: PointsPort;
}

/**
 * Issues a reward's coupon (the issueCoupon command behind it) once per key. `within` runs in the
 * issue's own transaction after the coupon is written: the saga moves its state there, so an issue
 * the saga no longer wants (it timed out and compensated) throws in `within` and rolls back.
 * A port, so tests put failures and slowness at its edge.
 */
export interface CouponIssuerPort {
  issue(
    input: { templateCode: string; memberId: string; idempotencyKey: string },
    within: (manager: EntityManager, couponId: string) => Promise<void>,
  ): Promise<{ couponId: string; replayed: boolean }>;
}
