import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import type { DataSource, EntityManager, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';

interface PlainSelect {
  /** `SELECT <every column> FROM <table>` */
  sql: string;
  columns: ColumnMetadata[];
}

/** The DataSource behind a DataSource or an entity manager. */
const sourceOf = (db: DataSource | EntityManager): DataSource => ('connection' in db ? db.connection : db);

const selects = new WeakMap<EntityMetadata, PlainSelect>();

/** An entity's stored columns and the statement selecting them, built once per entity. */
function selectAll(db: DataSource | EntityManager, metadata: EntityMetadata): PlainSelect {
  let select = selects.get(metadata);
  if (select === undefined) {
    const driver = sourceOf(db).driver;
    const columns = metadata.columns.filter((c) => !c.isVirtual);
    const sql = `SELECT ${columns.map((c) => driver.escape(c.databaseName)).join(', ')} FROM ${driver.escape(metadata.tableName)}`;
    selects.set(metadata, (select = { sql, columns }));
  }
  return select;
}

/**
 * Entities read by one plain statement: `SELECT <every column> FROM <table> <rest>`, `rest` (its
 * WHERE and ORDER BY, with `:name` / `:...names` parameters) bound by the driver as the entity
 * manager binds it (an instant: UTC text for SQLite, a Date for mysql2), and each row hydrated as
 * the entity manager hydrates it (the driver's conversion, then the column's transformer). For
 * reads every request makes, where find()'s query building and result mapping cost more CPU than
 * the statement's own work: the same statement count, the same entities.
 */
export async function findByPlainSql<T extends ObjectLiteral>(
  db: DataSource | EntityManager,
  entity: EntityTarget<T>,
  rest: string,
  parameters: ObjectLiteral,
): Promise<T[]> {
  const source = sourceOf(db);
  const metadata = source.getMetadata(entity);
  const driver = source.driver;
  const select = selectAll(db, metadata);
  const [sql, bound] = driver.escapeQueryWithParameters(`${select.sql} ${rest}`, parameters, {});
  const rows: Array<Record<string, unknown>> = await db.query(sql, bound);
  return rows.map((row) => {
    const entityObject = metadata.create(undefined, { fromDeserializer: true }) as T;
    for (const column of select.columns) {
      const raw = row[column.databaseName];
      if (raw !== undefined) column.setEntityValue(entityObject, driver.prepareHydratedValue(raw, column));
    }
    return entityObject;
  });
}
