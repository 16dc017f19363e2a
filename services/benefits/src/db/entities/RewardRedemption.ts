import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { RewardKind, SagaState, SagaStep } from '../../domain/reward';

/**
 * One redemption of a reward: the saga's state (domain/reward.ts). Every change of `state` is a
 * guarded UPDATE (… WHERE state = <the state the step started from>) in the transaction that
 * enqueues the next step's outbox event, so a step that runs twice (an outbox redelivery, a
 * restart) moves the saga once.
 */
@Entity({ name: 'reward_redemptions' })
@Index('idx_reward_redemptions_member', ['memberId', 'createdAt', 'id'])
@Index('idx_reward_redemptions_state', ['state'])
export class RewardRedemption {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  /** <member id>:<the member's idempotency key>: unique, so a retried redeemReward starts one saga. */
  @Column({ name: 'redeem_key', type: 'varchar', length: 140, unique: true })
  redeemKey: string;

  @Column({ name: 'reward_code', type: 'varchar', length: 32 })
  rewardCode: string;

  @Column({ name: 'member_id', type: 'varchar', length: 36 })
  memberId: string;

  @Column({ type: 'varchar', length: 16 })
  kind: RewardKind;

  /** The price when redeemed (a later price change does not touch sagas under way). */
  @Column({ type: 'int' })
  points: number;

  @Column({ type: 'varchar', length: 16 })
  state: SagaState;

  /** Tries of the current step that got no answer (UNAVAILABLE); back to 0 when the state moves. */
  @Column({ name: 'step_attempts', type: 'int' })
  stepAttempts: number;

  /** COUPON: the coupon issued (set in the issue's own transaction). */
  @Column({ name: 'coupon_id', type: 'varchar', length: 36, nullable: true })
  couponId: string | null;

  /** GOODS: the voucher the member shows to collect the item. */
  @Column({ name: 'voucher_code', type: 'varchar', length: 40, nullable: true })
  voucherCode: string | null;

  /** The points service's REDEEM entry the capture wrote. */
  @Column({ name: 'ledger_entry_id', type: 'varchar', length: 36, nullable: true })
  ledgerEntryId: string | null;

  /** Why it compensated: the step that failed and the error code and message it failed with. */
  @Column({ name: 'failed_step', type: 'varchar', length: 16, nullable: true })
  failedStep: SagaStep | null;

  @Column({ name: 'failure_code', type: 'varchar', length: 32, nullable: true })
  failureCode: string | null;

  @Column({ name: 'failure_message', type: 'varchar', length: 255, nullable: true })
  failureMessage: string | null;

  @Column({ type: 'varchar', length: 64 })
  actor: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;

  /** When it reached COMPLETED or COMPENSATED. */
  @Column({ name: 'finished_at', type: 'datetime', precision: 3, nullable: true })
  finishedAt: Date | null;
}
