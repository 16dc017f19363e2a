import { randomUUID } from 'node:crypto';
import { EntitySchema, In, IsNull, Table, TableIndex, type DataSource, type EntityManager, type QueryRunner } from 'typeorm';
import type { Logger } from './logger';
import { metricsOf, observeOutbox } from './metrics';
import { runEvery } from './schedule';

/**
 * One event in a service's transactional outbox: written in the transaction of the change it
 * announces, delivered after the commit and retried until its handler succeeds. `type`, `version`
 * and a JSON `payload` describe it fully, so a broker can carry it later without callers changing;
 * `key` orders delivery (events of one key are delivered in the order they were enqueued).
 */
export interface OutboxEvent<P = unknown> {
  id: string;
  type: string;
  version: number;
  key: string;
  payload: P;
  createdAt: Date;
}

/** The stored row: the event plus its delivery state (`seq`, the enqueue order, is generated). */
export interface OutboxRow {
  seq?: number;
  id: string;
  type: string;
  version: number;
  key: string;
  payload: string;
  createdAt: Date;
  deliveredAt: Date | null;
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
}

const TABLE = 'outbox_events';

/**
 * The outbox table, an infrastructure table every service with an outbox lists among its
 * entities (and creates with `createOutboxTable` in a migration). `seq` is the enqueue order.
 */
export const OutboxEventSchema = new EntitySchema<OutboxRow>({
  name: 'OutboxEvent',
  tableName: TABLE,
  columns: {
    seq: { type: 'bigint', primary: true, generated: 'increment' },
    id: { type: 'varchar', length: 36, unique: true },
    type: { type: 'varchar', length: 64 },
    version: { type: 'int' },
    key: { name: 'event_key', type: 'varchar', length: 64 },
    payload: { type: 'text' },
    createdAt: { name: 'created_at', type: 'datetime', precision: 3 },
    deliveredAt: { name: 'delivered_at', type: 'datetime', precision: 3, nullable: true },
    attempts: { type: 'int' },
    nextAttemptAt: { name: 'next_attempt_at', type: 'datetime', precision: 3 },
    lastError: { name: 'last_error', type: 'varchar', length: 255, nullable: true },
  },
});

/** Creates the outbox table; call it from one of the service's migrations (`dropOutboxTable` in its `down`). */
export async function createOutboxTable(queryRunner: QueryRunner): Promise<void> {
  // SQLite allows AUTOINCREMENT only on INTEGER (which is 64-bit there); MySQL needs BIGINT for 64 bits.
  const seqType = queryRunner.connection.options.type === 'mysql' ? 'bigint' : 'integer';
  await queryRunner.createTable(
    new Table({
      name: TABLE,
      columns: [
        { name: 'seq', type: seqType, isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
        { name: 'id', type: 'varchar', length: '36', isUnique: true },
        { name: 'type', type: 'varchar', length: '64' },
        { name: 'version', type: 'int' },
        { name: 'event_key', type: 'varchar', length: '64' },
        { name: 'payload', type: 'text' },
        { name: 'created_at', type: 'datetime', precision: 3 },
        { name: 'delivered_at', type: 'datetime', precision: 3, isNullable: true },
        { name: 'attempts', type: 'int', default: 0 },
        { name: 'next_attempt_at', type: 'datetime', precision: 3 },
        { name: 'last_error', type: 'varchar', length: '255', isNullable: true },
      ],
    }),
  );
  // The dispatcher's scan (pending and due) and a key's pending events, oldest first.
  await queryRunner.createIndex(TABLE, new TableIndex({ name: 'idx_outbox_events_due', columnNames: ['delivered_at', 'next_attempt_at'] }));
  await queryRunner.createIndex(
    TABLE,
    new TableIndex({ name: 'idx_outbox_events_key', columnNames: ['event_key', 'delivered_at', 'seq'] }),
  );
}

export async function dropOutboxTable(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.dropTable(TABLE);
}

export interface NewOutboxEvent<P = unknown> {
  type: string;
  key: string;
  payload: P;
  /** The payload's schema version (1 unless the payload changed shape). */
  version?: number;
  /** When the change happened (now by default). */
  at?: Date;
}

/**
 * Enqueues an event inside the caller's transaction (`manager`), so the change and its
 * announcement commit or roll back together. Returns the event id.
 */
export async function enqueueOutboxEvent<P>(manager: EntityManager, event: NewOutboxEvent<P>): Promise<string> {
  const row = newOutboxRow(event);
  // The generated seq is never needed back: no re-read after the insert.
  await manager.createQueryBuilder().insert().into(OutboxEventSchema).values(row).updateEntity(false).execute();
  return row.id;
}

/**
 * Enqueues several events inside the caller's transaction with one multi-row INSERT (a change that
 * announces more than one thing pays one statement). Returns the event ids in order.
 */
export async function enqueueOutboxEvents(manager: EntityManager, events: ReadonlyArray<NewOutboxEvent>): Promise<string[]> {
  const rows = events.map(newOutboxRow);
  if (rows.length) await manager.createQueryBuilder().insert().into(OutboxEventSchema).values(rows).updateEntity(false).execute();
  return rows.map((row) => row.id);
}

/** The row an event is stored as, pending and due at once (the benchmark's seeder writes these too). */
export function newOutboxRow<P>(event: NewOutboxEvent<P>): OutboxRow {
  const at = event.at ?? new Date();
  return {
    id: randomUUID(),
    type: event.type,
    version: event.version ?? 1,
    key: event.key,
    payload: JSON.stringify(event.payload),
    createdAt: at,
    deliveredAt: null,
    attempts: 0,
    nextAttemptAt: at,
    lastError: null,
  };
}

/**
 * Delivers a run of one key's pending events of one type, oldest first: all of them, or throws
 * (then all are retried; handlers are idempotent, an outbox delivers at least once). A handler may
 * deliver a run as one message when its events only say "this changed".
 */
export type OutboxHandler = (events: ReadonlyArray<OutboxEvent>) => Promise<void>;

export interface OutboxOptions {
  dataSource: DataSource;
  /** One handler per event type. */
  handlers: Record<string, OutboxHandler>;
  logger: Logger;
  /** How often the dispatcher looks for due events (0: never; `deliverNow` and `dispatch` only). */
  intervalMs: number;
  /** Retry delay after a failed delivery: doubling from `initialMs` up to `maxMs`. */
  backoff?: { initialMs: number; maxMs: number };
}

export interface Outbox {
  /** The same as `enqueueOutboxEvent`: enqueueing needs only the caller's transaction. */
  enqueue: typeof enqueueOutboxEvent;
  /** After a commit: delivers the key's pending events now. Never throws; a failure is logged and left to the dispatcher. */
  deliverNow(key: string): Promise<void>;
  /**
   * After a commit, without waiting: delivers the key's pending events in the background. Calls
   * while a delivery of the key runs coalesce into one more run after it, so under load a key's
   * events go out in batches (as many as pending then, up to a run's limit), one delivery at a time;
   * after a failure the key is left to the dispatcher's backoff.
   */
  deliverSoon(key: string): void;
  /** One dispatcher pass over every key with due events, oldest first; returns how many keys it tried. */
  dispatch(now?: Date): Promise<number>;
  /** Stops the dispatcher, waiting for a pass in progress. */
  stop(): Promise<void>;
}

const KEYS_PER_PASS = 100;
/** Events of one key read and delivered at once at most; more wait for the next delivery of the key. */
const EVENTS_PER_DELIVERY = 500;

/**
 * A service's transactional outbox: `enqueue` in the transaction of a change, `deliverNow` after
 * its commit (so effects show at once), and a dispatcher that retries what is still pending with
 * backoff. Events of one key are delivered in enqueue order and a failed event holds back the
 * later ones of its key, so a receiver never sees them out of order.
 */
export function createOutbox(options: OutboxOptions): Outbox {
  const { dataSource, handlers, logger } = options;
  const backoff = options.backoff ?? { initialMs: 1000, maxMs: 60_000 };
  const rows = () => dataSource.getRepository(OutboxEventSchema);
  observeOutbox(dataSource, TABLE);
  const deliveries = metricsOf(dataSource)?.outboxDeliveries;

  /** Delivers the key's oldest pending events (at most EVENTS_PER_DELIVERY); returns how many it read. */
  async function deliverKey(key: string): Promise<number> {
    // Read what is pending first: a handler that sends current figures then covers every change they announced.
    const pending = await rows().find({ where: { key, deliveredAt: IsNull() }, order: { seq: 'ASC' }, take: EVENTS_PER_DELIVERY });
    for (const run of runsOfOneType(pending)) {
      const ids = run.map((row) => row.id);
      try {
        const handler = handlers[run[0].type];
        if (!handler) throw new Error(`no outbox handler for events of type ${run[0].type}`);
        await handler(run.map(toEvent));
      } catch (error) {
        deliveries?.inc({ outcome: 'failed' }, run.length);
        await recordFailure(key, ids, run[0].attempts + 1, error);
        throw error;
      }
      await rows().update({ id: In(ids), deliveredAt: IsNull() }, { deliveredAt: new Date() });
      deliveries?.inc({ outcome: 'delivered' }, run.length);
    }
    return pending.length;
  }

  // deliverSoon: per key, whether another run is wanted after the one in progress; and when a failed key may be tried again.
  const inProgress = new Map<string, { again: boolean; done: Promise<void> }>();
  const failedUntil = new Map<string, number>();
  function deliverSoon(key: string): void {
    const running = inProgress.get(key);
    if (running) return void (running.again = true);
    if ((failedUntil.get(key) ?? 0) > Date.now()) return;
    const state = { again: true, done: Promise.resolve() };
    state.done = (async () => {
      try {
        while (state.again) {
          state.again = false;
          // A full read leaves more behind: go on at once.
          if ((await deliverKey(key)) >= EVENTS_PER_DELIVERY) state.again = true;
        }
        failedUntil.delete(key);
      } catch (error) {
        failedUntil.set(key, Date.now() + backoff.initialMs);
        logger.warn({ err: error, key }, 'outbox events not delivered yet; the dispatcher will retry');
      } finally {
        inProgress.delete(key);
      }
    })();
    inProgress.set(key, state);
  }

  async function recordFailure(key: string, ids: string[], attempts: number, error: unknown): Promise<void> {
    const delayMs = Math.min(backoff.maxMs, backoff.initialMs * 2 ** Math.min(attempts - 1, 30));
    const message = (error instanceof Error ? error.message : String(error)).slice(0, 255);
    await rows().increment({ id: In(ids) }, 'attempts', 1);
    // The whole key waits, not just the failed run (its later events must not overtake it), until the
    // backoff passes or a new event of the key arrives and is delivered after a commit anyway.
    await rows().update({ key, deliveredAt: IsNull() }, { nextAttemptAt: new Date(Date.now() + delayMs), lastError: message });
  }

  async function dispatch(now = new Date()): Promise<number> {
    const due: Array<{ event_key: string }> = await rows()
      .createQueryBuilder('e')
      .select('e.event_key', 'event_key')
      .where('e.delivered_at IS NULL')
      .groupBy('e.event_key')
      .having('MIN(e.next_attempt_at) <= :now', { now })
      .orderBy('MIN(e.seq)')
      .limit(KEYS_PER_PASS)
      .getRawMany();
    for (const { event_key: key } of due) {
      await deliverKey(key).catch((error: unknown) => logger.warn({ err: error, key }, 'outbox delivery failed; will retry'));
    }
    return due.length;
  }

  const dispatcher = runEvery(
    options.intervalMs,
    async () => void (await dispatch()),
    (error) => logger.warn({ err: error }, 'outbox dispatcher pass failed; will retry'),
  );

  return {
    enqueue: enqueueOutboxEvent,
    deliverNow: (key) =>
      deliverKey(key).then(
        () => undefined,
        (error: unknown) => logger.warn({ err: error, key }, 'outbox events not delivered yet; the dispatcher will retry'),
      ),
    deliverSoon,
    dispatch,
    stop: async () => {
      await dispatcher.stop();
      await Promise.all([...inProgress.values()].map((state) => state.done));
    },
  };
}

function toEvent(row: OutboxRow): OutboxEvent {
  return { id: row.id, type: row.type, version: row.version, key: row.key, payload: JSON.parse(row.payload), createdAt: row.createdAt };
}

/** Consecutive events of the same type, in order. */
function runsOfOneType(pending: OutboxRow[]): OutboxRow[][] {
  const runs: OutboxRow[][] = [];
  for (const row of pending) {
    const last = runs[runs.length - 1];
    if (last && last[0].type === row.type) last.push(row);
    else runs.push([row]);
  }
  return runs;
}
