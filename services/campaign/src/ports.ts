import type { CallScope } from '../../kit/src';
import type { PurchaseStats } from './domain/rfm';

/*
 * The peers the campaign service needs, in its own terms (fen as numbers, times as Dates).
 * Commands see only these; `grpc/segmentPeers.ts` adapts them to gRPC, tests use in-memory ones.
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
