import { OUTBOX_ONLY_SCHEMA, outboxEvents } from '../../../../test/harness/outboxEvents';
import { openServiceTestDatabase, type ServiceTestDatabase } from '../../../../test/harness/serviceTestDatabase';
import { inTransaction } from '../database';
import { createLogger } from '../logger';
import { createOutbox, enqueueOutboxEvent, type OutboxBatching, type OutboxEvent } from '../outbox';

/*
 * The linger of the outbox's background deliveries (OutboxBatching), on the database the suite runs
 * on (SQLite, or MySQL with DATABASE_URL): calls within the linger share one read, one handler call
 * and one write; a full batch does not wait; stop() starts what lingers and leaves nothing behind;
 * a failed batch still falls back to its keys one by one, and a failed key to the dispatcher; the
 * dispatcher leaves what a background delivery is about to carry to it.
 */

let db: ServiceTestDatabase;
beforeAll(async () => {
  db = await openServiceTestDatabase(OUTBOX_ONLY_SCHEMA);
});
afterAll(() => db?.close());
beforeEach(() => db.dataSource.query('DELETE FROM outbox_events'));

const enqueue = (type: string, key: string, payload: unknown) =>
  inTransaction(db.dataSource, (manager) => enqueueOutboxEvent(manager, { type, key, payload }));
/** Longer than any test: a delivery that starts did not wait for the linger to end. */
const LONG = 600_000;
/** Until `done()` holds: delivery happens in the background (no timed assertion: a test that never gets there times out). */
async function until(done: () => boolean | Promise<boolean>): Promise<void> {
  while (!(await done())) await new Promise((resolve) => setTimeout(resolve, 5));
}
const allDelivered = async (keys: string[]) => {
  for (const key of keys) if (!(await outboxEvents(db.dataSource, key)).every((e) => e.delivered)) return false;
  return true;
};

/** An outbox whose type `a` goes per key to `single` (failing while `down` names the key) and many keys at once to `batch`. */
function outboxWith(batching: OutboxBatching, options: { down?: Set<string>; failBatch?: boolean } = {}) {
  const single: unknown[][] = [];
  const batch: Array<Array<[string, unknown[]]>> = [];
  const outbox = createOutbox({
    dataSource: db.dataSource,
    handlers: {
      a: async (events: readonly OutboxEvent[]) => {
        if (options.down?.has(events[0].key)) throw new Error('peer down');
        single.push(events.map((e) => e.payload));
      },
    },
    batchHandlers: {
      a: {
        deliver: async (runs) => {
          if (options.failBatch) throw new Error('refused');
          batch.push(runs.map((run) => [run.key, run.events.map((e) => e.payload)]));
        },
      },
    },
    logger: createLogger('t', 'silent'),
    intervalMs: 0,
    batching,
  });
  return { outbox, single, batch };
}

describe('the outbox’s linger (OutboxBatching)', () => {
  it('deliverSoonTogether: keys asked for within the linger go in one batch, one read and one write for all', async () => {
    const { outbox, batch, single } = outboxWith({ lingerMs: 20, maxEvents: 500 });
    for (const key of ['k1', 'k2', 'k3']) await enqueue('a', key, key);
    const before = db.queries.count;
    // Without a linger the first call would start a batch of k1 alone, and k2 and k3 go in the next.
    for (const key of ['k1', 'k2', 'k3']) outbox.deliverSoonTogether('a', key);
    // Waited for without a statement (the count is the delivery's alone); stop() waits for its write.
    await until(() => batch.length > 0);
    await outbox.stop();
    expect(db.queries.count - before).toBe(2);
    expect(await allDelivered(['k1', 'k2', 'k3'])).toBe(true);
    expect(batch).toEqual([
      [
        ['k1', ['k1']],
        ['k2', ['k2']],
        ['k3', ['k3']],
      ],
    ]);
    expect(single).toEqual([]);
  });

  it('deliverSoon: a shared key’s events announced within the linger go in one delivery (one read, one handler call, one write)', async () => {
    const { outbox, single } = outboxWith({ lingerMs: 20, maxEvents: 500 });
    for (const n of [1, 2, 3]) await enqueue('a', 'shared', n);
    const before = db.queries.count;
    // Without a linger: a delivery of all three, then a second read that finds nothing left.
    for (let i = 0; i < 3; i++) outbox.deliverSoon('shared');
    await until(() => single.length > 0);
    await outbox.stop();
    expect(db.queries.count - before).toBe(2);
    expect(single).toEqual([[1, 2, 3]]);
    expect(await allDelivered(['shared'])).toBe(true);
  });

  it('a full batch starts before the linger ends, and stop() starts what still lingers', async () => {
    const { outbox, batch, single } = outboxWith({ lingerMs: LONG, maxEvents: 3 });
    // Each key committed and announced on its own, as earns are: the third fills the batch.
    for (const key of ['k1', 'k2', 'k3']) {
      await enqueue('a', key, key);
      outbox.deliverSoonTogether('a', key);
    }
    await until(() => allDelivered(['k1', 'k2', 'k3']));
    expect(batch).toEqual([
      [
        ['k1', ['k1']],
        ['k2', ['k2']],
        ['k3', ['k3']],
      ],
    ]);
    // One more key and a shared key: they would linger for ten minutes; stopping delivers them now.
    await enqueue('a', 'k4', 'k4');
    outbox.deliverSoonTogether('a', 'k4');
    await enqueue('a', 'shared', 1);
    outbox.deliverSoon('shared');
    expect(await allDelivered(['k4', 'shared'])).toBe(false);
    await outbox.stop();
    expect(await allDelivered(['k1', 'k2', 'k3', 'k4', 'shared'])).toBe(true);
    expect(batch).toEqual([expect.any(Array), [['k4', ['k4']]]]);
    expect(single).toEqual([[1]]);
  });

  it('a failed batch still hands its keys to the per-key path, and a key that fails there to the dispatcher', async () => {
    const down = new Set(['k2']);
    const { outbox, single } = outboxWith({ lingerMs: 20, maxEvents: 500 }, { down, failBatch: true });
    await enqueue('a', 'k1', 1);
    await enqueue('a', 'k2', 2);
    outbox.deliverSoonTogether('a', 'k1');
    outbox.deliverSoonTogether('a', 'k2');
    await until(async () => (await outboxEvents(db.dataSource, 'k2'))[0].attempts === 1);
    await until(() => allDelivered(['k1']));
    expect(single).toEqual([[1]]);
    expect(await outboxEvents(db.dataSource, 'k2')).toMatchObject([{ delivered: false, attempts: 1 }]);
    down.clear();
    // Once k2's failed delivery has ended (its attempt is counted a moment before), the dispatcher takes it, once.
    await until(async () => (await outbox.dispatch(new Date(Date.now() + 120_000))) === 1);
    expect(single).toEqual([[1], [2]]);
    await outbox.stop();
  });

  it('deliverNow never lingers: what must show before an answer is delivered when it returns', async () => {
    const { outbox, single } = outboxWith({ lingerMs: LONG, maxEvents: 500 });
    await enqueue('a', 'k1', 1);
    await outbox.deliverNow('k1');
    expect(single).toEqual([[1]]);
    await outbox.stop();
  });
  it('the dispatcher leaves a key a background delivery waits to carry, or carries now, to it; the rest it delivers', async () => {
    const { outbox, batch, single } = outboxWith({ lingerMs: LONG, maxEvents: 500 });
    for (const key of ['together', 'alone', 'nobody']) await enqueue('a', key, key);
    outbox.deliverSoonTogether('a', 'together');
    outbox.deliverSoon('alone');
    // Both wait out their linger: a pass now tries only the key no delivery is about to carry.
    expect(await outbox.dispatch()).toBe(1);
    expect(single).toEqual([['nobody']]);
    expect(await allDelivered(['together', 'alone'])).toBe(false);
    // The lingering deliveries carry their keys themselves, each once.
    await outbox.stop();
    expect(batch).toEqual([[['together', ['together']]]]);
    expect(single).toEqual([['nobody'], ['alone']]);
    expect(await allDelivered(['together', 'alone', 'nobody'])).toBe(true);
  });
});
