import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintColumn } from '../../../../kit/src';

/**
 * The materialised balance (always Σ ledger). Changed only by guarded UPDATEs that add in SQL
 * (`balance = balance + ?`), inside the transaction that appends the ledger entry.
 */
@Entity({ name: 'points_accounts' })
export class PointsAccount {
  @PrimaryColumn({ name: 'member_id', type: 'varchar', length: 36 })
  memberId: string;

  @Column({ type: 'bigint', transformer: bigintColumn })
  balance: number;

  @Column({ type: 'int' })
  version: number;
}
