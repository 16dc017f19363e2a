import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/** Coupon templates, issued coupons, the per-member issue counts and the orders that redeemed coupons. */
export class Coupons1764700000000 implements MigrationInterface {
  name = 'Coupons1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const money = (name: string, isNullable = false) => ({ name, type: 'bigint', isNullable });
    const at = (name: string, isNullable = false) => ({ name, type: 'datetime', precision: 3, isNullable });
    await queryRunner.createTable(
      new Table({
        name: 'coupon_templates',
        columns: [
          { name: 'code', type: 'varchar', length: '32', isPrimary: true },
          { name: 'name', type: 'varchar', length: '128' },
          { name: 'kind', type: 'varchar', length: '16' },
          money('amount_fen', true),
          { name: 'percent_off', type: 'int', isNullable: true },
          money('max_discount_fen', true),
          money('min_spend_fen'),
          { name: 'gift_sku', type: 'varchar', length: '64', isNullable: true },
          at('valid_from', true),
          at('valid_to', true),
          { name: 'valid_days', type: 'int', isNullable: true },
          { name: 'per_member_limit', type: 'int' },
          { name: 'stock', type: 'int' },
          { name: 'stock_left', type: 'int' },
          money('budget_fen', true),
          money('budget_left_fen', true),
          { name: 'channels', type: 'text' },
          { name: 'stores', type: 'text' },
          { name: 'stack_group', type: 'varchar', length: '32', isNullable: true },
          { name: 'created_by', type: 'varchar', length: '64' },
          at('created_at'),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'coupons',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'template_code', type: 'varchar', length: '32' },
          { name: 'member_id', type: 'varchar', length: '36' },
          { name: 'status', type: 'varchar', length: '16' },
          at('valid_from'),
          at('valid_to'),
          { name: 'source', type: 'varchar', length: '16' },
          { name: 'issue_key', type: 'varchar', length: '128', isUnique: true },
          { name: 'issued_by', type: 'varchar', length: '64' },
          at('issued_at'),
          { name: 'order_no', type: 'varchar', length: '64', isNullable: true },
          at('redeemed_at', true),
          money('discount_fen', true),
          at('voided_at', true),
          { name: 'void_reason', type: 'varchar', length: '255', isNullable: true },
        ],
        foreignKeys: [{ columnNames: ['template_code'], referencedTableName: 'coupon_templates', referencedColumnNames: ['code'] }],
      }),
    );
    await queryRunner.createIndex('coupons', new TableIndex({ name: 'idx_coupons_member', columnNames: ['member_id', 'issued_at'] }));
    await queryRunner.createTable(
      new Table({
        name: 'coupon_claims',
        columns: [
          { name: 'template_code', type: 'varchar', length: '32', isPrimary: true },
          { name: 'member_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'issued', type: 'int' },
        ],
        // No foreign key to the template on purpose: on MySQL its check takes a shared lock on the
        // template row, which issues lock after the count row, and the two orders deadlock. issueCoupon
        // finds the template before it counts.
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'coupon_redemptions',
        columns: [
          { name: 'order_no', type: 'varchar', length: '64', isPrimary: true },
          { name: 'member_id', type: 'varchar', length: '36' },
          { name: 'coupon_ids', type: 'text' },
          money('subtotal_fen'),
          money('discount_fen'),
          money('payable_fen'),
          { name: 'lines', type: 'text' },
          { name: 'channel', type: 'varchar', length: '16' },
          { name: 'store', type: 'varchar', length: '32', isNullable: true },
          { name: 'actor', type: 'varchar', length: '64' },
          at('redeemed_at'),
          { name: 'refund_no', type: 'varchar', length: '64', isNullable: true },
          { name: 'restored_coupon_ids', type: 'text' },
          at('restored_at', true),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['coupon_redemptions', 'coupon_claims', 'coupons', 'coupon_templates']) await queryRunner.dropTable(table);
  }
}
