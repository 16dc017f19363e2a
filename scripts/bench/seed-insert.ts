import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/** Rows per INSERT statement: large enough to amortise the round trip, small enough for any packet limit. */
const ROWS_PER_STATEMENT = 1000;
/** SQLite binds at most 32,766 parameters a statement; stay well under it (MySQL's text protocol has no such limit). */
const MAX_PARAMETERS = 30_000;

/**
 * Inserts entity rows with multi-row INSERT statements. TypeORM's own insert() builds a statement
 * through its query builder row by row, too slow for a million rows; this takes the table and
 * column names from the entity's metadata and converts every value with the driver's
 * preparePersistentValue (the conversion insert() applies: transformers, datetimes, booleans),
 * so the stored values are the same as the services' own inserts store. Every column is written,
 * as the services do (their entities declare no defaults).
 */
export async function bulkInsert<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  rows: readonly T[],
): Promise<void> {
  if (rows.length === 0) return;
  const { driver } = manager.connection;
  const metadata = manager.connection.getMetadata(entity);
  // Generated columns (an outbox's seq) are the database's to fill.
  const columns = metadata.columns.filter((c) => !c.isGenerated);
  const perStatement = Math.min(ROWS_PER_STATEMENT, Math.floor(MAX_PARAMETERS / columns.length));
  const head = `INSERT INTO ${driver.escape(metadata.tableName)} (${columns.map((c) => driver.escape(c.databaseName)).join(', ')}) VALUES `;
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  for (let start = 0; start < rows.length; start += perStatement) {
    const batch = rows.slice(start, start + perStatement);
    const parameters: unknown[] = [];
    for (const row of batch) {
      for (const column of columns) {
        const value = column.getEntityValue(row);
        // A missing field would be bound as NULL or fail obscurely: name it instead.
        if (value === undefined) throw new Error(`${metadata.tableName}.${column.databaseName} is missing in a seeded row`);
        parameters.push(driver.preparePersistentValue(value, column));
      }
    }
    await manager.query(head + new Array<string>(batch.length).fill(tuple).join(', '), parameters);
  }
}
