import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * An upper bound of each member's 12-month figures on their points account (PointsAccount.boundSpendFen,
 * boundPurchases, boundSince), so an earn that cannot upgrade its member decides so without reading the
 * figures. NULL: not known yet (the earn reads the exact figures, and the activity delivery sets it).
 */
export class ActivityBounds1765100000000 implements MigrationInterface {
  name = 'ActivityBounds1765100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('points_accounts', [
      new TableColumn({ name: 'bound_spend_fen', type: 'bigint', isNullable: true }),
      new TableColumn({ name: 'bound_purchases', type: 'int', isNullable: true }),
      new TableColumn({ name: 'bound_since', type: 'datetime', precision: 3, isNullable: true }),
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumns('points_accounts', ['bound_since', 'bound_purchases', 'bound_spend_fen']);
  }
}
