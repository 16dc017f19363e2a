/**
 * A member's history as the models read it (ports.ts): orders with their refunds and points issued
 * and burned from points, engagement with campaigns from campaign, both over gRPC a page of members
 * at a time. Amounts in fen, times as Dates.
 */
export interface OrderFact {
  orderedAt: Date;
  amountFen: number;
  refundedFen: number;
}

export interface PointsFact {
  at: Date;
  /** EARN: issued (order earns, bonuses); BURN: redeemed or offset at checkout. */
  kind: 'EARN' | 'BURN';
  /** Positive, either way. */
  points: number;
  /** The ledger entry's source at points (ORDER, CHECK_IN, CHECKOUT …); CHECK_IN earns are check-ins. */
  source?: string;
}

/**
 * What campaign records of a member (proto/campaign.proto GetMemberEngagement): TASK_ACTION,
 * TASK_COMPLETED, REFERRAL_SHARED, REFERRAL_CONVERTED, EXPERIMENT_EXPOSED, EXPERIMENT_CONVERTED.
 */
export interface CampaignEngagement {
  at: Date;
  kind: string;
}

export interface MemberActivity {
  memberId: string;
  orders: OrderFact[];
  points: PointsFact[];
  /** Engagement with campaigns (tasks, referrals, experiments), oldest first; check-ins are in `points`. */
  engagements: CampaignEngagement[];
}

export const DAY_MS = 86_400_000;
