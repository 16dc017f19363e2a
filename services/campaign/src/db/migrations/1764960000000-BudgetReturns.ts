import { Table, TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Budget given back for orders that did not keep it: an id on each stored coefficient answer (the
 * reservation a refused earn names, so a late return never touches a newer reservation of the same
 * order), the points of each grant already given back (a refund returns its proportion once,
 * cumulatively), and one row per return key, so a repeated return gives back nothing more.
 */
export class BudgetReturns1764960000000 implements MigrationInterface {
  name = 'BudgetReturns1764960000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      'earn_boosts',
      new TableColumn({ name: 'reservation_id', type: 'varchar', length: '36', isNullable: true }),
    );
    await queryRunner.addColumn('campaign_grants', new TableColumn({ name: 'points_returned', type: 'bigint', default: 0 }));
    await queryRunner.createTable(
      new Table({
        name: 'budget_returns',
        columns: [
          // REFUSED:<reservation id> or REFUND:<refundNo>.
          { name: 'return_key', type: 'varchar', length: '100', isPrimary: true },
          { name: 'order_ref', type: 'varchar', length: '100' },
          { name: 'points', type: 'bigint' },
          { name: 'created_at', type: 'datetime', precision: 3 },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('budget_returns');
    await queryRunner.dropColumn('campaign_grants', 'points_returned');
    await queryRunner.dropColumn('earn_boosts', 'reservation_id');
  }
}
