import { TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Each account's entries are numbered in the order they were applied under the account lock
 * (`seq`, 1, 2, 3 … per member; `last_seq` on the account is the last one given). History is ordered
 * by it: the time an entry carries cannot order it, because two commands read the clock before
 * they wait for the lock. Existing entries are numbered by their time, the best order they have.
 */
export class LedgerSequence1764600000000 implements MigrationInterface {
  name = 'LedgerSequence1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('points_ledger', new TableColumn({ name: 'seq', type: 'bigint', default: 0 }));
    await queryRunner.addColumn('points_accounts', new TableColumn({ name: 'last_seq', type: 'bigint', default: 0 }));
    const numbered = `SELECT id, ROW_NUMBER() OVER (PARTITION BY member_id ORDER BY created_at, id) AS n FROM points_ledger`;
    if (queryRunner.connection.options.type === 'mysql') {
      await queryRunner.query(`UPDATE points_ledger l JOIN (${numbered}) r ON r.id = l.id SET l.seq = r.n`);
    } else {
      await queryRunner.query(`UPDATE points_ledger SET seq = (SELECT r.n FROM (${numbered}) r WHERE r.id = points_ledger.id)`);
    }
    await queryRunner.query(
      'UPDATE points_accounts SET last_seq = (SELECT COALESCE(MAX(l.seq), 0) FROM points_ledger l WHERE l.member_id = points_accounts.member_id)',
    );
    await queryRunner.dropIndex('points_ledger', 'idx_points_ledger_member');
    await queryRunner.createIndex(
      'points_ledger',
      new TableIndex({ name: 'uq_points_ledger_member_seq', columnNames: ['member_id', 'seq'], isUnique: true }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('points_ledger', 'uq_points_ledger_member_seq');
    await queryRunner.createIndex(
      'points_ledger',
      new TableIndex({ name: 'idx_points_ledger_member', columnNames: ['member_id', 'created_at'] }),
    );
    await queryRunner.dropColumn('points_accounts', 'last_seq');
    await queryRunner.dropColumn('points_ledger', 'seq');
  }
}
