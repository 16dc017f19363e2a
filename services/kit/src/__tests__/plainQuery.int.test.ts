import { Column, Entity, In, MoreThanOrEqual, PrimaryColumn, Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { openServiceTestDatabase, type ServiceTestDatabase } from '../../../../test/harness/serviceTestDatabase';
import { inTransaction } from '../database';
import { queryByPlainSql } from '../plainRead';

/*
 * queryByPlainSql on the database the suite runs on (SQLite, or MySQL with DATABASE_URL): its
 * parameters are bound as the entity manager binds them (a list spread, an instant converted as
 * the driver converts it), and given a transaction's manager it runs in that transaction.
 */

@Entity({ name: 'kit_noted' })
class Noted {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'noted_at', type: 'datetime', precision: 3 })
  notedAt: Date;
}

class CreateNoted1700000000001 implements MigrationInterface {
  name = 'CreateNoted1700000000001';
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'kit_noted',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'noted_at', type: 'datetime', precision: 3 },
        ],
      }),
    );
  }
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('kit_noted');
  }
}

let db: ServiceTestDatabase;
beforeAll(async () => {
  db = await openServiceTestDatabase({ entities: [Noted], migrations: [CreateNoted1700000000001] });
});
afterAll(() => db?.close());

const T0 = new Date('2026-11-30T08:00:00.123Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

describe('queryByPlainSql', () => {
  it('binds named parameters as find() binds them: a list spread, an instant to the millisecond', async () => {
    await db.dataSource.getRepository(Noted).insert([
      { id: 'a', notedAt: at(0) },
      { id: 'b', notedAt: at(1) },
      { id: 'c', notedAt: at(2) },
      { id: 'd', notedAt: at(5) },
    ]);
    const ids = ['a', 'b', 'c'];
    const rows = await queryByPlainSql<{ id: string }>(
      db.dataSource,
      'SELECT id FROM kit_noted WHERE id IN (:...ids) AND noted_at >= :since ORDER BY id',
      { ids, since: at(1) },
    );
    expect(rows.map((r) => r.id)).toEqual(['b', 'c']);
    const found = await db.dataSource
      .getRepository(Noted)
      .find({ where: { id: In(ids), notedAt: MoreThanOrEqual(at(1)) }, order: { id: 'ASC' } });
    expect(found.map((r) => r.id)).toEqual(['b', 'c']);
  });

  it('given a transaction’s manager, runs in that transaction: its write is gone with the rollback', async () => {
    await expect(
      inTransaction(db.dataSource, async (manager) => {
        await queryByPlainSql(manager, 'INSERT INTO kit_noted (id, noted_at) VALUES (:id, :at)', { id: 'rolled-back', at: at(9) });
        expect(await queryByPlainSql(manager, 'SELECT id FROM kit_noted WHERE id = :id', { id: 'rolled-back' })).toHaveLength(1);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await db.dataSource.getRepository(Noted).countBy({ id: 'rolled-back' })).toBe(0);
  });
});
