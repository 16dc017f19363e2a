import type { CallScope } from '../../kit/src';
import type { PurchaseStats } from './domain/rfm';

/*
 * The peers the campaign service needs, in its own terms (fen as numbers, times as Dates).
 * Commands see only these; `grpc/peers.ts` (rewards, targeting) and `grpc/segmentPeers.ts`
 * (segment facts) adapt them to gRPC, and tests use in-memory ones (test/memoryPorts.ts).
 *
 * Segment membership is not a port: segments are the campaign service's own tables, read by
 * campaign targeting through db/segmentMembership.ts (segmentsOfMembers, assertSegmentsExist).
 */

/** What segments know of a member from the member service. */
export interface SegmentProfile {
  memberId: string;
  tierId: string;
  registeredVia: string;
  registeredAt: Date;
  /** Purposes consented to (PARTNER_SHARING; MARKETING, ANALYTICS once the member service records them). */
  consents: string[];
}

export interface SegmentMemberPort {
  /** Every live member, in batches. */
  streamSegmentProfiles(batchSize: number, scope?: CallScope): AsyncIterable<SegmentProfile[]>;
  /** Members registered per channel in [from, to). */
  countRegistrations(from: Date, to: Date, scope?: CallScope): Promise<Array<{ channel: string; members: number }>>;
}

export interface PurchaseStatsPort {
  /** Purchase statistics of every member with orders, in batches, over `windowDays` before `asOf`. */
  streamPurchaseStats(asOf: Date, windowDays: number, batchSize: number, scope?: CallScope): AsyncIterable<PurchaseStats[]>;
}

export interface SegmentPeers {
  member: SegmentMemberPort;
  points: PurchaseStatsPort;
}

export interface MemberPort {
  /** Tier ids of known members (unknown ones are left out). */
  getTiers(memberIds: readonly string[], scope?: CallScope): Promise<Map<string, string>>;
  /**
   * Members among `memberIds` who do not consent to MARKETING now (consent is opt-in: never given or
   * withdrawn; a member the member service does not know counts as not consenting).
   */
  withoutMarketingConsent(memberIds: readonly string[], scope?: CallScope): Promise<Set<string>>;
  /** The tier ids of the programme's ladder now (a referral rung's tier reward must name one). */
  listTierIds(scope?: CallScope): Promise<Set<string>>;
  /** Puts a member on a tier as a reward, once per key. */
  grantTier(grant: { memberId: string; tierId: string; reason: string; idempotencyKey: string }, scope?: CallScope): Promise<void>;
}

export interface PointsPort {
  /** Credits campaign points (a referral rung, a bonus), once per key. */
  awardPoints(award: { memberId: string; points: number; reason: string; idempotencyKey: string }, scope?: CallScope): Promise<void>;
  /** The campaign calendar changed: the points process that hears it reads ListEarnCampaigns again. */
  recordCampaignCalendarChange(scope?: CallScope): Promise<void>;
}

export interface BenefitsPort {
  /** Issues a coupon of a template, once per key. */
  issueCoupon(
    issue: { templateCode: string; memberId: string; idempotencyKey: string; source: 'REFERRAL' | 'CAMPAIGN' },
    scope?: CallScope,
  ): Promise<{ couponId: string }>;
}

export interface RiskPort {
  /** REFERRAL_REWARD for the inviter and the invitee they brought in (self-referral, rings). */
  assessReferral(
    referral: { inviterId: string; inviteeId: string; channel: string; idempotencyKey: string },
    scope?: CallScope,
  ): Promise<{ decision: 'ALLOW' | 'REVIEW' | 'DENY'; reason: string }>;
}

export interface CampaignPeers {
  member: MemberPort;
  points: PointsPort;
  benefits: BenefitsPort;
  risk: RiskPort;
}

/** The outbox as commands see it: after a commit, deliver a key's pending events now (never throws). */
export type EventDelivery = Pick<import('../../kit/src').Outbox, 'deliverNow'>;
