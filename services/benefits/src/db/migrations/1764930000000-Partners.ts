import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/** Partner brands, cross-brand offers, their redemptions and the clearing ledger between brands. */
export class Partners1764930000000 implements MigrationInterface {
  name = 'Partners1764930000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const at = (name: string) => ({ name, type: 'datetime', precision: 3 });
    await queryRunner.createTable(
      new Table({
        name: 'partner_brands',
        columns: [
          { name: 'code', type: 'varchar', length: '64', isPrimary: true },
          { name: 'name', type: 'varchar', length: '128' },
          { name: 'created_by', type: 'varchar', length: '64' },
          at('created_at'),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'partner_offers',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'partner_code', type: 'varchar', length: '64' },
          { name: 'direction', type: 'varchar', length: '16' },
          { name: 'title', type: 'varchar', length: '128' },
          { name: 'description', type: 'varchar', length: '512' },
          { name: 'price_fen', type: 'bigint' },
          { name: 'funded_by', type: 'varchar', length: '8' },
          at('valid_from'),
          at('valid_to'),
          { name: 'created_by', type: 'varchar', length: '64' },
          at('created_at'),
        ],
        foreignKeys: [{ columnNames: ['partner_code'], referencedTableName: 'partner_brands', referencedColumnNames: ['code'] }],
      }),
    );
    await queryRunner.createIndex('partner_offers', new TableIndex({ name: 'idx_partner_offers_partner', columnNames: ['partner_code'] }));
    await queryRunner.createTable(
      new Table({
        name: 'partner_redemptions',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'offer_id', type: 'varchar', length: '36' },
          { name: 'partner_code', type: 'varchar', length: '64' },
          { name: 'redemption_key', type: 'varchar', length: '100' },
          { name: 'member_id', type: 'varchar', length: '36' },
          { name: 'partner_member_id', type: 'varchar', length: '64', isNullable: true },
          { name: 'actor', type: 'varchar', length: '64' },
          at('redeemed_at'),
        ],
        foreignKeys: [{ columnNames: ['offer_id'], referencedTableName: 'partner_offers', referencedColumnNames: ['id'] }],
      }),
    );
    await queryRunner.createIndex(
      'partner_redemptions',
      new TableIndex({ name: 'uq_partner_redemptions_key', columnNames: ['partner_code', 'redemption_key'], isUnique: true }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'clearing_entries',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'redemption_id', type: 'varchar', length: '36' },
          { name: 'partner_code', type: 'varchar', length: '64' },
          { name: 'offer_id', type: 'varchar', length: '36' },
          { name: 'direction', type: 'varchar', length: '16' },
          { name: 'payer', type: 'varchar', length: '8' },
          { name: 'amount_fen', type: 'bigint' },
          { name: 'period', type: 'varchar', length: '7' },
          at('recorded_at'),
        ],
        foreignKeys: [{ columnNames: ['redemption_id'], referencedTableName: 'partner_redemptions', referencedColumnNames: ['id'] }],
      }),
    );
    await queryRunner.createIndex(
      'clearing_entries',
      new TableIndex({ name: 'uq_clearing_redemption', columnNames: ['redemption_id'], isUnique: true }),
    );
    await queryRunner.createIndex(
      'clearing_entries',
      new TableIndex({ name: 'idx_clearing_partner_period', columnNames: ['partner_code', 'period'] }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['clearing_entries', 'partner_redemptions', 'partner_offers', 'partner_brands']) await queryRunner.dropTable(table);
  }
}
