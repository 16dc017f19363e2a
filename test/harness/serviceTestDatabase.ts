import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import {
  createDataSource,
  dropDatabase,
  ensureDatabase,
  openDatabase,
  type DatabaseSchema,
  type DatabaseTarget,
  type QueryCounter,
} from '../../services/kit/src';

/** A service's schema on a database of its own, for an integration test. */
export interface ServiceTestDatabase {
  dataSource: DataSource;
  /** The statements sent on it (the DataSource's logger). */
  queries: QueryCounter;
  /** Closes the connection and removes the database (the SQLite folder, or drops the MySQL database). */
  close(): Promise<void>;
}

export interface ServiceTestDatabaseOptions {
  /**
   * A database as an earlier release left it: only these migrations run first, `seed` writes its
   * rows, then the schema's own migrations run on it as a deployment runs them (migration tests).
   */
  previousRelease?: { migrations: DatabaseSchema['migrations']; seed(dataSource: DataSource): Promise<void> };
}

/**
 * Opens `schema` on the database the suite runs on: a new SQLite file in a temporary folder, or,
 * when DATABASE_URL names a MySQL server, a new database there with a unique name; migrated as a
 * service migrates on start (openDatabase). Each call gets a database nobody else uses, so a test
 * file's races and counts see only its own rows.
 */
export async function openServiceTestDatabase(
  schema: DatabaseSchema,
  options: ServiceTestDatabaseOptions = {},
): Promise<ServiceTestDatabase> {
  const { target, remove } = freshDatabase();
  let dataSource: DataSource | undefined;
  try {
    if (options.previousRelease) {
      const before = createDataSource(target, { entities: [], migrations: options.previousRelease.migrations });
      await ensureDatabase(target);
      await before.initialize();
      try {
        await before.runMigrations();
        await options.previousRelease.seed(before);
      } finally {
        await before.destroy();
      }
    }
    const opened = await openDatabase(target, schema);
    dataSource = opened.dataSource;
    const source = dataSource;
    return {
      dataSource,
      queries: opened.queries,
      close: async () => {
        if (source.isInitialized) await source.destroy();
        await remove();
      },
    };
  } catch (error) {
    if (dataSource?.isInitialized) await dataSource.destroy();
    await remove();
    throw error;
  }
}

/** A name no other test process or file uses at the same time (a MySQL database name, a folder's). */
const uniqueName = () => `mgt${process.pid}x${randomBytes(4).toString('hex')}`;

function freshDatabase(): { target: DatabaseTarget; remove(): Promise<void> } {
  const server = process.env.DATABASE_URL;
  if (server) {
    // As resolveDatabaseTarget reads DATABASE_URL (mariadb:// too), with a database of our own.
    const url = new URL(server);
    url.protocol = 'mysql:';
    url.pathname = '/';
    const target: DatabaseTarget = { kind: 'mysql', url: url.toString(), database: uniqueName() };
    return { target, remove: () => dropDatabase(target) };
  }
  const dir = mkdtempSync(join(tmpdir(), `${uniqueName()}-`));
  return {
    target: { kind: 'sqlite', file: join(dir, 'service.sqlite') },
    remove: async () => rmSync(dir, { recursive: true, force: true }),
  };
}
