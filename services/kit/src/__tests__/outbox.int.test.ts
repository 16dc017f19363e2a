import { openCommandDatabase, type CommandDatabase } from '../../../../test/harness/commandDatabase';
import { OUTBOX_ONLY_SCHEMA, outboxEvents } from '../../../../test/harness/outboxEvents';
import { inTransaction } from '../database';
import { createLogger } from '../logger';
import { createOutbox, enqueueOutboxEvent, enqueueOutboxEvents, type OutboxEvent } from '../outbox';

let db: CommandDatabase;
beforeEach(async () => {
  db = await openCommandDatabase(OUTBOX_ONLY_SCHEMA);
});
afterEach(() => db.close());

const enqueue = (type: string, key: string, payload: unknown) =>
  inTransaction(db.dataSource, (manager) => enqueueOutboxEvent(manager, { type, key, payload }));

describe('createOutbox', () => {
  it('hands a handler each run of one type in enqueue order, with id, type, version and payload', async () => {
    const seen: Array<Array<Pick<OutboxEvent, 'type' | 'version' | 'payload'>>> = [];
    const record = async (events: readonly OutboxEvent[]) =>
      void seen.push(events.map(({ type, version, payload }) => ({ type, version, payload })));
    const outbox = createOutbox({
      dataSource: db.dataSource,
      handlers: { a: record, b: record },
      logger: createLogger('t', 'silent'),
      intervalMs: 0,
    });
    const id = await enqueue('a', 'k', { n: 1 });
    await enqueue('a', 'k', { n: 2 });
    await enqueue('b', 'k', { n: 3 });
    await enqueue('a', 'k', { n: 4 });
    await enqueue('a', 'other', { n: 5 });
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    await outbox.deliverNow('k');
    expect(seen).toEqual([
      [
        { type: 'a', version: 1, payload: { n: 1 } },
        { type: 'a', version: 1, payload: { n: 2 } },
      ],
      [{ type: 'b', version: 1, payload: { n: 3 } }],
      [{ type: 'a', version: 1, payload: { n: 4 } }],
    ]);
    expect((await outboxEvents(db.dataSource, 'other')).map((e) => e.delivered)).toEqual([false]);
  });

  it('hands deliverNow’s known facts to a run made of the events they name alone, never to a run with another', async () => {
    const given: unknown[] = [];
    const outbox = createOutbox({
      dataSource: db.dataSource,
      handlers: { a: async (_events, known) => void given.push(known) },
      logger: createLogger('t', 'silent'),
      intervalMs: 0,
    });
    const own = await enqueue('a', 'k', {});
    await outbox.deliverNow('k', { eventIds: [own], facts: { read: 'once' } });
    // Another event of the key still pending (committed before or after the facts were read): the handler reads for itself.
    await enqueue('a', 'k', {});
    const second = await enqueue('a', 'k', {});
    await outbox.deliverNow('k', { eventIds: [second], facts: { read: 'twice' } });
    // The facts of events already delivered by someone else: nothing left to hand them to.
    await outbox.deliverNow('k', { eventIds: [own], facts: { read: 'late' } });
    expect(given).toEqual([{ read: 'once' }, undefined]);
    expect((await outboxEvents(db.dataSource, 'k')).map((e) => e.delivered)).toEqual([true, true, true]);
  });

  it('holds a key behind an event no handler knows, and backs off doubling up to the maximum', async () => {
    const outbox = createOutbox({
      dataSource: db.dataSource,
      handlers: { a: async () => undefined },
      logger: createLogger('t', 'silent'),
      intervalMs: 0,
      backoff: { initialMs: 1000, maxMs: 3000 },
    });
    await enqueue('unknown', 'k', {});
    await enqueue('a', 'k', {});
    const due = async () => (await db.dataSource.query('SELECT next_attempt_at AS at, last_error FROM outbox_events ORDER BY seq'))[0];
    for (const [attempt, delayMs] of [
      [1, 1000],
      [2, 2000],
      [3, 3000],
      [4, 3000],
    ]) {
      const before = Date.now();
      await outbox.deliverNow('k');
      const next = new Date(`${String((await due()).at).replace(' ', 'T')}Z`).getTime();
      expect(next - before).toBeGreaterThanOrEqual(delayMs - 5);
      expect(next - before).toBeLessThan(delayMs + 500);
      expect(await outboxEvents(db.dataSource, 'k')).toMatchObject([
        { type: 'unknown', delivered: false, attempts: attempt },
        { type: 'a', delivered: false, attempts: 0 },
      ]);
    }
    expect((await due()).last_error).toBe('no outbox handler for events of type unknown');
  });

  it('runs a dispatcher every intervalMs that delivers what deliverNow never got to, and stops', async () => {
    const delivered: unknown[] = [];
    const outbox = createOutbox({
      dataSource: db.dataSource,
      handlers: { a: async (events) => void delivered.push(...events.map((e) => e.payload)) },
      logger: createLogger('t', 'silent'),
      intervalMs: 20,
    });
    await enqueue('a', 'k1', 1);
    await enqueue('a', 'k2', 2);
    for (let i = 0; i < 100 && delivered.length < 2; i += 1) await new Promise((resolve) => setTimeout(resolve, 10));
    await outbox.stop();
    expect(delivered.sort()).toEqual([1, 2]);
    await enqueue('a', 'k3', 3);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(delivered).toHaveLength(2);
  });

  it('deliverSoon delivers in the background, one delivery of a key at a time: calls meanwhile coalesce into one batch after it', async () => {
    const batches: unknown[][] = [];
    let release!: () => void;
    const firstHeld = new Promise<void>((resolve) => (release = resolve));
    const outbox = createOutbox({
      dataSource: db.dataSource,
      handlers: {
        a: async (events) => {
          batches.push(events.map((e) => e.payload));
          if (batches.length === 1) await firstHeld;
        },
      },
      logger: createLogger('t', 'silent'),
      intervalMs: 0,
    });
    await enqueue('a', 'k', 1);
    outbox.deliverSoon('k');
    while (batches.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    // While the first delivery runs: two more events (one INSERT), each followed by a call.
    await inTransaction(db.dataSource, (manager) =>
      enqueueOutboxEvents(manager, [
        { type: 'a', key: 'k', payload: 2 },
        { type: 'a', key: 'k', payload: 3 },
      ]),
    );
    outbox.deliverSoon('k');
    outbox.deliverSoon('k');
    release();
    await outbox.stop(); // waits for the deliveries in progress
    expect(batches).toEqual([[1], [2, 3]]);
    expect((await outboxEvents(db.dataSource, 'k')).map((e) => e.delivered)).toEqual([true, true, true]);
  });

  it('deliverSoon leaves a key that failed to the dispatcher until its backoff has passed', async () => {
    let down = true;
    const calls: unknown[] = [];
    const outbox = createOutbox({
      dataSource: db.dataSource,
      handlers: {
        a: async (events) => {
          calls.push(events.map((e) => e.payload));
          if (down) throw new Error('peer down');
        },
      },
      logger: createLogger('t', 'silent'),
      intervalMs: 0,
      backoff: { initialMs: 60_000, maxMs: 60_000 },
    });
    await enqueue('a', 'k', 1);
    outbox.deliverSoon('k');
    await outbox.stop();
    await enqueue('a', 'k', 2);
    outbox.deliverSoon('k'); // within the backoff: not tried
    await outbox.stop();
    expect(calls).toEqual([[1]]);
    down = false;
    expect(await outbox.dispatch(new Date(Date.now() + 120_000))).toBe(1);
    expect(calls).toEqual([[1], [1, 2]]);
  });

  describe('deliverSoonTogether', () => {
    /** An outbox whose type `a` is delivered per key by `single` and many keys at once by `batch`. */
    const together = (
      single: string[][],
      batch: Array<Array<[string, unknown[]]>>,
      options: { failBatch?: () => boolean; held?: Promise<void> } = {},
    ) =>
      createOutbox({
        dataSource: db.dataSource,
        handlers: { a: async (events) => void single.push(events.map((e) => `${e.key}:${e.payload}`)), b: async () => undefined },
        batchHandlers: {
          a: {
            accepts: (event) => event.payload !== 'alone',
            deliver: async (runs) => {
              batch.push(runs.map((run) => [run.key, run.events.map((e) => e.payload)]));
              if (batch.length === 1) await options.held;
              if (options.failBatch?.()) throw new Error('refused');
            },
          },
        },
        logger: createLogger('t', 'silent'),
        intervalMs: 0,
      });

    it('delivers keys added while a batch runs in one next batch, and marks only the events it read', async () => {
      const single: string[][] = [];
      const batch: Array<Array<[string, unknown[]]>> = [];
      let release!: () => void;
      const outbox = together(single, batch, { held: new Promise<void>((resolve) => (release = resolve)) });
      await enqueue('a', 'k1', 1);
      outbox.deliverSoonTogether('a', 'k1');
      while (batch.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
      // While the first batch runs: k1 gets another event, three more keys theirs.
      for (const [key, payload] of [
        ['k1', 2],
        ['k2', 3],
        ['k3', 4],
        ['k4', 5],
      ] as const) {
        await enqueue('a', key, payload);
        outbox.deliverSoonTogether('a', key);
      }
      release();
      await outbox.stop();
      expect(batch).toEqual([
        [['k1', [1]]],
        [
          ['k1', [2]],
          ['k2', [3]],
          ['k3', [4]],
          ['k4', [5]],
        ],
      ]);
      expect(single).toEqual([]);
      for (const key of ['k1', 'k2', 'k3', 'k4']) expect((await outboxEvents(db.dataSource, key)).every((e) => e.delivered)).toBe(true);
    });

    it('leaves a key with another type or an event the batch does not accept to the per-key path', async () => {
      const single: string[][] = [];
      const batch: Array<Array<[string, unknown[]]>> = [];
      const outbox = together(single, batch);
      await enqueue('a', 'k1', 1);
      await enqueue('a', 'k2', 'alone');
      await enqueue('b', 'k3', 0);
      await enqueue('a', 'k3', 3);
      for (const key of ['k1', 'k2', 'k3']) outbox.deliverSoonTogether('a', key);
      await outbox.stop();
      expect(batch).toEqual([[['k1', [1]]]]);
      expect(single).toEqual([['k2:alone'], ['k3:3']]);
      for (const key of ['k1', 'k2', 'k3']) expect((await outboxEvents(db.dataSource, key)).every((e) => e.delivered)).toBe(true);
    });

    it('hands every key of a failed batch to the per-key path, marking nothing of the batch', async () => {
      const single: string[][] = [];
      const batch: Array<Array<[string, unknown[]]>> = [];
      const outbox = together(single, batch, { failBatch: () => true });
      await enqueue('a', 'k1', 1);
      await enqueue('a', 'k2', 2);
      outbox.deliverSoonTogether('a', 'k1');
      outbox.deliverSoonTogether('a', 'k2');
      await outbox.stop();
      expect(batch).toEqual([[['k1', [1]]], [['k2', [2]]]]);
      expect(single.sort()).toEqual([['k1:1'], ['k2:2']]);
      expect([...(await outboxEvents(db.dataSource, 'k1')), ...(await outboxEvents(db.dataSource, 'k2'))]).toMatchObject([
        { delivered: true, attempts: 0 },
        { delivered: true, attempts: 0 },
      ]);
    });
  });
});
