import { envReader, peerGrpcAddress, readCommonConfig, readOutboxBatching } from '../../kit/src';
import { DEFAULT_RFM_BINS, DEFAULT_RFM_WINDOW_DAYS, parseRfmBins } from './domain/rfm';

/** The campaign service's configuration, validated once at start-up. */
export function loadCampaignConfig(env: Record<string, string | undefined> = process.env) {
  const read = envReader(env);
  const rfmBins = read.optionalString('CAMPAIGN_RFM_BINS');
  return {
    ...readCommonConfig('campaign', env),
    /**
     * How several live campaigns combine (shared/DOMAIN.md §3) until staff set it
     * (setCoefficientCombination): the largest coefficient, or their product.
     */
    coefficientCombination: read.oneOf('CAMPAIGN_COEFFICIENT_COMBINATION', ['max', 'product'] as const, 'max'),
    /**
     * Peers: tiers, tier grants, segment facts and registrations per channel (member); reward points
     * and purchase statistics (points); coupons (benefits); referral checks (risk).
     */
    memberGrpcAddress: peerGrpcAddress('member', env),
    pointsGrpcAddress: peerGrpcAddress('points', env),
    benefitsGrpcAddress: peerGrpcAddress('benefits', env),
    riskGrpcAddress: peerGrpcAddress('risk', env),
    referral: {
      /** A code can be attached to a member up to this many days after they registered (claimReferral). */
      attributionDays: read.int('REFERRAL_ATTRIBUTION_DAYS', 7, { min: 0, max: 365 }),
      /** When an invitee counts for the ladder: at registration, or at their first purchase. */
      qualifyingEvent: read.oneOf('REFERRAL_QUALIFYING_EVENT', ['REGISTRATION', 'FIRST_PURCHASE'] as const, 'REGISTRATION'),
      /** The web link a member shares, the code appended. */
      webLinkBase: read.string('REFERRAL_WEB_LINK_BASE', 'https://member.example.com/join?ref='),
      /** POS scan-to-register: the template of the first-order coupon issued at once (DOMAIN.md §5: 20% off); NONE: no coupon. */
      posWelcomeCouponTemplate: ((template) => (template === 'NONE' ? null : template))(
        read.string('POS_REGISTRATION_COUPON_TEMPLATE', 'POS_FIRST20'),
      ),
    },
    /**
     * The programme's time zone (default UTC+8): check-in streaks count its days (as the points
     * service's check-in does) and channel spend is per calendar month of it.
     */
    utcOffsetMinutes: read.int('PROGRAMME_UTC_OFFSET_MINUTES', 480, { min: -720, max: 840 }),
    segments: {
      /** RFM bins "R days;F counts;M fen;high from" (domain/rfm.ts), default 30,60,90,180;2,3,5,8;10000,30000,50000,100000;3. */
      bins: rfmBins ? parseRfmBins(rfmBins, 'CAMPAIGN_RFM_BINS') : DEFAULT_RFM_BINS,
      /** The window F, M and engagement are counted over, in days. */
      windowDays: read.int('CAMPAIGN_RFM_WINDOW_DAYS', DEFAULT_RFM_WINDOW_DAYS, { min: 7, max: 3660 }),
      /** K-means tries k from 2 to this, keeping the best silhouette. */
      kMax: read.int('CAMPAIGN_KMEANS_MAX_K', 6, { min: 2, max: 12 }),
      /** Members per streamed batch from member and points. */
      batchSize: read.int('CAMPAIGN_SEGMENT_BATCH_SIZE', 1000, { min: 1, max: 5000 }),
      /** The deadline of each whole stream: reading every member of a large programme takes more than one call's deadline. */
      streamDeadlineMs: read.int('CAMPAIGN_SEGMENT_STREAM_DEADLINE_MS', 120_000, { min: 1000, max: 3_600_000 }),
      /** Recompute RFM, clusters and segment members every this many ms (0: only on demand). */
      recomputeIntervalMs: read.int('CAMPAIGN_SEGMENT_RECOMPUTE_INTERVAL_MS', 0, { min: 0 }),
    },
    /** How often undelivered referral rewards are retried; 0 turns the dispatcher off. */
    outboxIntervalMs: read.int('OUTBOX_INTERVAL_MS', 1000, { min: 0 }),
    /** How the outbox gathers deliveries made after an answer into batches (OUTBOX_BATCH_LINGER_MS, OUTBOX_BATCH_MAX). */
    outboxBatching: readOutboxBatching(env),
  };
}

export type CampaignConfig = ReturnType<typeof loadCampaignConfig>;
