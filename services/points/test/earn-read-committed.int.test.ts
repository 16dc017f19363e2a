import type { DataSource } from 'typeorm';
import { openServiceTestDatabase } from '../../../test/harness/serviceTestDatabase';
import { planBurn, planEarn } from '../src/domain/account';
import { pointsSchema } from '../src/db/data-source';
import { readEarnState } from '../src/db/earnState';
import { LedgerEntry } from '../src/db/entities/LedgerEntry';
import { PointsAccount } from '../src/db/entities/PointsAccount';
import { applyPlan, ensureAccount, inAccountTransaction, openLots } from '../src/db/ledger';

/*
 * An earn plans from the account it read before its transaction, guarded by that account's version
 * (inAccountTransaction's readBefore). The read must see only committed rows: on SQLite's one
 * connection a statement sent while another request's transaction is open reads that transaction's
 * uncommitted UPDATE, and if that transaction rolls back and a later change brings the account to
 * the same version, the guard passes on a plan made from a balance that never existed.
 */
let dataSource: DataSource;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ dataSource, close } = await openServiceTestDatabase(pointsSchema));
});
afterAll(() => close());

const memberId = 'm-read-committed';
const context = (ref: string, source = 'ORDER') => ({
  memberId,
  source,
  sourceRef: ref,
  idempotencyKey: `${source}:${ref}`,
  actor: 'staff:test',
});

it('an earn never plans from a change that was rolled back: balance == Σ ledger, each entry on the balance before it', async () => {
  await ensureAccount(dataSource, memberId);
  await inAccountTransaction(dataSource, memberId, (m, a) => applyPlan(m, a, planEarn(a, 100, 'seed'), context('SEED')));
  // A burn whose transaction has made its UPDATE and then rolls back (a retried redeem whose ledger key exists, say).
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let updated!: () => void;
  const didUpdate = new Promise<void>((resolve) => (updated = resolve));
  const burn = inAccountTransaction(dataSource, memberId, async (m, a) => {
    await applyPlan(m, a, planBurn(a, await openLots(m, memberId), 30, 'REDEEM', 'burn'), context('BURN', 'REDEEM'));
    updated();
    await gate;
    throw new Error('rolled back after its UPDATE');
  }).then(
    () => 'committed',
    () => 'rolled back',
  );
  await didUpdate;
  // An earn reads its state while the burn is open (on SQLite, after it: the read waits its turn).
  const read = readEarnState(dataSource, 'NEW-ORDER', memberId);
  release();
  expect(await burn).toBe('rolled back');
  const { account: readBefore } = await read;
  // Another change commits, taking the account to the version the burn had written.
  await inAccountTransaction(dataSource, memberId, (m, a) => applyPlan(m, a, planEarn(a, 5, 'other'), context('OTHER')));
  // The earn as recordOrder makes it: planned from what it read, guarded by that version.
  await inAccountTransaction(dataSource, memberId, (m, a) => applyPlan(m, a, planEarn(a, 10, 'earn'), context('NEW-ORDER')), readBefore);

  const account = await dataSource.getRepository(PointsAccount).findOneByOrFail({ memberId });
  const entries = await dataSource.getRepository(LedgerEntry).find({ where: { memberId }, order: { seq: 'ASC' } });
  expect(entries.map((e) => [e.seq, e.points, e.balanceAfter])).toEqual([
    [1, 100, 100],
    [2, 5, 105],
    [3, 10, 115],
  ]);
  expect(account.balance).toBe(115);
});
