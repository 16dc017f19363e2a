import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Cross-brand offers get an optional total stock (and what is left of it) and an optional
 * per-member limit, counted per member in partner_offer_claims. Existing offers keep no limit
 * (NULL); an index on (created_at, id) serves the offers' connections, newest first.
 */
export class PartnerOfferStock1764940000000 implements MigrationInterface {
  name = 'PartnerOfferStock1764940000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('partner_offers', [
      new TableColumn({ name: 'stock', type: 'int', isNullable: true }),
      new TableColumn({ name: 'stock_left', type: 'int', isNullable: true }),
      new TableColumn({ name: 'per_member_limit', type: 'int', isNullable: true }),
    ]);
    await queryRunner.createIndex(
      'partner_offers',
      new TableIndex({ name: 'idx_partner_offers_created', columnNames: ['created_at', 'id'] }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'partner_offer_claims',
        columns: [
          { name: 'offer_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'member_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'redeemed', type: 'int' },
        ],
        // No foreign key to partner_offers, like coupon_claims: on MySQL its check would take a
        // shared lock on the offer row while the count row's insert waits, and a redemption holding
        // the count row and taking the offer's stock would deadlock with it.
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('partner_offer_claims');
    await queryRunner.dropIndex('partner_offers', 'idx_partner_offers_created');
    await queryRunner.dropColumns('partner_offers', ['per_member_limit', 'stock_left', 'stock']);
  }
}
