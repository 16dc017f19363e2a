import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintColumn } from '../../../../kit/src';

/** One return of an order's reserved budget, by its key: a repeated return gives back nothing more and answers this. */
@Entity({ name: 'budget_returns' })
export class BudgetReturn {
  /** REFUSED:<reservation id> (the earn was refused) or REFUND:<refundNo>. */
  @PrimaryColumn({ name: 'return_key', type: 'varchar', length: 100 })
  key: string;

  @Column({ name: 'order_ref', type: 'varchar', length: 100 })
  orderRef: string;

  /** The points given back to the campaigns' budgets by this return. */
  @Column({ type: 'bigint', transformer: bigintColumn })
  points: number;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
