import { TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { readPiiCipher } from '../../../../kit/src';

/**
 * Phones at rest become AES-256-GCM ciphertext plus an HMAC blind index (PIPL): existing numbers
 * are encrypted with the configured keys, then the plaintext column is dropped.
 */
export class EncryptPhones1764300000000 implements MigrationInterface {
  name = 'EncryptPhones1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const cipher = readPiiCipher();
    await queryRunner.addColumns('members', [
      new TableColumn({ name: 'phone_enc', type: 'text', isNullable: true }),
      new TableColumn({ name: 'phone_index', type: 'varchar', length: '64', isNullable: true }),
    ]);
    const rows: Array<{ id: string; phone: string }> = await queryRunner.query('SELECT id, phone FROM members');
    for (const row of rows) {
      await queryRunner.query('UPDATE members SET phone_enc = ?, phone_index = ? WHERE id = ?', [
        cipher.encrypt(row.phone),
        cipher.blindIndex(row.phone),
        row.id,
      ]);
    }
    await queryRunner.dropColumn('members', 'phone');
    // Every row has both now: from here on the database refuses a member without them.
    await queryRunner.changeColumn('members', 'phone_enc', new TableColumn({ name: 'phone_enc', type: 'text', isNullable: false }));
    await queryRunner.changeColumn(
      'members',
      'phone_index',
      new TableColumn({ name: 'phone_index', type: 'varchar', length: '64', isNullable: false }),
    );
    await queryRunner.createIndex(
      'members',
      new TableIndex({ name: 'uq_members_phone_index', columnNames: ['phone_index'], isUnique: true }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const cipher = readPiiCipher();
    await queryRunner.addColumn('members', new TableColumn({ name: 'phone', type: 'varchar', length: '20', isNullable: true }));
    const rows: Array<{ id: string; phone_enc: string }> = await queryRunner.query('SELECT id, phone_enc FROM members');
    for (const row of rows) await queryRunner.query('UPDATE members SET phone = ? WHERE id = ?', [cipher.decrypt(row.phone_enc), row.id]);
    await queryRunner.dropIndex('members', 'uq_members_phone_index');
    await queryRunner.dropColumn('members', 'phone_index');
    await queryRunner.dropColumn('members', 'phone_enc');
  }
}
