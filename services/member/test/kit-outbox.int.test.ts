import type { DataSource } from 'typeorm';
import { openServiceTestDatabase } from '../../../test/harness/serviceTestDatabase';
import { outboxEvents } from '../../../test/harness/outboxEvents';
import { createLogger, createOutbox } from '../../kit/src';
import { memberEventHandlers } from '../src/commands/memberEvents';
import { memberSchema } from '../src/db/data-source';
import { KitOutbox1764510000000 } from '../src/db/migrations/1764510000000-KitOutbox';
import { MemoryBenefits, MemoryCampaign, MemoryPoints } from './memoryPorts';

const sqlTime = (d: Date) => d.toISOString().slice(0, 23).replace('T', ' ');

describe('the move of member events onto the kit’s outbox table', () => {
  it('keeps every undelivered event (a merge with its payload), in order; down puts them back', async () => {
    // A database as the previous release left it: one delivered event and three pending ones.
    const seed = async (before: DataSource) => {
      await before.query(
        "INSERT INTO member_merges (id, source_id, target_id, actor, reason, at) VALUES ('merge-1', 'm-a', 'm-b', 'staff:1', 'duplicate', ?)",
        [sqlTime(new Date())],
      );
      const legacy = [
        ['e-0', 'member.registered', 'm-z', '2026-01-01 00:00:00.000', '2026-01-01 00:00:01.000'],
        ['e-1', 'member.registered', 'm-a', '2026-01-02 00:00:00.000', null],
        ['e-3', 'member.merged', 'm-a', '2026-01-04 00:00:00.000', null],
        ['e-2', 'member.profile_completed', 'm-a', '2026-01-03 00:00:00.000', null],
      ];
      for (const row of legacy) {
        await before.query('INSERT INTO outbox (id, topic, member_id, created_at, delivered_at, attempts) VALUES (?, ?, ?, ?, ?, 2)', row);
      }
    };
    const { dataSource, close } = await openServiceTestDatabase(memberSchema, {
      previousRelease: {
        migrations: (memberSchema.migrations as Array<new () => object>).filter((m) => m !== KitOutbox1764510000000),
        seed,
      },
    });
    try {
      expect(await outboxEvents(dataSource, 'm-z')).toEqual([]);
      expect(await outboxEvents(dataSource, 'm-a')).toEqual([
        { type: 'member.registered', payload: { memberId: 'm-a' }, delivered: false, attempts: 0 },
        { type: 'member.profile_completed', payload: { memberId: 'm-a' }, delivered: false, attempts: 0 },
        {
          type: 'member.merged',
          payload: { mergeId: 'merge-1', sourceMemberId: 'm-a', targetMemberId: 'm-b' },
          delivered: false,
          attempts: 0,
        },
      ]);
      expect(await dataSource.createQueryRunner().hasTable('outbox')).toBe(false);

      await dataSource.undoLastMigration({ transaction: 'each' });
      expect(await dataSource.query('SELECT id, topic, member_id, delivered_at FROM outbox ORDER BY created_at')).toEqual([
        { id: 'e-1', topic: 'member.registered', member_id: 'm-a', delivered_at: null },
        { id: 'e-2', topic: 'member.profile_completed', member_id: 'm-a', delivered_at: null },
        { id: 'e-3', topic: 'member.merged', member_id: 'm-a', delivered_at: null },
      ]);
      expect(await dataSource.createQueryRunner().hasTable('outbox_events')).toBe(false);

      // Up again, and the service's outbox delivers what was kept, in order.
      await dataSource.runMigrations({ transaction: 'each' });
      const points = new MemoryPoints();
      const outbox = createOutbox({
        dataSource,
        handlers: memberEventHandlers(points, new MemoryBenefits(), new MemoryCampaign()),
        logger: createLogger('test', 'silent'),
        intervalMs: 0,
      });
      await outbox.deliverNow('m-a');
      expect(points.calls).toEqual([
        { award: 'REGISTRATION', memberId: 'm-a' },
        { award: 'PROFILE_COMPLETION', memberId: 'm-a' },
        { merge: { mergeId: 'merge-1', sourceMemberId: 'm-a', targetMemberId: 'm-b' } },
      ]);
    } finally {
      await close();
    }
  });
});
