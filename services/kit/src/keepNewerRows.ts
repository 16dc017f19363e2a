import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { outsideTransaction } from './database';

/** Which property identifies a row (a unique key) and which one orders its versions. */
export interface NewerRowsKeys<T> {
  /**
   * The property whose column is the table's primary key, its only unique one (MySQL's ON DUPLICATE
   * KEY fires on any): a row with the same key is the same row.
   */
  key: keyof T & string;
  /** The property a newer row has a higher value of (a version, an instant); a NOT NULL column. */
  guard: keyof T & string;
}

/**
 * Writes each row unless the table holds one with the same key and a guard not below its own: one
 * statement, the guard inside it (no read first), so concurrent, repeated and late writes leave the
 * newest whatever order they land in, and a repeat (an equal guard) changes nothing. Rows naming
 * one key twice are fine: the newer wins there too. Every stored column of the entity is written,
 * bound as the entity manager binds it (transformers, booleans, instants).
 *
 * Given an EntityManager, in its transaction; given the DataSource, outside any (outsideTransaction):
 * on SQLite's one connection a statement sent while another request's transaction is open would
 * join it and be lost with its rollback.
 */
export async function keepNewerRows<T extends ObjectLiteral>(
  db: DataSource | EntityManager,
  entity: EntityTarget<T>,
  rows: readonly T[],
  keys: NewerRowsKeys<T>,
): Promise<void> {
  if (rows.length === 0) return;
  const source = 'connection' in db ? db.connection : db;
  const metadata = source.getMetadata(entity);
  const columns = metadata.columns.filter((c) => !c.isVirtual);
  const parameters: unknown[] = [];
  for (const row of rows) {
    for (const column of columns) {
      const value = column.getEntityValue(row);
      if (value === undefined) throw new Error(`keepNewerRows: a ${metadata.name} row has no ${column.propertyName}`);
      parameters.push(source.driver.preparePersistentValue(value, column));
    }
  }
  const table: Table = {
    q: (name) => source.driver.escape(name),
    name: metadata.tableName,
    columns,
    key: columnOf(columns, keys.key),
    guard: columnOf(columns, keys.guard),
  };
  const sql = source.options.type === 'mysql' ? mysqlStatement(table, rows.length) : sqliteStatement(table, rows.length);
  if ('connection' in db) await db.query(sql, parameters);
  else await outsideTransaction(db, (manager) => manager.query(sql, parameters));
}

/** What a statement is built from: the entity's table and columns, and the key and guard among them. */
interface Table {
  /** Quotes an identifier as the driver does. */
  q(name: string): string;
  name: string;
  columns: ColumnMetadata[];
  key: ColumnMetadata;
  guard: ColumnMetadata;
}

function columnOf(columns: readonly ColumnMetadata[], property: string): ColumnMetadata {
  const column = columns.find((c) => c.propertyName === property);
  if (!column) throw new Error(`keepNewerRows: no stored column for ${property}`);
  return column;
}

/** `INSERT … VALUES … ON CONFLICT(key) DO UPDATE … WHERE excluded.guard > held.guard` */
function sqliteStatement({ q, name, columns, key, guard }: Table, count: number): string {
  const row = `(${columns.map(() => '?').join(', ')})`;
  const updates = columns.filter((c) => c !== key).map((c) => `${q(c.databaseName)} = excluded.${q(c.databaseName)}`);
  return (
    `INSERT INTO ${q(name)} (${columns.map((c) => q(c.databaseName)).join(', ')}) VALUES ${Array(count).fill(row).join(', ')} ` +
    `ON CONFLICT(${q(key.databaseName)}) DO UPDATE SET ${updates.join(', ')} ` +
    `WHERE excluded.${q(guard.databaseName)} > ${q(name)}.${q(guard.databaseName)}`
  );
}

/**
 * `INSERT … SELECT * FROM (rows) AS incoming ON DUPLICATE KEY UPDATE c = IF(newer, incoming.c, c)`.
 * The rows come as a derived table rather than VALUES so the update names them by its alias: the
 * VALUES(col) function is deprecated since MySQL 8.0.20, and MySQL 8's `VALUES … AS new` row alias
 * is not MariaDB's; a derived table's columns are referable on both (MySQL documents a derived
 * table as the way to refer to a UNION's rows there). Instants are cast to DATETIME in it, so the
 * guard compares instants on both servers, never text with a date. MySQL assigns left to right,
 * each assignment seeing the ones before: the guard goes last, so the others still compare against
 * the held one.
 */
function mysqlStatement({ q, name, columns, key, guard }: Table, count: number): string {
  const placeholder = (c: ColumnMetadata) => (isInstant(c) ? `CAST(? AS DATETIME(${c.precision ?? 0}))` : '?');
  const first = `SELECT ${columns.map((c) => `${placeholder(c)} AS ${q(c.databaseName)}`).join(', ')}`;
  const next = `SELECT ${columns.map(placeholder).join(', ')}`;
  const held = (c: ColumnMetadata) => `${q(name)}.${q(c.databaseName)}`;
  const incoming = (c: ColumnMetadata) => `incoming.${q(c.databaseName)}`;
  const newer = `${incoming(guard)} > ${held(guard)}`;
  const updates = [...columns.filter((c) => c !== key && c !== guard), guard].map(
    (c) => `${q(c.databaseName)} = IF(${newer}, ${incoming(c)}, ${held(c)})`,
  );
  return (
    `INSERT INTO ${q(name)} (${columns.map((c) => q(c.databaseName)).join(', ')}) ` +
    `SELECT * FROM (${[first, ...Array(count - 1).fill(next)].join(' UNION ALL ')}) AS incoming ` +
    `ON DUPLICATE KEY UPDATE ${updates.join(', ')}`
  );
}

const isInstant = (column: ColumnMetadata) => column.type === 'datetime' || column.type === 'timestamp' || column.type === Date;
