import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { bigintColumn } from '../../../../kit/src';

/** One coupon a member holds. Expiry is not a stored status: AVAILABLE past `validTo` reads as EXPIRED. */
@Entity({ name: 'coupons' })
@Index('idx_coupons_member', ['memberId', 'issuedAt'])
export class Coupon {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'template_code', type: 'varchar', length: 32 })
  templateCode: string;

  @Column({ name: 'member_id', type: 'varchar', length: 36 })
  memberId: string;

  /** AVAILABLE, REDEEMED or VOIDED; every change is a guarded UPDATE from the status it expects. */
  @Column({ type: 'varchar', length: 16 })
  status: string;

  @Column({ name: 'valid_from', type: 'datetime', precision: 3 })
  validFrom: Date;

  @Column({ name: 'valid_to', type: 'datetime', precision: 3 })
  validTo: Date;

  /** Why it was issued: STAFF (later CAMPAIGN, REFERRAL, REWARD). */
  @Column({ type: 'varchar', length: 16 })
  source: string;

  /** Unique: an issue retried with its key finds this coupon instead of taking stock again. */
  @Column({ name: 'issue_key', type: 'varchar', length: 128, unique: true })
  issueKey: string;

  @Column({ name: 'issued_by', type: 'varchar', length: 64 })
  issuedBy: string;

  @Column({ name: 'issued_at', type: 'datetime', precision: 3 })
  issuedAt: Date;

  @Column({ name: 'order_no', type: 'varchar', length: 64, nullable: true })
  orderNo: string | null;

  @Column({ name: 'redeemed_at', type: 'datetime', precision: 3, nullable: true })
  redeemedAt: Date | null;

  @Column({ name: 'discount_fen', type: 'bigint', nullable: true, transformer: bigintColumn })
  discountFen: number | null;

  @Column({ name: 'voided_at', type: 'datetime', precision: 3, nullable: true })
  voidedAt: Date | null;

  @Column({ name: 'void_reason', type: 'varchar', length: 255, nullable: true })
  voidReason: string | null;
}
