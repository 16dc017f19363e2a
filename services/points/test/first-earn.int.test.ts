/**
 * A member's first earn (no points account yet), on the database the suite runs on (SQLite, or
 * MySQL with DATABASE_URL): the account is created before the earn's one transaction, which is
 * planned from it as created, so no transaction is started only to be rolled back; and two first
 * earns of one member at once both count, exactly once each.
 */
import type { DataSource } from 'typeorm';
import type { QueryCounter } from '../../kit/src';
import { recordOrder } from '../src/commands/recordOrder';
import { pointsSchema } from '../src/db/data-source';
import { LedgerEntry } from '../src/db/entities/LedgerEntry';
import { PointsAccount } from '../src/db/entities/PointsAccount';
import type { EventDelivery } from '../src/ports';
import { openServiceTestDatabase } from '../../../test/harness/serviceTestDatabase';
import { RULES } from './commandFixture';
import { memoryPeers, type MemoryPeers } from './memoryPorts';

let dataSource: DataSource;
let close: () => Promise<void>;
let queries: QueryCounter;
let peers: MemoryPeers;
beforeAll(async () => {
  ({ dataSource, close, queries } = await openServiceTestDatabase(pointsSchema));
  peers = memoryPeers();
});
afterAll(() => close());

const NOW = new Date('2026-06-01T10:00:00Z');
const events: EventDelivery = { deliverNow: async () => undefined, deliverSoon: () => undefined, deliverSoonTogether: () => undefined };
const earn = (memberId: string, orderNo: string) =>
  recordOrder(dataSource, peers, events, RULES, { memberId, orderNo, amount: '100.00', channel: 'POS' }, 'staff:test', NOW);

it('opens one transaction and rolls none back', async () => {
  const memberId = peers.member.add('first-1');
  const sent = jest.spyOn(queries, 'logQuery');
  const receipt = await earn(memberId, 'FIRST-1');
  const statements = sent.mock.calls.map(([sql]) => String(sql));
  sent.mockRestore();
  expect(receipt.replayed).toBe(false);
  expect(statements.filter((sql) => /^(BEGIN|START TRANSACTION)/i.test(sql))).toHaveLength(1);
  expect(statements.filter((sql) => /^ROLLBACK/i.test(sql))).toEqual([]);
  expect(await dataSource.getRepository(PointsAccount).findOneByOrFail({ memberId })).toMatchObject({
    balance: 100,
    version: 1,
    lastSeq: 1,
  });
});

it('two first earns of one member at once: both count once, the balance is the sum of the ledger', async () => {
  const memberId = peers.member.add('first-2');
  const receipts = await Promise.all([earn(memberId, 'FIRST-2A'), earn(memberId, 'FIRST-2B')]);
  expect(receipts.map((r) => r.replayed)).toEqual([false, false]);
  const entries = await dataSource.getRepository(LedgerEntry).findBy({ memberId });
  expect(entries.map((e) => e.seq).sort()).toEqual([1, 2]);
  const account = await dataSource.getRepository(PointsAccount).findOneByOrFail({ memberId });
  expect(account.balance).toBe(entries.reduce((sum, e) => sum + e.points, 0));
  expect(account.balance).toBe(200);
});
