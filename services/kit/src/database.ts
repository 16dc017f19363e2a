import 'reflect-metadata';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DataSource, type DataSourceOptions, type EntityManager, type Logger as OrmLogger, type ValueTransformer } from 'typeorm';
import type { CommonConfig } from './config';
import { ConfigError } from './config';
import { attachDatabaseMetrics, UNCOUNTED_SQL, type ServiceMetrics } from './metrics';

/** Where a service keeps its data: one SQLite file by default, or its own MySQL database. */
export type DatabaseTarget =
  | { kind: 'sqlite'; file: string }
  | { kind: 'mysql'; url: string; database: string; /** connections in the pool (DATABASE_POOL_SIZE) */ poolSize?: number };

const DATABASE_NAME = /^[A-Za-z0-9_]{1,64}$/;

/**
 * A global `DATABASE_URL` gives each service `<prefix>_<service>` on that server; a per-service
 * `<SERVICE>_DATABASE_URL` with a path names its database exactly.
 */
export function resolveDatabaseTarget(
  config: Pick<CommonConfig, 'service' | 'databaseUrl' | 'databaseNamedByUrl' | 'databasePrefix' | 'dataDir'> &
    Partial<Pick<CommonConfig, 'databasePoolSize'>>,
): DatabaseTarget {
  if (!config.databaseUrl) {
    return { kind: 'sqlite', file: resolve(config.dataDir, `${config.databasePrefix}_${config.service}.sqlite`) };
  }
  // Errors name the variable the URL came from: the service's own, or the shared one.
  const variable = config.databaseNamedByUrl ? `${config.service.toUpperCase()}_DATABASE_URL` : 'DATABASE_URL';
  let url: URL;
  let named = '';
  try {
    url = new URL(config.databaseUrl);
    if (config.databaseNamedByUrl) named = decodeURIComponent(url.pathname.replace(/^\//, ''));
  } catch {
    throw new ConfigError(variable, 'must be a URL such as mysql://root@127.0.0.1:3306');
  }
  if (url.protocol !== 'mysql:' && url.protocol !== 'mariadb:') {
    throw new ConfigError(variable, `must use mysql://, got ${url.protocol}`);
  }
  const database = named || `${config.databasePrefix}_${config.service}`;
  if (!DATABASE_NAME.test(database)) {
    throw new ConfigError(named ? variable : 'DATABASE_PREFIX', `gives an invalid database name "${database}"`);
  }
  url.protocol = 'mysql:';
  url.pathname = '/';
  return { kind: 'mysql', url: url.toString(), database, poolSize: config.databasePoolSize };
}

/**
 * Counts SQL statements, so tests can prove a request does not grow with N, and feeds the service's
 * `membergraph_sql_statements_total` (what the benchmark reads, from /metrics). Statements the
 * metrics send themselves at scrape time are not counted.
 */
export class QueryCounter implements OrmLogger {
  count = 0;
  constructor(private readonly metrics?: ServiceMetrics) {}
  logQuery(query = ''): void {
    if (query.startsWith(UNCOUNTED_SQL)) return;
    this.count += 1;
    this.metrics?.sqlStatements.inc();
  }
  logQueryError(): void {
    this.metrics?.sqlErrors.inc();
  }
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}

export interface DatabaseSchema {
  entities: NonNullable<DataSourceOptions['entities']>;
  migrations: NonNullable<DataSourceOptions['migrations']>;
}

/** A DataSource factory (never a module-level singleton): one per service instance. */
export function createDataSource(target: DatabaseTarget, schema: DatabaseSchema, counter = new QueryCounter()): DataSource {
  const common = { entities: schema.entities, migrations: schema.migrations, synchronize: false, logger: counter, logging: true as const };
  if (target.kind === 'sqlite') {
    mkdirSync(dirname(target.file), { recursive: true });
    return new DataSource({
      type: 'better-sqlite3',
      database: target.file,
      enableWAL: true,
      // Many async requests share the one connection: wait for a lock instead of failing at once.
      prepareDatabase: (db: { pragma(sql: string): unknown }) => {
        db.pragma('busy_timeout = 5000');
        db.pragma('foreign_keys = ON');
      },
      ...common,
    });
  }
  return new DataSource({
    type: 'mysql',
    url: `${target.url.replace(/\/$/, '')}/${target.database}`,
    charset: 'utf8mb4',
    timezone: 'Z',
    supportBigNumbers: true,
    bigNumberStrings: true,
    extra: { connectionLimit: target.poolSize ?? 10 },
    ...common,
  });
}

/** Creates the service's MySQL database if it is missing (SQLite files are created on open). */
export async function ensureDatabase(target: DatabaseTarget): Promise<void> {
  if (target.kind !== 'mysql') return;
  const mysql = await import('mysql2/promise');
  const connection = await mysql.createConnection({ uri: target.url });
  try {
    await connection.query(`CREATE DATABASE IF NOT EXISTS \`${target.database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`);
  } finally {
    await connection.end();
  }
}

/**
 * Creates the database if missing, connects and applies pending migrations. With `metrics` (the
 * service's), statements and the pool are measured and the DataSource is tied to them (metricsOf).
 */
export async function openDatabase(
  target: DatabaseTarget,
  schema: DatabaseSchema,
  metrics?: ServiceMetrics,
): Promise<{ dataSource: DataSource; queries: QueryCounter }> {
  await ensureDatabase(target);
  const queries = new QueryCounter(metrics);
  const dataSource = createDataSource(target, schema, queries);
  if (metrics) attachDatabaseMetrics(dataSource, metrics);
  await dataSource.initialize();
  await withMigrationLock(target, () => dataSource.runMigrations({ transaction: 'each' }));
  return { dataSource, queries };
}

/**
 * Replicas of a service start together and each migrates on start; TypeORM has no migration lock,
 * so on MySQL a server-wide named lock lets one migrate while the others wait, then find nothing to do.
 */
async function withMigrationLock<T>(target: DatabaseTarget, run: () => Promise<T>): Promise<T> {
  if (target.kind !== 'mysql') return run();
  const mysql = await import('mysql2/promise');
  const connection = await mysql.createConnection({ uri: target.url });
  const lock = `${target.database}.migrations`;
  try {
    const [rows] = await connection.query('SELECT GET_LOCK(?, 300) AS got', [lock]);
    if (Number((rows as Array<{ got: number }>)[0]?.got) !== 1) throw new Error(`could not take the migration lock of ${target.database}`);
    return await run();
  } finally {
    await connection.end(); // ends the session, which releases the lock
  }
}

/** Drops a MySQL database (tests clean up after themselves with it). */
export async function dropDatabase(target: DatabaseTarget): Promise<void> {
  if (target.kind !== 'mysql') return;
  const mysql = await import('mysql2/promise');
  const connection = await mysql.createConnection({ uri: target.url });
  try {
    await connection.query(`DROP DATABASE IF EXISTS \`${target.database}\``);
  } finally {
    await connection.end();
  }
}

const sqliteQueues = new WeakMap<DataSource, Promise<unknown>>();

/**
 * Runs `work` in one transaction. SQLite has one connection and one writer, so its transactions are
 * queued here rather than interleaved (interleaving on one connection would nest BEGINs); MySQL
 * runs them concurrently on the pool and relies on row locks and unique keys.
 *
 * `isolation: 'READ COMMITTED'` (MySQL; SQLite's queue is serial anyway) for a transaction that
 * counts rows after taking a lock: under MySQL's default REPEATABLE READ a plain SELECT reads the
 * snapshot of the transaction's first read, which may predate the lock and miss what the lock's
 * previous holder committed (e.g. the seats of a capped tier).
 */
export function inTransaction<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
  options: { isolation?: 'READ COMMITTED' } = {},
): Promise<T> {
  if (dataSource.options.type !== 'better-sqlite3') {
    const { isolation } = options;
    return withDeadlockRetry(() => (isolation ? dataSource.transaction(isolation, work) : dataSource.transaction(work)));
  }
  const previous = sqliteQueues.get(dataSource) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(() => dataSource.transaction(work));
  sqliteQueues.set(dataSource, next);
  return next;
}

/**
 * Runs `work`'s statements each on its own, outside any transaction (autocommit), for a write that
 * is one guarded statement: no BEGIN and COMMIT around it. On SQLite it waits its turn in
 * inTransaction's queue, since on the one connection a statement sent while another's transaction
 * is open would join that transaction and be lost with its rollback; MySQL runs it on the pool,
 * again after a deadlock.
 */
export function outsideTransaction<T>(dataSource: DataSource, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  if (dataSource.options.type !== 'better-sqlite3') return withDeadlockRetry(() => work(dataSource.manager));
  const previous = sqliteQueues.get(dataSource) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(() => work(dataSource.manager));
  sqliteQueues.set(dataSource, next);
  return next;
}

/**
 * Lock option for reading a row that the transaction will change: SELECT … FOR UPDATE on MySQL.
 * SQLite needs none (inTransaction runs its transactions one at a time) and TypeORM refuses one there.
 */
export function rowLock(manager: EntityManager): { mode: 'pessimistic_write' } | undefined {
  return manager.connection.options.type === 'better-sqlite3' ? undefined : { mode: 'pessimistic_write' };
}

const MAX_ATTEMPTS = 4;

function isDeadlock(error: unknown): boolean {
  const e = error as { code?: string; driverError?: { code?: string } };
  const code = e?.driverError?.code ?? e?.code;
  return code === 'ER_LOCK_DEADLOCK' || code === 'ER_LOCK_WAIT_TIMEOUT';
}

/**
 * MySQL resolves a deadlock by rolling one transaction back whole; running it again is the
 * documented remedy, and safe because nothing of the victim was committed.
 */
async function withDeadlockRetry<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await run();
    } catch (error) {
      if (!isDeadlock(error) || attempt >= MAX_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * attempt));
    }
  }
}

/** True when an insert failed on a unique key: the signal that a retried write already happened. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; driverError?: { code?: string } };
  const code = e?.driverError?.code ?? e?.code;
  return code === 'ER_DUP_ENTRY' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** MySQL returns BIGINT as a string (exactly); amounts here stay below 2^53, so numbers are safe. */
export const bigintColumn: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value === null || value === undefined ? value : Number(value)),
};

/** A DATETIME read raw (an aggregate such as MAX): SQLite answers UTC text without a zone, mysql2 a Date. */
export function fromRawDatetime(value: Date | string | null | undefined): Date | null {
  if (!value) return null;
  return value instanceof Date ? value : new Date(value.includes('Z') ? value : `${value.replace(' ', 'T')}Z`);
}
