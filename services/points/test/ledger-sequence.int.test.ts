import type { DataSource } from 'typeorm';
import { openServiceTestDatabase } from '../../../test/harness/serviceTestDatabase';
import { pointsSchema } from '../src/db/data-source';
import { LedgerSequence1764600000000 } from '../src/db/migrations/1764600000000-LedgerSequence';

describe('numbering the ledger entries written before seq existed', () => {
  it('numbers each account’s entries by their time (then id), and sets the account’s last seq', async () => {
    const migrations = pointsSchema.migrations as Array<new () => object>;
    const seed = async (before: DataSource) => {
      const entry = (id: string, member: string, balanceAfter: number, at: string) =>
        before.query(
          `INSERT INTO points_ledger (id, member_id, entry_type, points, balance_after, source, source_ref, reason, actor, idempotency_key, created_at)
         VALUES (?, ?, 'EARN', 10, ?, 'TEST', 'x', 'x', 'system', ?, ?)`,
          [id, member, balanceAfter, `K:${id}`, at],
        );
      await entry('b', 'm-1', 20, '2026-01-02 00:00:00.000');
      await entry('a', 'm-1', 10, '2026-01-01 00:00:00.000');
      await entry('d', 'm-1', 40, '2026-01-03 00:00:00.000');
      await entry('c', 'm-1', 30, '2026-01-03 00:00:00.000');
      await entry('e', 'm-2', 10, '2026-01-01 00:00:00.000');
      for (const [member, balance] of [
        ['m-1', 40],
        ['m-2', 10],
        ['m-3', 0],
      ])
        await before.query('INSERT INTO points_accounts (member_id, balance, debt, version) VALUES (?, ?, 0, 1)', [member, balance]);
    };
    const { dataSource, close } = await openServiceTestDatabase(pointsSchema, {
      previousRelease: { migrations: migrations.slice(0, migrations.indexOf(LedgerSequence1764600000000)), seed },
    });
    try {
      const rows = await dataSource.query('SELECT member_id, id, seq FROM points_ledger ORDER BY member_id, seq');
      expect(rows.map((r: { member_id: string; id: string; seq: unknown }) => [r.member_id, r.id, Number(r.seq)])).toEqual([
        ['m-1', 'a', 1],
        ['m-1', 'b', 2],
        ['m-1', 'c', 3],
        ['m-1', 'd', 4],
        ['m-2', 'e', 1],
      ]);
      const accounts = await dataSource.query('SELECT member_id, last_seq FROM points_accounts ORDER BY member_id');
      expect(accounts.map((a: { member_id: string; last_seq: unknown }) => [a.member_id, Number(a.last_seq)])).toEqual([
        ['m-1', 4],
        ['m-2', 1],
        ['m-3', 0],
      ]);
      // The next entry of the account continues the numbering; the same seq twice is refused.
      await expect(
        dataSource.query(
          `INSERT INTO points_ledger (id, member_id, entry_type, points, balance_after, source, source_ref, reason, actor, idempotency_key, seq, created_at)
           VALUES ('f', 'm-1', 'EARN', 1, 41, 'TEST', 'x', 'x', 'system', 'K:f', 4, '2026-01-04 00:00:00.000')`,
        ),
      ).rejects.toThrow();
    } finally {
      await close();
    }
  });
});
