import type { DataSource } from 'typeorm';
import { testDatabaseEnv } from '../../../test/harness/startStack';
import { inTransaction, insertByPlainSql, openDatabase, readCommonConfig, resolveDatabaseTarget } from '../../kit/src';
import { planEarn } from '../src/domain/account';
import { pointsSchema } from '../src/db/data-source';
import { readEarnState } from '../src/db/earnState';
import { LedgerEntry } from '../src/db/entities/LedgerEntry';
import { Order } from '../src/db/entities/Order';
import { PointsAccount } from '../src/db/entities/PointsAccount';
import { PointsLot } from '../src/db/entities/PointsLot';
import { applyPlan, ensureAccount, lockAccount } from '../src/db/ledger';
import { keepTierCopies } from '../src/db/memberTiers';
import { MemberTierCopy } from '../src/db/entities/MemberTierCopy';

/**
 * The earn's statements are plain SQL (the kit's findOneEachByPlainSql, insertByPlainSql and
 * executeByPlainSql) instead of the entity manager's query building: on the database the suite
 * runs on (SQLite, or MySQL with DATABASE_URL) they store the rows insert() stored and read the
 * entities find() reads, column for column (instants to the millisecond, BIGINT, nulls, booleans).
 */
let dataSource: DataSource;
let stop: () => Promise<void>;
beforeAll(async () => {
  const database = testDatabaseEnv();
  ({ dataSource } = await openDatabase(resolveDatabaseTarget(readCommonConfig('points', database.env)), pointsSchema));
  stop = async () => {
    await dataSource.destroy();
    await database.cleanup();
  };
});
afterAll(() => stop?.());

const statements = () => (dataSource.logger as unknown as { count: number }).count;
const order = (orderNo: string, memberId: string) =>
  Object.assign(new Order(), {
    orderNo,
    memberId,
    amountFen: 9_007_199_254_740,
    channel: 'POS',
    storeId: null,
    items: '[{"sku":"A","quantity":1,"amountFen":100}]',
    pointsEarned: 123,
    refundedFen: 0,
    pointsClawed: 0,
    createdAt: new Date('2026-11-11T12:34:56.789Z'),
    orderedAt: new Date('2026-11-11T12:00:00.001Z'),
    announcedAt: new Date('2026-11-11T12:34:56.789Z'),
  });
/** A row as stored, without its primary key, each value as the driver answers it. */
const stored = async (table: string, key: string, id: string) => {
  const [row] = await dataSource.query(`SELECT * FROM ${table} WHERE ${key} = ?`, [id]);
  const { [key]: _key, ...rest } = row as Record<string, unknown>;
  return rest;
};

it('inserts the row insert() inserts, and find() reads back the entity written', async () => {
  await insertByPlainSql(dataSource, Order, [order('PLAIN-1', 'm-1')]);
  await dataSource.manager.insert(Order, order('ORM-1', 'm-1'));
  expect(await stored('orders', 'order_no', 'PLAIN-1')).toEqual(await stored('orders', 'order_no', 'ORM-1'));
  expect(await dataSource.getRepository(Order).findOneByOrFail({ orderNo: 'PLAIN-1' })).toStrictEqual(order('PLAIN-1', 'm-1'));
  // Several rows in one statement.
  const before = statements();
  await insertByPlainSql(dataSource, Order, [order('PLAIN-2', 'm-2'), { ...order('PLAIN-3', 'm-2'), storeId: 'SH-01', items: null }]);
  expect(statements() - before).toBe(1);
  expect(await dataSource.getRepository(Order).findOneByOrFail({ orderNo: 'PLAIN-3' })).toMatchObject({ storeId: 'SH-01', items: null });
});

it('refuses a row without a value for a column, writing nothing', async () => {
  const incomplete = { ...order('PLAIN-X', 'm-1'), storeId: undefined } as unknown as Order;
  await expect(insertByPlainSql(dataSource, Order, [incomplete])).rejects.toThrow('orders.store_id: no value to insert');
  expect(await dataSource.getRepository(Order).countBy({ orderNo: 'PLAIN-X' })).toBe(0);
});

it('reads the order, the tier copy and the account in one statement, each the entity find() reads, or undefined', async () => {
  await insertByPlainSql(dataSource, Order, [order('READ-1', 'm-read')]);
  await ensureAccount(dataSource, 'm-read');
  const grantEnds = new Date('2027-01-01T00:00:00.123Z');
  await keepTierCopies(dataSource, [{ memberId: 'm-read', tierId: 'GOLD', tierVersion: 7, granted: true, grantExpiresAt: grantEnds }]);
  const before = statements();
  const state = await readEarnState(dataSource, 'READ-1', 'm-read');
  expect(statements() - before).toBe(1);
  expect(state.order).toStrictEqual(await dataSource.getRepository(Order).findOneByOrFail({ orderNo: 'READ-1' }));
  expect(state.tierCopy).toStrictEqual(await dataSource.getRepository(MemberTierCopy).findOneByOrFail({ memberId: 'm-read' }));
  expect(state.tierCopy).toMatchObject({ granted: true, grantExpiresAt: grantEnds, tierVersion: 7 });
  expect(state.account).toStrictEqual(await dataSource.getRepository(PointsAccount).findOneByOrFail({ memberId: 'm-read' }));
  expect(await readEarnState(dataSource, 'READ-1', 'm-unknown')).toEqual({
    order: expect.any(Order),
    tierCopy: undefined,
    account: undefined,
  });
  expect(await readEarnState(dataSource, 'NO-SUCH-ORDER', 'm-read')).toMatchObject({
    order: undefined,
    tierCopy: expect.any(MemberTierCopy),
  });
});

it('applies an earn by plain statements: the entries, the lot and the balance find() reads; a stale version writes nothing', async () => {
  const memberId = 'm-apply';
  await ensureAccount(dataSource, memberId);
  const earnedAt = new Date('2026-11-11T12:00:00.001Z');
  const context = { memberId, source: 'ORDER', sourceRef: 'APPLY-1', idempotencyKey: 'ORDER:APPLY-1', actor: 'staff:test', earnedAt };
  const entries = await inTransaction(dataSource, async (manager) => {
    const account = await lockAccount(manager, memberId);
    return applyPlan(manager, account, planEarn(account, 150, 'order APPLY-1'), { ...context, now: earnedAt, lotExpiresAt: null });
  });
  expect(await dataSource.getRepository(LedgerEntry).findBy({ memberId })).toStrictEqual(entries);
  expect(await dataSource.getRepository(PointsLot).findOneByOrFail({ memberId })).toMatchObject({
    entryId: entries[0].id,
    orderNo: 'APPLY-1',
    points: 150,
    remaining: 150,
    earnedAt,
    expiresAt: null,
  });
  const account = await dataSource.getRepository(PointsAccount).findOneByOrFail({ memberId });
  expect(account).toMatchObject({ balance: 150, debt: 0, lastSeq: 1, version: 1 });

  // The version guard: an account read before another change applied is refused, and its transaction writes nothing.
  const stale = { ...account, version: 0, lastSeq: 0 };
  await expect(
    inTransaction(dataSource, (manager) =>
      applyPlan(manager, stale, planEarn(stale, 10, 'stale'), { ...context, sourceRef: 'APPLY-2', idempotencyKey: 'ORDER:APPLY-2' }),
    ),
  ).rejects.toThrow(`points account ${memberId} changed under its lock`);
  expect(await dataSource.getRepository(LedgerEntry).countBy({ memberId })).toBe(1);
  expect(await dataSource.getRepository(PointsAccount).findOneByOrFail({ memberId })).toStrictEqual(account);
});
