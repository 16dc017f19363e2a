import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import type { DataSource, EntityManager, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';

interface PlainSelect {
  /** `SELECT <every column> FROM <table>` */
  sql: string;
  columns: ColumnMetadata[];
}

/** The DataSource behind a DataSource or an entity manager. */
const sourceOf = (db: DataSource | EntityManager): DataSource => ('connection' in db ? db.connection : db);

/**
 * Runs one plain statement with `:name` / `:...names` parameters, bound by the driver as the entity
 * manager binds them (an instant: UTC text for SQLite, a Date for mysql2; a list spread into `?, ?`),
 * and answers its rows as the driver gives them: no hydration, the caller converts what it reads.
 * In `db`'s transaction when it is a manager that has one. For statements written by hand on a hot
 * path, where the query builder's building cost more CPU than the statement's own work. A write's
 * answer is the driver's own and differs between SQLite and MySQL: run one for its effect only
 * (executeByPlainSql when the count of rows changed matters).
 */
export async function queryByPlainSql<Row = Record<string, unknown>>(
  db: DataSource | EntityManager,
  sql: string,
  parameters: ObjectLiteral,
): Promise<Row[]> {
  const [bound, values] = sourceOf(db).driver.escapeQueryWithParameters(sql, parameters, {});
  return db.query(bound, values);
}

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
  const rows = await queryByPlainSql(db, `${select.sql} ${rest}`, parameters);
  return rows.map((row) => {
    const entityObject = metadata.create(undefined, { fromDeserializer: true }) as T;
    for (const column of select.columns) {
      const raw = row[column.databaseName];
      if (raw !== undefined) column.setEntityValue(entityObject, driver.prepareHydratedValue(raw, column));
    }
    return entityObject;
  });
}

/** What findOneEachByPlainSql looks up: per name, an entity with a one-column primary key and the key's value. */
export type PrimaryKeyLookups = Record<string, readonly [entity: new () => ObjectLiteral, id: string | number]>;

/** Per name, the entity found, or undefined. */
export type FoundEach<L extends PrimaryKeyLookups> = { [K in keyof L]: InstanceType<L[K][0]> | undefined };

type Join = { sql: string; parts: Array<{ name: string; metadata: EntityMetadata; columns: ColumnMetadata[] }> };
/** Per DataSource (its driver quotes names its own way), the statements built, by their lookups' names and tables. */
const joins = new WeakMap<DataSource, Map<string, Join>>();

/**
 * Rows of several tables, each by its primary key, in ONE plain statement: a one-row derived table
 * LEFT JOINed to each (`SELECT … FROM (SELECT 1 AS one) k LEFT JOIN t0 ON t0.pk = ? LEFT JOIN …`,
 * valid on SQLite and MySQL/MariaDB, each join a primary-key look-up), every row hydrated as
 * findByPlainSql hydrates it. For a request that needs a few independent rows before it decides
 * anything: one round trip instead of one per row. The statement is built once per set of lookups.
 */
export async function findOneEachByPlainSql<L extends PrimaryKeyLookups>(
  db: DataSource | EntityManager,
  lookups: L,
): Promise<FoundEach<L>> {
  const source = sourceOf(db);
  const names = Object.keys(lookups);
  const signature = names.map((name) => `${name}:${source.getMetadata(lookups[name][0]).tableName}`).join(',');
  let built = joins.get(source);
  if (built === undefined) joins.set(source, (built = new Map()));
  let join = built.get(signature);
  if (join === undefined) {
    const driver = source.driver;
    const parts = names.map((name) => {
      const metadata = source.getMetadata(lookups[name][0]);
      if (metadata.primaryColumns.length !== 1)
        throw new Error(`${metadata.tableName}: findOneEachByPlainSql needs a one-column primary key`);
      return { name, metadata, columns: metadata.columns.filter((c) => !c.isVirtual) };
    });
    const select = parts.flatMap(({ columns }, i) =>
      columns.map((c) => `t${i}.${driver.escape(c.databaseName)} AS ${driver.escape(`t${i}_${c.databaseName}`)}`),
    );
    const from = parts.map(
      ({ metadata }, i) =>
        `LEFT JOIN ${driver.escape(metadata.tableName)} t${i} ON t${i}.${driver.escape(metadata.primaryColumns[0].databaseName)} = ?`,
    );
    built.set(signature, (join = { sql: `SELECT ${select.join(', ')} FROM (SELECT 1 AS one) k ${from.join(' ')}`, parts }));
  }
  const [row]: Array<Record<string, unknown>> = await db.query(
    join.sql,
    names.map((name) => lookups[name][1]),
  );
  const found: Record<string, ObjectLiteral | undefined> = {};
  join.parts.forEach(({ name, metadata, columns }, i) => {
    const key = row?.[`t${i}_${metadata.primaryColumns[0].databaseName}`];
    if (key === null || key === undefined) return void (found[name] = undefined);
    const entityObject = metadata.create(undefined, { fromDeserializer: true });
    for (const column of columns) {
      const raw = row[`t${i}_${column.databaseName}`];
      if (raw !== undefined) column.setEntityValue(entityObject, source.driver.prepareHydratedValue(raw, column));
    }
    found[name] = entityObject;
  });
  return found as FoundEach<L>;
}
