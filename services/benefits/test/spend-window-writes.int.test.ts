import { inTransaction } from '../../kit/src';
import { openCommandDatabase, type CommandDatabase } from '../../../test/harness/commandDatabase';
import { recordSpendStats } from '../src/commands/recordSpendStats';
import { benefitsSchema } from '../src/db/data-source';
import { findSpendWindows } from '../src/db/memberSpend';

/*
 * A member's spend window sent by points (RecordSpendStats) is written on its own, never inside
 * another request's transaction: on SQLite's one connection it would join that transaction and be
 * lost with its rollback, while points had been told it was kept and marked its events delivered.
 */

let db: CommandDatabase;
beforeEach(async () => {
  db = await openCommandDatabase(benefitsSchema);
});
afterEach(() => db.close());

const MEMBER = '11111111-1111-4111-8111-111111111111';
const windowOf = (asOfMs: number, netFen: number) => ({
  memberId: MEMBER,
  asOf: new Date(asOfMs),
  windowMs: 365 * 86_400_000,
  orders: [{ orderedAtMs: asOfMs - 1_000, netFen, counted: true }],
});

it('keeps a window written while another request’s transaction is open, after that transaction rolls back', async () => {
  const now = Date.now();
  await recordSpendStats(db.dataSource, [windowOf(now - 10_000, 100)]);
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const refused = inTransaction(db.dataSource, async (manager) => {
    await manager.query('SELECT 1');
    await held; // a checkout's transaction, waiting on a peer
    throw new Error('refused: rolled back');
  }).catch((error: Error) => error.message);
  await new Promise((resolve) => setTimeout(resolve, 20));
  const written = recordSpendStats(db.dataSource, [windowOf(now, 99_999)]);
  release();
  expect(await refused).toBe('refused: rolled back');
  await written;
  const [kept] = await findSpendWindows(db.dataSource, [MEMBER]);
  expect(kept?.orders[0].netFen).toBe(99_999);
});
