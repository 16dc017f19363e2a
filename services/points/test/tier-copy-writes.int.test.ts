import { inTransaction } from '../../kit/src';
import { keepTierCopies, readTierCopy } from '../src/db/memberTiers';
import { openPointsCommands, type PointsCommands } from './commandFixture';

/*
 * A tier change delivered to points (RecordMemberTiers, an activity report's answer) is written
 * on its own, never inside another request's transaction: on SQLite's one connection it would
 * join that transaction and be lost with its rollback, while member had been told it was kept.
 */

let c: PointsCommands;
beforeEach(async () => {
  c = await openPointsCommands();
});
afterEach(() => c.close());

const MEMBER = '11111111-1111-4111-8111-111111111111';
const copy = (tierId: string, tierVersion: number) => ({ memberId: MEMBER, tierId, tierVersion, granted: false, grantExpiresAt: null });

it('keeps a copy written while another request’s transaction is open, after that transaction rolls back', async () => {
  await keepTierCopies(c.dataSource, [copy('SILVER', 1)]);
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const refused = inTransaction(c.dataSource, async (manager) => {
    await manager.query('SELECT 1');
    await held; // another request's transaction, waiting on a peer or a lock
    throw new Error('refused: rolled back');
  }).catch((error: Error) => error.message);
  await new Promise((resolve) => setTimeout(resolve, 20));
  const written = keepTierCopies(c.dataSource, [copy('GOLD', 2)]);
  release();
  expect(await refused).toBe('refused: rolled back');
  await written;
  expect(await readTierCopy(c.dataSource, MEMBER)).toMatchObject({ tierId: 'GOLD', tierVersion: 2 });
});

it('in a transaction it is given, it stays that transaction’s: gone with its rollback', async () => {
  await keepTierCopies(c.dataSource, [copy('SILVER', 1)]);
  await expect(
    inTransaction(c.dataSource, async (manager) => {
      await keepTierCopies(manager, [copy('GOLD', 2)]);
      throw new Error('rolled back');
    }),
  ).rejects.toThrow('rolled back');
  expect(await readTierCopy(c.dataSource, MEMBER)).toMatchObject({ tierId: 'SILVER', tierVersion: 1 });
});
