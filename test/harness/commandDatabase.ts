import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { openDatabase, type DatabaseSchema, type QueryCounter } from '../../services/kit/src';

/** A service's real schema on a temporary SQLite file, for the command test layer. */
export interface CommandDatabase {
  dataSource: DataSource;
  queries: QueryCounter;
  /** Closes the connection and removes the file. */
  close(): Promise<void>;
}

/** One migrated file per schema and test process: copying it costs a few ms, migrating ~100. */
const templates = new Map<DatabaseSchema, Promise<string>>();

function migratedTemplate(schema: DatabaseSchema): Promise<string> {
  let template = templates.get(schema);
  if (!template) {
    template = (async () => {
      const dir = mkdtempSync(join(tmpdir(), 'membergraph-template-'));
      process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
      const file = join(dir, 'service.sqlite');
      const { dataSource } = await openDatabase({ kind: 'sqlite', file }, schema);
      await dataSource.destroy();
      return file;
    })();
    templates.set(schema, template);
  }
  return template;
}

/**
 * Opens a temporary SQLite database with the service's own migrations, so a command is tested
 * against the schema production runs (unique keys, foreign keys) in milliseconds, without servers.
 * The migrations run once per test process into a template that each database copies.
 * Peers are in-memory implementations of the service's ports, never this database.
 */
export async function openCommandDatabase(schema: DatabaseSchema): Promise<CommandDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'membergraph-command-'));
  const file = join(dir, 'service.sqlite');
  copyFileSync(await migratedTemplate(schema), file);
  // Opening runs the migrations again: none is pending, which also checks the copy is current.
  const { dataSource, queries } = await openDatabase({ kind: 'sqlite', file }, schema);
  return {
    dataSource,
    queries,
    close: async () => {
      if (dataSource.isInitialized) await dataSource.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Every row of every table of the service's schema, in a stable order: taken before and after a
 * refused command, equal snapshots prove it wrote nothing anywhere (not merely as many rows).
 */
export async function snapshotDatabase(dataSource: DataSource): Promise<Record<string, string[]>> {
  const snapshot: Record<string, string[]> = {};
  for (const { tableName } of dataSource.entityMetadatas) {
    const rows: Record<string, unknown>[] = await dataSource.query(`SELECT * FROM ${tableName}`);
    snapshot[tableName] = rows.map((row) => JSON.stringify(row)).sort();
  }
  return snapshot;
}
