import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Consent per purpose (DOMAIN.md §8, PIPL): marketing and analytics join partner sharing as
 * columns of the member (when the consent in force was given; null: none), and every change goes
 * into the append-only consent_history (who, when, through which channel, which purpose, given or
 * withdrawn). Partner sharing consents given before this migration enter the history as given
 * at the time recorded then, by "system" through channel UNKNOWN.
 */
export class Consents1764900000000 implements MigrationInterface {
  name = 'Consents1764900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('members', [
      new TableColumn({ name: 'marketing_consent_at', type: 'datetime', precision: 3, isNullable: true }),
      new TableColumn({ name: 'analytics_consent_at', type: 'datetime', precision: 3, isNullable: true }),
    ]);
    await queryRunner.createTable(
      new Table({
        name: 'consent_history',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'member_id', type: 'varchar', length: '36' },
          { name: 'purpose', type: 'varchar', length: '16' },
          { name: 'granted', type: 'boolean' },
          { name: 'channel', type: 'varchar', length: '16' },
          { name: 'actor', type: 'varchar', length: '100' },
          { name: 'at', type: 'datetime', precision: 3 },
        ],
      }),
    );
    await queryRunner.createIndex(
      'consent_history',
      new TableIndex({ name: 'idx_consent_history_member', columnNames: ['member_id', 'at'] }),
    );
    // One statement on both databases, the timestamp copied as stored (no round trip through a driver's time zone).
    // Such an entry takes its member's id as its own: one per member, and ids are random UUIDs.
    await queryRunner.query(
      "INSERT INTO consent_history (id, member_id, purpose, granted, channel, actor, at) SELECT id, id, 'PARTNER_SHARING', 1, 'UNKNOWN', 'system', partner_sharing_at FROM members WHERE partner_sharing_at IS NOT NULL",
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('consent_history');
    await queryRunner.dropColumn('members', 'analytics_consent_at');
    await queryRunner.dropColumn('members', 'marketing_consent_at');
  }
}
