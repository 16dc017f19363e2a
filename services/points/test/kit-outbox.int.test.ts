import { openServiceTestDatabase } from '../../../test/harness/serviceTestDatabase';
import { outboxEvents } from '../../../test/harness/outboxEvents';
import { pointsSchema } from '../src/db/data-source';
import { KitOutbox1764510000000 } from '../src/db/migrations/1764510000000-KitOutbox';

describe('the move of tier-activity events onto the kit’s outbox table', () => {
  it('keeps the undelivered events, drops the delivered history; down puts them back', async () => {
    const { dataSource, close } = await openServiceTestDatabase(pointsSchema, {
      previousRelease: {
        migrations: (pointsSchema.migrations as Array<new () => object>).filter((m) => m !== KitOutbox1764510000000),
        seed: async (before) => {
          for (const row of [
            ['e-1', 'm-a', '2026-01-01 00:00:00.000', '2026-01-01 00:00:00.500'],
            ['e-2', 'm-a', '2026-01-02 00:00:00.000', null],
            ['e-3', 'm-b', '2026-01-03 00:00:00.000', null],
          ]) {
            await before.query(
              "INSERT INTO outbox (id, topic, member_id, created_at, delivered_at, attempts) VALUES (?, 'tier.activity', ?, ?, ?, 0)",
              row,
            );
          }
        },
      },
    });
    try {
      expect(await outboxEvents(dataSource, 'm-a')).toEqual([
        { type: 'tier.activity', payload: { memberId: 'm-a' }, delivered: false, attempts: 0 },
      ]);
      expect(await outboxEvents(dataSource, 'm-b')).toEqual([
        { type: 'tier.activity', payload: { memberId: 'm-b' }, delivered: false, attempts: 0 },
      ]);
      await dataSource.undoLastMigration({ transaction: 'each' });
      expect(await dataSource.query('SELECT id, member_id FROM outbox ORDER BY created_at')).toEqual([
        { id: 'e-2', member_id: 'm-a' },
        { id: 'e-3', member_id: 'm-b' },
      ]);
    } finally {
      await close();
    }
  });
});
