import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

const id = { name: 'id', type: 'varchar', length: '36', isPrimary: true };
const at = (name: string, nullable = false) => ({ name, type: 'datetime', precision: 3, isNullable: nullable });

/**
 * Logins and access: token signing keys, refresh tokens, one-time login codes and their guards,
 * channel identities (WeChat openid/unionid, POS cards), staff accounts, partner API keys and the
 * audit of personal-data reads.
 */
export class Identity1764400000000 implements MigrationInterface {
  name = 'Identity1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('members', [
      // Consent to share masked data with partner brands (PIPL: separate consent), and a guardian's
      // consent for a member under 14 (sensitive personal data).
      new TableColumn({ name: 'partner_sharing_at', type: 'datetime', precision: 3, isNullable: true }),
      new TableColumn({ name: 'guardian_consent_at', type: 'datetime', precision: 3, isNullable: true }),
      // A member merged by staff into another is kept as a tombstone pointing at the survivor.
      new TableColumn({ name: 'merged_into', type: 'varchar', length: '36', isNullable: true }),
    ]);
    await queryRunner.createTable(
      new Table({
        name: 'member_merges',
        columns: [
          id,
          { name: 'source_id', type: 'varchar', length: '36', isUnique: true },
          { name: 'target_id', type: 'varchar', length: '36' },
          { name: 'actor', type: 'varchar', length: '100' },
          { name: 'reason', type: 'varchar', length: '255' },
          at('at'),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'signing_keys',
        columns: [
          { name: 'kid', type: 'varchar', length: '64', isPrimary: true },
          { name: 'alg', type: 'varchar', length: '16' },
          { name: 'public_jwk', type: 'text' },
          { name: 'private_jwk_enc', type: 'text' },
          at('created_at'),
          at('activates_at'),
          at('retires_at', true),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'refresh_tokens',
        columns: [
          id,
          { name: 'token_hash', type: 'varchar', length: '64', isUnique: true },
          { name: 'family_id', type: 'varchar', length: '36' },
          { name: 'subject', type: 'varchar', length: '64' },
          { name: 'identity', type: 'text' },
          at('created_at'),
          at('expires_at'),
          at('used_at', true),
          at('revoked_at', true),
        ],
        indices: [new TableIndex({ name: 'idx_refresh_family', columnNames: ['family_id'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'login_codes',
        columns: [
          id,
          { name: 'phone_index', type: 'varchar', length: '64' },
          { name: 'code_hash', type: 'varchar', length: '64' },
          at('created_at'),
          at('expires_at'),
          at('consumed_at', true),
        ],
        indices: [new TableIndex({ name: 'idx_login_codes_phone', columnNames: ['phone_index', 'created_at'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'login_guards',
        columns: [
          { name: 'guard_key', type: 'varchar', length: '100', isPrimary: true },
          at('window_start'),
          { name: 'sends', type: 'int' },
          { name: 'failures', type: 'int' },
          at('locked_until', true),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'channel_identities',
        columns: [
          id,
          { name: 'member_id', type: 'varchar', length: '36' },
          { name: 'kind', type: 'varchar', length: '16' },
          { name: 'external_id', type: 'varchar', length: '128' },
          { name: 'external_enc', type: 'text' },
          { name: 'secret_enc', type: 'text', isNullable: true },
          at('created_at'),
        ],
        indices: [
          new TableIndex({ name: 'uq_channel_identity', columnNames: ['kind', 'external_id'], isUnique: true }),
          new TableIndex({ name: 'idx_channel_identity_member', columnNames: ['member_id'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'staff_accounts',
        columns: [
          id,
          { name: 'username', type: 'varchar', length: '64', isUnique: true },
          { name: 'password_hash', type: 'varchar', length: '255' },
          { name: 'roles', type: 'varchar', length: '128' },
          { name: 'store_id', type: 'varchar', length: '32', isNullable: true },
          { name: 'active', type: 'boolean' },
          at('created_at'),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'partner_keys',
        columns: [
          id,
          { name: 'partner', type: 'varchar', length: '64' },
          { name: 'key_hash', type: 'varchar', length: '64', isUnique: true },
          { name: 'prefix', type: 'varchar', length: '16' },
          { name: 'created_by', type: 'varchar', length: '64' },
          at('created_at'),
          at('revoked_at', true),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'pii_access_log',
        columns: [
          id,
          { name: 'actor', type: 'varchar', length: '100' },
          { name: 'member_id', type: 'varchar', length: '36' },
          { name: 'fields', type: 'varchar', length: '255' },
          { name: 'purpose', type: 'varchar', length: '255' },
          at('at'),
        ],
        indices: [new TableIndex({ name: 'idx_pii_access_member', columnNames: ['member_id', 'at'] })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'member_merges',
      'pii_access_log',
      'partner_keys',
      'staff_accounts',
      'channel_identities',
      'login_guards',
      'login_codes',
      'refresh_tokens',
      'signing_keys',
    ]) {
      await queryRunner.dropTable(table);
    }
    await queryRunner.dropColumn('members', 'merged_into');
    await queryRunner.dropColumn('members', 'guardian_consent_at');
    await queryRunner.dropColumn('members', 'partner_sharing_at');
  }
}
