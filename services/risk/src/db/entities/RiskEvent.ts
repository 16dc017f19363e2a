import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { bigintColumn } from '../../../../kit/src';
import type { Action, Decision } from '../../domain/action';

/** Where a REVIEW decision stands with staff. */
export type ReviewStatus = 'PENDING' | 'APPROVED' | 'REJECTED';

/**
 * One assessed action, its context and its decision. Append-only, except for the review of a
 * REVIEW decision (status, reviewer, note), which staff write once. The indexes serve the rules'
 * facts (db/facts.ts): per member and action over time, per device and per IP over time, referral
 * edges by invitee, and the review queue.
 */
@Entity({ name: 'risk_events' })
@Index('idx_risk_events_member_action', ['memberId', 'action', 'createdAt'])
@Index('idx_risk_events_device', ['deviceId', 'createdAt'])
@Index('idx_risk_events_ip', ['ip', 'createdAt'])
@Index('idx_risk_events_invitee', ['inviteeMemberId'])
@Index('idx_risk_events_review', ['reviewStatus', 'createdAt'])
export class RiskEvent {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  /** The caller's key: a retried Assess finds its first decision through this unique key. */
  @Column({ name: 'idempotency_key', type: 'varchar', length: 128, unique: true })
  idempotencyKey: string;

  @Column({ type: 'varchar', length: 32 })
  action: Action;

  @Column({ name: 'member_id', type: 'varchar', length: 36 })
  memberId: string;

  @Column({ name: 'amount_fen', type: 'bigint', transformer: bigintColumn })
  amountFen: number;

  @Column({ type: 'bigint', transformer: bigintColumn, default: 0 })
  points: number;

  @Column({ type: 'varchar', length: 16 })
  channel: string;

  @Column({ name: 'device_id', type: 'varchar', length: 64, nullable: true })
  deviceId: string | null;

  /** Up to an IPv6 address in its longest text form. */
  @Column({ type: 'varchar', length: 45, nullable: true })
  ip: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  store: string | null;

  /** REFERRAL_REWARD: the invitee of the inviter (member_id); these rows are the referral graph. */
  @Column({ name: 'invitee_member_id', type: 'varchar', length: 36, nullable: true })
  inviteeMemberId: string | null;

  @Column({ type: 'varchar', length: 8 })
  decision: Decision;

  @Column({ type: 'int', default: 0 })
  score: number;

  @Column({ type: 'varchar', length: 255 })
  reason: string;

  /** The findings as JSON (domain Finding[]); null when no rule matched. */
  @Column({ type: 'text', nullable: true })
  reasons: string | null;

  /** PENDING for a REVIEW decision until staff APPROVE or REJECT it; null for the others. */
  @Column({ name: 'review_status', type: 'varchar', length: 16, nullable: true })
  reviewStatus: ReviewStatus | null;

  @Column({ name: 'reviewed_by', type: 'varchar', length: 64, nullable: true })
  reviewedBy: string | null;

  @Column({ name: 'reviewed_at', type: 'datetime', precision: 3, nullable: true })
  reviewedAt: Date | null;

  @Column({ name: 'review_note', type: 'varchar', length: 255, nullable: true })
  reviewNote: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
