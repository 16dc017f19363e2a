import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/** Who caused each ledger entry; the store and lines of each order. */
export class ActorsStores1764300000000 implements MigrationInterface {
  name = 'ActorsStores1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('points_ledger', new TableColumn({ name: 'actor', type: 'varchar', length: '64', default: "'system'" }));
    await queryRunner.addColumns('orders', [
      new TableColumn({ name: 'store_id', type: 'varchar', length: '32', isNullable: true }),
      new TableColumn({ name: 'items', type: 'text', isNullable: true }),
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('orders', 'items');
    await queryRunner.dropColumn('orders', 'store_id');
    await queryRunner.dropColumn('points_ledger', 'actor');
  }
}
