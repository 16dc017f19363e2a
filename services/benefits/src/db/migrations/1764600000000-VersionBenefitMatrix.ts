import { randomUUID } from 'node:crypto';
import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { DEFAULT_BENEFITS } from '../../domain/matrix';

/** The seeded benefits' types (the issue's catalogue types); a benefit added later names its own. */
const SEEDED_TYPES: Record<string, string> = {
  DISCOUNT: 'DISCOUNT',
  BIRTHDAY: 'BIRTHDAY',
  PRIORITY_SERVICE: 'PRIORITY_SERVICE',
  EXCLUSIVE_EVENTS: 'EVENT',
  POINTS_ACCELERATION: 'POINTS_ACCELERATION',
  COMMUNITY: 'COMMUNITY',
};

/** The matrix as it was seeded is in effect from before any member existed. */
const SEED_EFFECTIVE_FROM = '2000-01-01 00:00:00.000';

/** A DATETIME(3) value as both MySQL and TypeORM's SQLite columns hold it (UTC; the drivers cannot bind a Date in a raw query). */
const datetime = (at: Date) => at.toISOString().replace('T', ' ').replace('Z', '');

/**
 * The tier × benefit matrix becomes versioned data: each cell of `tier_benefits` becomes revision 1
 * of its chain in `benefit_cells` (as it stands, whatever the seed migration wrote), a DISCOUNT cell
 * gains the percentage its level names, and the catalogue gains types and its display order.
 */
export class VersionBenefitMatrix1764600000000 implements MigrationInterface {
  name = 'VersionBenefitMatrix1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('benefits', [
      new TableColumn({ name: 'type', type: 'varchar', length: '32', default: "'CUSTOM'" }),
      new TableColumn({ name: 'position', type: 'int', default: 0 }),
    ]);
    await queryRunner.createTable(
      new Table({
        name: 'benefit_cells',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'tier_id', type: 'varchar', length: '32' },
          { name: 'benefit_code', type: 'varchar', length: '32' },
          { name: 'revision', type: 'int' },
          { name: 'level', type: 'varchar', length: '128', isNullable: true },
          { name: 'discount_percent', type: 'int', isNullable: true },
          { name: 'effective_from', type: 'datetime', precision: 3 },
          { name: 'actor', type: 'varchar', length: '64' },
          { name: 'reason', type: 'varchar', length: '255' },
          { name: 'recorded_at', type: 'datetime', precision: 3 },
        ],
        foreignKeys: [{ columnNames: ['benefit_code'], referencedTableName: 'benefits', referencedColumnNames: ['code'] }],
      }),
    );
    await queryRunner.createIndex(
      'benefit_cells',
      new TableIndex({ name: 'uq_benefit_cells_revision', columnNames: ['tier_id', 'benefit_code', 'revision'], isUnique: true }),
    );
    const cells: Array<{ tier_id: string; benefit_code: string; level: string; position: number }> = await queryRunner.query(
      'SELECT tier_id, benefit_code, level, position FROM tier_benefits ORDER BY tier_id, position',
    );
    for (const [code, type] of Object.entries(SEEDED_TYPES)) {
      await queryRunner.query('UPDATE benefits SET type = ? WHERE code = ?', [type, code]);
    }
    // The seed's display order, also for a seeded benefit without stored cells (points acceleration is derived from γ).
    for (const [position, benefit] of DEFAULT_BENEFITS.entries()) {
      await queryRunner.query('UPDATE benefits SET position = ? WHERE code = ?', [position, benefit.code]);
    }
    const now = datetime(new Date());
    for (const cell of cells) {
      await queryRunner.query('UPDATE benefits SET position = ? WHERE code = ?', [cell.position, cell.benefit_code]);
      const percent = cell.benefit_code === 'DISCOUNT' ? Number(/^(\d+)% off/.exec(cell.level)?.[1] ?? NaN) : NaN;
      await queryRunner.query(
        `INSERT INTO benefit_cells (id, tier_id, benefit_code, revision, level, discount_percent, effective_from, actor, reason, recorded_at)
         VALUES (?, ?, ?, 1, ?, ?, ?, 'system', 'seeded from shared/DOMAIN.md §4', ?)`,
        [randomUUID(), cell.tier_id, cell.benefit_code, cell.level, Number.isNaN(percent) ? null : percent, SEED_EFFECTIVE_FROM, now],
      );
    }
    await queryRunner.dropTable('tier_benefits');
  }

  /** Back to one unversioned matrix: the cells in effect now. */
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'tier_benefits',
        columns: [
          { name: 'tier_id', type: 'varchar', length: '32', isPrimary: true },
          { name: 'benefit_code', type: 'varchar', length: '32', isPrimary: true },
          { name: 'level', type: 'varchar', length: '128' },
          { name: 'position', type: 'int' },
        ],
        foreignKeys: [{ columnNames: ['benefit_code'], referencedTableName: 'benefits', referencedColumnNames: ['code'] }],
      }),
    );
    const revisions: Array<{
      tier_id: string;
      benefit_code: string;
      revision: number;
      level: string | null;
      effective_from: string | Date;
    }> = await queryRunner.query('SELECT tier_id, benefit_code, revision, level, effective_from FROM benefit_cells');
    const now = Date.now();
    const current = new Map<string, (typeof revisions)[number]>();
    for (const row of revisions) {
      const from = new Date(row.effective_from instanceof Date ? row.effective_from : `${row.effective_from.replace(' ', 'T')}Z`).getTime();
      if (from > now) continue;
      const key = `${row.tier_id}:${row.benefit_code}`;
      const held = current.get(key);
      if (!held || row.revision > held.revision) current.set(key, row);
    }
    for (const row of current.values()) {
      if (row.level === null) continue;
      await queryRunner.query(
        'INSERT INTO tier_benefits (tier_id, benefit_code, level, position) SELECT ?, ?, ?, position FROM benefits WHERE code = ?',
        [row.tier_id, row.benefit_code, row.level, row.benefit_code],
      );
    }
    await queryRunner.dropTable('benefit_cells');
    await queryRunner.dropColumn('benefits', 'position');
    await queryRunner.dropColumn('benefits', 'type');
  }
}
