import { TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * When an order's announcements (the member's activity, their spend, the earn's assessment) were
 * handed on (Order.announcedAt): NULL while the order row alone carries them (a quiet earn,
 * announceOrders.ts). Every order recorded before this migration announced itself through the
 * outbox in its own transaction, so it counts as announced when it was recorded.
 */
export class OrderAnnouncements1765200000000 implements MigrationInterface {
  name = 'OrderAnnouncements1765200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('orders', new TableColumn({ name: 'announced_at', type: 'datetime', precision: 3, isNullable: true }));
    await queryRunner.query('UPDATE orders SET announced_at = created_at');
    // The announcer's read: the unannounced orders, oldest first (and the sweep's, those older than a moment).
    await queryRunner.createIndex(
      'orders',
      new TableIndex({ name: 'idx_orders_unannounced', columnNames: ['announced_at', 'created_at'] }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('orders', 'idx_orders_unannounced');
    await queryRunner.dropColumn('orders', 'announced_at');
  }
}
