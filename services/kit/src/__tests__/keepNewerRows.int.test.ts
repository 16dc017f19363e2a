import { Column, Entity, PrimaryColumn, Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { openServiceTestDatabase, type ServiceTestDatabase } from '../../../../test/harness/serviceTestDatabase';
import { bigintColumn, inTransaction } from '../database';
import { keepNewerRows } from '../keepNewerRows';

/*
 * keepNewerRows on the database the suite runs on (SQLite, or MySQL with DATABASE_URL): an older
 * row never replaces a newer one, an equal one changes nothing, many rows go in one statement, and
 * concurrent writers leave the newest whatever order they land in. Two guards: a version and an instant.
 */

@Entity({ name: 'kit_versioned' })
class Versioned {
  @PrimaryColumn({ name: 'member_id', type: 'varchar', length: 36 })
  memberId: string;

  @Column({ type: 'varchar', length: 32 })
  label: string;

  @Column({ type: 'boolean' })
  flagged: boolean;

  @Column({ name: 'noted_at', type: 'datetime', precision: 3, nullable: true })
  notedAt: Date | null;

  @Column({ type: 'bigint', transformer: bigintColumn })
  version: number;
}

@Entity({ name: 'kit_dated' })
class Dated {
  @PrimaryColumn({ name: 'member_id', type: 'varchar', length: 36 })
  memberId: string;

  @Column({ name: 'as_of', type: 'datetime', precision: 3 })
  asOf: Date;

  @Column({ type: 'text' })
  body: string;
}

class CreateTables1700000000001 implements MigrationInterface {
  name = 'CreateTables1700000000001';
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'kit_versioned',
        columns: [
          { name: 'member_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'label', type: 'varchar', length: '32' },
          { name: 'flagged', type: 'boolean' },
          { name: 'noted_at', type: 'datetime', precision: 3, isNullable: true },
          { name: 'version', type: 'bigint' },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'kit_dated',
        columns: [
          { name: 'member_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'as_of', type: 'datetime', precision: 3 },
          { name: 'body', type: 'text' },
        ],
      }),
    );
  }
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('kit_dated');
    await queryRunner.dropTable('kit_versioned');
  }
}

let db: ServiceTestDatabase;
beforeAll(async () => {
  db = await openServiceTestDatabase({ entities: [Versioned, Dated], migrations: [CreateTables1700000000001] });
});
afterAll(() => db?.close());

let n = 0;
const memberId = () => `member-${(n += 1)}`;
const T0 = new Date('2026-11-30T08:00:00.123Z');
const versioned = (id: string, version: number, label = `v${version}`): Versioned => ({
  memberId: id,
  label,
  flagged: version % 2 === 1,
  notedAt: new Date(T0.getTime() + version),
  version,
});
const keepVersions = (rows: Versioned[]) => keepNewerRows(db.dataSource, Versioned, rows, { key: 'memberId', guard: 'version' });
const keepDated = (rows: Dated[]) => keepNewerRows(db.dataSource, Dated, rows, { key: 'memberId', guard: 'asOf' });
const held = (id: string) => db.dataSource.getRepository(Versioned).findOneByOrFail({ memberId: id });
const heldDated = (id: string) => db.dataSource.getRepository(Dated).findOneByOrFail({ memberId: id });

describe('keepNewerRows with a version', () => {
  it('inserts a new row whole, and a newer version replaces every column', async () => {
    const id = memberId();
    await keepVersions([versioned(id, 1)]);
    expect(await held(id)).toEqual(versioned(id, 1));
    await keepVersions([{ ...versioned(id, 2), notedAt: null }]);
    expect(await held(id)).toEqual({ ...versioned(id, 2), notedAt: null });
  });

  it('never lets an older version replace a newer one, in any column', async () => {
    const id = memberId();
    await keepVersions([versioned(id, 5)]);
    await keepVersions([versioned(id, 4, 'late'), versioned(id, 1, 'very late')]);
    expect(await held(id)).toEqual(versioned(id, 5));
  });

  it('changes nothing on an equal version (a repeat, or another writer’s same version)', async () => {
    const id = memberId();
    await keepVersions([versioned(id, 3)]);
    await keepVersions([{ ...versioned(id, 3, 'other'), flagged: false, notedAt: null }]);
    expect(await held(id)).toEqual(versioned(id, 3));
  });

  it('writes many rows in one statement, each judged on its own, a key named twice too', async () => {
    const [a, b, c] = [memberId(), memberId(), memberId()];
    await keepVersions([versioned(a, 2), versioned(b, 2)]);
    const before = db.queries.count;
    await keepVersions([versioned(a, 3), versioned(b, 1), versioned(c, 7), versioned(c, 9), versioned(c, 8)]);
    expect(db.queries.count - before).toBe(1);
    expect(await held(a)).toEqual(versioned(a, 3));
    expect(await held(b)).toEqual(versioned(b, 2));
    expect(await held(c)).toEqual(versioned(c, 9));
  });

  it('leaves the highest version when concurrent writers land in any order', async () => {
    const ids = Array.from({ length: 5 }, memberId);
    const writes = ids.flatMap((id) => Array.from({ length: 20 }, (_, i) => versioned(id, ((i * 7) % 20) + 1)));
    await Promise.all(writes.map((row) => keepVersions([row])));
    for (const id of ids) expect(await held(id)).toEqual(versioned(id, 20));
  });

  it('given a transaction’s manager, writes in that transaction: gone with its rollback', async () => {
    const id = memberId();
    await keepVersions([versioned(id, 1)]);
    await expect(
      inTransaction(db.dataSource, async (manager) => {
        await keepNewerRows(manager, Versioned, [versioned(id, 2)], { key: 'memberId', guard: 'version' });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await held(id)).toEqual(versioned(id, 1));
  });

  it('given the DataSource, keeps a row written while another request’s transaction is open, after that one rolls back', async () => {
    const id = memberId();
    let release!: () => void;
    const open = new Promise<void>((resolve) => (release = resolve));
    const refused = inTransaction(db.dataSource, async (manager) => {
      await manager.query('SELECT 1');
      await open; // another request's transaction, waiting on a peer or a lock
      throw new Error('refused: rolled back');
    }).catch((error: Error) => error.message);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const written = keepVersions([versioned(id, 1)]);
    release();
    expect(await refused).toBe('refused: rolled back');
    await written;
    expect(await held(id)).toEqual(versioned(id, 1));
  });

  it('refuses a row that lacks a column, before sending anything', async () => {
    const before = db.queries.count;
    const { label: _, ...partial } = versioned(memberId(), 1);
    await expect(keepVersions([partial as Versioned])).rejects.toThrow('keepNewerRows: a Versioned row has no label');
    expect(db.queries.count).toBe(before);
  });
});

describe('keepNewerRows with an instant', () => {
  const at = (ms: number) => new Date(T0.getTime() + ms);

  it('keeps the later instant to the millisecond, and an equal one changes nothing', async () => {
    const id = memberId();
    await keepDated([{ memberId: id, asOf: at(10), body: 'ten' }]);
    await keepDated([{ memberId: id, asOf: at(9), body: 'nine' }]);
    expect(await heldDated(id)).toEqual({ memberId: id, asOf: at(10), body: 'ten' });
    await keepDated([{ memberId: id, asOf: at(10), body: 'ten again' }]);
    expect(await heldDated(id)).toEqual({ memberId: id, asOf: at(10), body: 'ten' });
    await keepDated([{ memberId: id, asOf: at(11), body: 'eleven' }]);
    expect(await heldDated(id)).toEqual({ memberId: id, asOf: at(11), body: 'eleven' });
  });

  it('leaves the latest instant when concurrent writers of many rows land in any order', async () => {
    const ids = Array.from({ length: 4 }, memberId);
    const instants = [new Date('2026-12-31T09:59:59.999Z'), new Date('2026-12-31T10:00:00.000Z'), new Date('2027-01-01T00:00:00.001Z')];
    await Promise.all([2, 0, 1, 1, 0, 2].map((i) => keepDated(ids.map((id) => ({ memberId: id, asOf: instants[i], body: `at ${i}` })))));
    for (const id of ids) expect(await heldDated(id)).toEqual({ memberId: id, asOf: instants[2], body: 'at 2' });
  });
});
