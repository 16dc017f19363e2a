import { randomUUID } from 'node:crypto';
import { EntitySchema, In, IsNull, Table, TableIndex, type DataSource, type EntityManager, type QueryRunner } from 'typeorm';
import type { Logger } from './logger';
import { metricsOf, observeOutbox } from './metrics';
import { findByPlainSql, queryByPlainSql } from './plainRead';
import { insertByPlainSql } from './plainWrite';
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
  const [id] = await enqueueOutboxEvents(manager, [event]);
  return id;
}

/**
 * Enqueues several events inside the caller's transaction with one multi-row INSERT (a change that
 * announces more than one thing pays one statement). Returns the event ids in order. Plain SQL
 * (insertByPlainSql): nearly every write enqueues, and the query builder cost more than the
 * statement; the generated seq is never read back.
 */
export async function enqueueOutboxEvents(manager: EntityManager, events: ReadonlyArray<NewOutboxEvent>): Promise<string[]> {
  const rows = events.map(newOutboxRow);
  await insertByPlainSql(manager, OutboxEventSchema, rows);
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
 * The event as a handler is given it, without storing it: for a delivery whose pending rows are not
 * outbox events (points' orders that carry their own announcements), so that the outbox's own
 * handlers deliver them exactly as they would the stored events (the payload as read back from JSON).
 */
export function asOutboxEvent<P>(event: NewOutboxEvent<P>): OutboxEvent {
  return toEvent(newOutboxRow(event));
}

/** Events (or rows) by their key, each key's in the order given: the runs a batch handler takes. */
export function byKey<E extends { key: string }>(events: readonly E[]): Map<string, E[]> {
  const keys = new Map<string, E[]>();
  for (const event of events) {
    const run = keys.get(event.key);
    if (run) run.push(event);
    else keys.set(event.key, [event]);
  }
  return keys;
}

/**
 * Delivers a run of one key's pending events of one type, oldest first: all of them, or throws
 * (then all are retried; handlers are idempotent, an outbox delivers at least once). A handler may
 * deliver a run as one message when its events only say "this changed". `known`: what the caller
 * of deliverNow read after committing every event of the run (see KnownToDelivery), or undefined.
 */
export type OutboxHandler = (events: ReadonlyArray<OutboxEvent>, known?: unknown) => Promise<void>;

/**
 * What the caller of deliverNow read after committing the events it names (e.g. the figures a report
 * sends): handed to the handler only for a run made of those events alone, so the handler need not
 * read it again. A run with any other event (committed later, or earlier and still pending) gets
 * none: the handler reads for itself, as it would without.
 */
export interface KnownToDelivery {
  eventIds: readonly string[];
  facts: unknown;
}

/**
 * Delivers many keys' pending events of one type at once (`deliverSoonTogether`): each key's run,
 * oldest first, all of them or throws. Like a handler, it may be called again for events it already
 * delivered (at least once), and may run beside the per-key delivery of the same key.
 */
export interface OutboxBatchHandler {
  deliver(runs: ReadonlyArray<{ key: string; events: ReadonlyArray<OutboxEvent> }>): Promise<void>;
  /** Whether an event may go in a batch; a key with any event that may not is left to the per-key path. */
  accepts?(event: OutboxEvent): boolean;
}

export interface OutboxOptions {
  dataSource: DataSource;
  /** One handler per event type. */
  handlers: Record<string, OutboxHandler>;
  logger: Logger;
  /** Per event type, a handler for many keys at once (`deliverSoonTogether`); its `handlers` entry still delivers one key. */
  batchHandlers?: Record<string, OutboxBatchHandler>;
  /** How often the dispatcher looks for due events (0: never; `deliverNow` and `dispatch` only). */
  intervalMs: number;
  /** Retry delay after a failed delivery: doubling from `initialMs` up to `maxMs`. */
  backoff?: { initialMs: number; maxMs: number };
  /** How background deliveries (`deliverSoon`, `deliverSoonTogether`, `runSoon`) gather events into batches; none: each starts at once. */
  batching?: OutboxBatching;
  /**
   * Tables whose rows carry announcements not yet in the outbox (points' orders: announceOrders.ts),
   * each with the condition of a pending row and its `created_at`: they count in the outbox's
   * pending and oldest-age gauges, so what is still to be announced shows wherever the outbox does.
   */
  carriers?: ReadonlyArray<PendingCarrier>;
}

/** A table whose rows carry pending announcements (OutboxOptions.carriers). */
export interface PendingCarrier {
  table: string;
  /** SQL condition of a row whose announcements are pending. */
  pending: string;
}

/**
 * The linger of background deliveries (`OUTBOX_BATCH_LINGER_MS`, `OUTBOX_BATCH_MAX`: readOutboxBatching).
 * A background delivery starts `lingerMs` after the first call it answers, not at once, so calls
 * that arrive meanwhile share its read, its call and its write; it starts early once `maxEvents`
 * calls wait (a full batch gains nothing by waiting) and at once while the outbox stops. Only work
 * done after a request's answer goes this way: `deliverNow` (what must show before the answer,
 * an upgrade among it) never waits.
 */
export interface OutboxBatching {
  lingerMs: number;
  maxEvents: number;
}

export interface Outbox {
  /** The same as `enqueueOutboxEvent`: enqueueing needs only the caller's transaction. */
  enqueue: typeof enqueueOutboxEvent;
  /**
   * After a commit: delivers the key's pending events now. Never throws; a failure is logged and left
   * to the dispatcher. `known`: what the caller already read for its own events (KnownToDelivery).
   */
  deliverNow(key: string, known?: KnownToDelivery): Promise<void>;
  /**
   * After a commit, without waiting: delivers the key's pending events in the background. Calls
   * while a delivery of the key runs coalesce into one more run after it, so under load a key's
   * events go out in batches (as many as pending then, up to a run's limit), one delivery at a time;
   * with `batching`, a run starts its linger after the first call it answers (or when enough calls
   * wait). After a failure the key is left to the dispatcher's backoff.
   */
  deliverSoon(key: string): void;
  /**
   * After a commit, without waiting: delivers the key's pending events, all of `type`, in the
   * background together with other keys' (the type's batch handler, up to 500 keys a call). One
   * flush runs at a time and keys added meanwhile go in the next (with `batching`, its linger after
   * the first of them), so under load many keys share a read, a call and a write. A key with another type or an event the handler does not accept
   * pending, and every key of a failed batch, go to `deliverSoon` (delivered alone, backing off
   * alone); without a batch handler for `type` it is `deliverSoon`.
   */
  deliverSoonTogether(type: string, key: string): void;
  /**
   * Runs `work` in the background the way a background delivery runs (named `name`): at most one at
   * a time, calls meanwhile make one more run after it, lingering as `batching` says, started at
   * once while the outbox stops, and `stop` waits for it. For a delivery of rows that carry their
   * own announcements (OutboxOptions.carriers); a failure is logged.
   */
  runSoon(name: string, work: () => Promise<unknown>): void;
  /**
   * One dispatcher pass over every key with due events, oldest first, but those a background
   * delivery of this process is about to carry (deliverSoon, deliverSoonTogether); returns how many keys it tried.
   */
  dispatch(now?: Date): Promise<number>;
  /**
   * Stops the dispatcher, waiting for a pass in progress, and ends the linger: background deliveries
   * still waiting start at once, and it returns when none runs (no timer is left behind).
   */
  stop(): Promise<void>;
}

const KEYS_PER_PASS = 100;
/** Events of one key read and delivered at once at most; more wait for the next delivery of the key. */
const EVENTS_PER_DELIVERY = 500;
/** Keys a batch handler is given at most. */
const KEYS_PER_BATCH = 500;
/** Events one batch reads at most; a batch that reads this many goes again for what it left. */
const EVENTS_PER_BATCH = 5000;

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
  observeOutbox(dataSource, [{ table: TABLE, pending: 'delivered_at IS NULL' }, ...(options.carriers ?? [])]);
  const deliveries = metricsOf(dataSource)?.outboxDeliveries;

  // Every delivery reads its keys' pending events and marks those it delivered: plain SQL (the kit's
  // findByPlainSql), since find()'s and update()'s query building cost more CPU than the statements.
  /** The keys' pending events, oldest first, at most `limit`. */
  const pendingOf = (keys: readonly string[], limit: number): Promise<OutboxRow[]> =>
    findByPlainSql(dataSource, OutboxEventSchema, `WHERE event_key IN (:...keys) AND delivered_at IS NULL ORDER BY seq LIMIT ${limit}`, {
      keys: [...keys],
    });
  /** Marks exactly these events delivered (one another delivery marked first keeps its time). */
  async function markDelivered(ids: readonly string[]): Promise<void> {
    await queryByPlainSql(dataSource, `UPDATE ${TABLE} SET delivered_at = :at WHERE id IN (:...ids) AND delivered_at IS NULL`, {
      at: new Date(),
      ids: [...ids],
    });
  }

  /** Delivers the key's oldest pending events (at most EVENTS_PER_DELIVERY); returns how many it read. */
  async function deliverKey(key: string, known?: KnownToDelivery): Promise<number> {
    // Read what is pending first: a handler that sends current figures then covers every change they announced.
    const pending = await pendingOf([key], EVENTS_PER_DELIVERY);
    for (const run of runsOfOneType(pending)) {
      const ids = run.map((row) => row.id);
      try {
        const handler = handlers[run[0].type];
        if (!handler) throw new Error(`no outbox handler for events of type ${run[0].type}`);
        const covered = known !== undefined && ids.every((id) => known.eventIds.includes(id));
        await handler(run.map(toEvent), covered ? known.facts : undefined);
      } catch (error) {
        deliveries?.inc({ outcome: 'failed' }, run.length);
        await recordFailure(key, ids, run[0].attempts + 1, error);
        throw error;
      }
      await markDelivered(ids);
      deliveries?.inc({ outcome: 'delivered' }, run.length);
    }
    return pending.length;
  }

  // Every background delivery (a key's for deliverSoon, a type's batch for deliverSoonTogether) is
  // one flush: at most one runs at a time, calls meanwhile make one more after it, and the next
  // starts `lingerMs` after the first call waiting for it (OutboxBatching), so under load it carries
  // what arrived while the last one ran and during the linger, not only the former.
  const lingerMs = options.batching?.lingerMs ?? 0;
  const maxEvents = Math.max(1, options.batching?.maxEvents ?? 1);
  let stopping = false;
  interface Flush {
    run: () => Promise<void>;
    /** Calls waiting for the next run, and when the first of them came. */
    waiting: number;
    since: number;
    timer: NodeJS.Timeout | null;
    running: Promise<void> | null;
  }
  const flushes = new Map<string, Flush>();
  function flushSoon(id: string, run: () => Promise<void>): void {
    let flush = flushes.get(id);
    if (!flush) flushes.set(id, (flush = { run, waiting: 0, since: 0, timer: null, running: null }));
    if (flush.waiting++ === 0) flush.since = Date.now();
    if (!flush.running) schedule(id, flush);
  }
  function schedule(id: string, flush: Flush): void {
    const wait = stopping || flush.waiting >= maxEvents ? 0 : flush.since + lingerMs - Date.now();
    if (wait <= 0) return startFlush(id, flush);
    if (flush.timer) return;
    flush.timer = setTimeout(() => startFlush(id, flush), wait);
    // The events are stored: an exiting process leaves them to the next start's dispatcher.
    flush.timer.unref();
  }
  function startFlush(id: string, flush: Flush): void {
    if (flush.timer) clearTimeout(flush.timer);
    flush.timer = null;
    flush.waiting = 0;
    flush.running = (async () => {
      try {
        await flush.run();
      } finally {
        flush.running = null;
        if (flush.waiting > 0) schedule(id, flush);
        else flushes.delete(id);
      }
    })();
  }

  // deliverSoon: when a key that failed may be tried again.
  const failedUntil = new Map<string, number>();
  function deliverSoon(key: string): void {
    if ((failedUntil.get(key) ?? 0) > Date.now()) return;
    flushSoon(`key:${key}`, async () => {
      // Calls that waited through a failed run are left to the dispatcher's backoff too.
      if ((failedUntil.get(key) ?? 0) > Date.now()) return;
      try {
        // A full read leaves more behind: go on at once.
        while ((await deliverKey(key)) >= EVENTS_PER_DELIVERY);
        failedUntil.delete(key);
      } catch (error) {
        failedUntil.set(key, Date.now() + backoff.initialMs);
        logger.warn({ err: error, key }, 'outbox events not delivered yet; the dispatcher will retry');
      }
    });
  }

  // deliverSoonTogether: per type, the keys waiting for the type's next batch.
  const batchKeys = new Map<string, Set<string>>();
  /** Keys a running batch carries. */
  const batching = new Set<string>();
  function deliverSoonTogether(type: string, key: string): void {
    const handler = options.batchHandlers?.[type];
    if (!handler) return deliverSoon(key);
    let keys = batchKeys.get(type);
    if (!keys) batchKeys.set(type, (keys = new Set()));
    keys.add(key);
    const queued = keys;
    flushSoon(`type:${type}`, async () => {
      // More keys than one batch takes: the rest go at once, they waited their linger.
      do {
        const batch = [...queued].slice(0, KEYS_PER_BATCH);
        for (const k of batch) {
          queued.delete(k);
          batching.add(k);
        }
        await deliverBatch(type, handler, batch)
          .catch((error: unknown) => {
            logger.warn({ err: error, type }, 'outbox batch not delivered; its keys go one by one');
            for (const k of batch) deliverSoon(k);
          })
          .finally(() => batch.forEach((k) => batching.delete(k)));
      } while (queued.size >= KEYS_PER_BATCH);
    });
  }
  /**
   * Whether a background delivery of this process waits to carry the key's events or carries them
   * now (deliverSoon, deliverSoonTogether): the dispatcher leaves such a key to it. Every event is
   * due the moment it is enqueued, so without this the dispatcher's pass read, one key at a time,
   * the events a batch was about to deliver within its linger (most of what it read under load).
   */
  function carriedInBackground(key: string): boolean {
    if (flushes.has(`key:${key}`) || batching.has(key)) return true;
    for (const keys of batchKeys.values()) if (keys.has(key)) return true;
    return false;
  }

  /** One read of the keys' pending events, one batch call, one write marking exactly the events read. */
  async function deliverBatch(type: string, handler: OutboxBatchHandler, keys: string[]): Promise<void> {
    const pending = await pendingOf(keys, EVENTS_PER_BATCH);
    const rowsByKey = byKey(pending);
    const runs: Array<{ key: string; events: OutboxEvent[] }> = [];
    for (const [key, keyRows] of rowsByKey) {
      const events = keyRows.map(toEvent);
      if (events.every((event) => event.type === type && (handler.accepts?.(event) ?? true))) runs.push({ key, events });
      else deliverSoon(key);
    }
    if (runs.length) {
      const count = runs.reduce((n, run) => n + run.events.length, 0);
      try {
        await handler.deliver(runs);
      } catch (error) {
        deliveries?.inc({ outcome: 'failed' }, count);
        throw error;
      }
      const ids = runs.flatMap((run) => run.events.map((event) => event.id));
      await markDelivered(ids);
      deliveries?.inc({ outcome: 'delivered' }, count);
    }
    // A read cut short left some keys' later events behind: they go in the next flush.
    if (pending.length >= EVENTS_PER_BATCH) for (const key of rowsByKey.keys()) deliverSoonTogether(type, key);
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
    let tried = 0;
    for (const { event_key: key } of due) {
      if (carriedInBackground(key)) continue;
      tried += 1;
      await deliverKey(key).catch((error: unknown) => logger.warn({ err: error, key }, 'outbox delivery failed; will retry'));
    }
    return tried;
  }

  const dispatcher = runEvery(
    options.intervalMs,
    async () => void (await dispatch()),
    (error) => logger.warn({ err: error }, 'outbox dispatcher pass failed; will retry'),
  );

  return {
    enqueue: enqueueOutboxEvent,
    deliverNow: (key, known) =>
      deliverKey(key, known).then(
        () => undefined,
        (error: unknown) => logger.warn({ err: error, key }, 'outbox events not delivered yet; the dispatcher will retry'),
      ),
    deliverSoon,
    deliverSoonTogether,
    runSoon: (name, work) =>
      flushSoon(`run:${name}`, () =>
        work().then(
          () => undefined,
          (error: unknown) => logger.warn({ err: error, name }, 'background outbox work failed; it runs again when asked or swept'),
        ),
      ),
    dispatch,
    stop: async () => {
      // Nothing lingers from here on: what waits starts now, and so does what a flush hands on
      // (a failed batch's keys), until no flush runs; a stopped outbox leaves no timer behind.
      stopping = true;
      await dispatcher.stop();
      for (let active = [...flushes.values()]; active.length; active = [...flushes.values()]) {
        for (const [id, flush] of flushes) if (!flush.running) startFlush(id, flush);
        await Promise.all(active.map((flush) => flush.running));
      }
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
