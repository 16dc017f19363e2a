/**
 * A member's history as the models read it (from points over gRPC, ports.ts): orders with their
 * refunds, points issued and burned, and campaign engagements when the campaign service gives them.
 * Amounts in fen, times as Dates.
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
}

export interface MemberActivity {
  memberId: string;
  orders: OrderFact[];
  points: PointsFact[];
  /** Campaign engagements (task completions, referral activity); empty where none are known. */
  engagements: Date[];
}

export const DAY_MS = 86_400_000;
