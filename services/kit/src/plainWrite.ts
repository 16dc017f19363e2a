import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import type { DataSource, EntityManager, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';
import { outsideTransaction } from './database';

const sourceOf = (db: DataSource | EntityManager): DataSource => ('connection' in db ? db.connection : db);

interface PlainInsert {
  /** `INSERT INTO <table> (<every stored column but a generated one>) VALUES ` */
  head: string;
  /** `(?, ?, …)`, one row's placeholders */
  row: string;
  columns: ColumnMetadata[];
}

const inserts = new WeakMap<EntityMetadata, PlainInsert>();

function insertOf(source: DataSource, metadata: EntityMetadata): PlainInsert {
  let insert = inserts.get(metadata);
  if (insert === undefined) {
    const driver = source.driver;
    // An AUTO_INCREMENT column is the database's to fill; any other generated one (a uuid) TypeORM
    // fills in JS, so here the caller must give it, as every other column.
    const columns = metadata.columns.filter((c) => !c.isVirtual && !(c.isGenerated && c.generationStrategy === 'increment'));
    insert = {
      head: `INSERT INTO ${driver.escape(metadata.tableName)} (${columns.map((c) => driver.escape(c.databaseName)).join(', ')}) VALUES `,
      row: `(${columns.map(() => '?').join(', ')})`,
      columns,
    };
    inserts.set(metadata, insert);
  }
  return insert;
}

/**
 * Inserts entities with one plain multi-row INSERT of every stored column, each value converted as
 * the entity manager converts it (the column's transformer, then the driver: an instant as UTC text
 * for SQLite, a Date for mysql2; a boolean as 1/0), bound by position. For the writes every request
 * makes, where insert()'s query building cost more CPU than the statement's own work: the same
 * statement, the same rows, nothing read back. Every column must have a value (null where the
 * column allows it): no database default is relied on, as the entities here carry none.
 */
export async function insertByPlainSql<T extends ObjectLiteral>(
  db: DataSource | EntityManager,
  entity: EntityTarget<T>,
  rows: readonly T[],
): Promise<void> {
  if (rows.length === 0) return;
  const source = sourceOf(db);
  const metadata = source.getMetadata(entity);
  const insert = insertOf(source, metadata);
  const parameters: unknown[] = [];
  for (const row of rows) {
    for (const column of insert.columns) {
      const value = source.driver.preparePersistentValue(column.getEntityValue(row), column);
      if (value === undefined) throw new Error(`${metadata.tableName}.${column.databaseName}: no value to insert`);
      parameters.push(value);
    }
  }
  await db.query(insert.head + Array(rows.length).fill(insert.row).join(', '), parameters);
}

/**
 * Runs one plain write statement (`?` placeholders, values bound by position as the driver binds
 * them) and returns how many rows it changed, on SQLite and MySQL alike: for a guarded UPDATE whose
 * caller must know whether its guard held. In `manager`'s transaction when it has one; given the
 * DataSource, outside any.
 */
export async function executeByPlainSql(db: DataSource | EntityManager, sql: string, parameters: readonly unknown[]): Promise<number> {
  // Given the DataSource: outside any transaction, after SQLite's open one (see outsideTransaction).
  if (!('connection' in db)) return outsideTransaction(db, (manager) => executeByPlainSql(manager, sql, parameters));
  const source = sourceOf(db);
  const own = 'connection' in db ? db.queryRunner : undefined;
  const runner = own ?? source.createQueryRunner();
  try {
    const result = await runner.query(sql, [...parameters], true);
    return Number(result.affected ?? 0);
  } finally {
    if (!own) await runner.release();
  }
}

/** The clause that locks the rows a SELECT reads for the rest of the transaction: FOR UPDATE on MySQL, none on SQLite (see rowLock). */
export function forUpdate(db: DataSource | EntityManager): string {
  return sourceOf(db).options.type === 'better-sqlite3' ? '' : ' FOR UPDATE';
}
