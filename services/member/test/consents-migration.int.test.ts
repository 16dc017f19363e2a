import type { DataSource } from 'typeorm';
import { openServiceTestDatabase } from '../../../test/harness/serviceTestDatabase';
import { memberSchema } from '../src/db/data-source';
import { Consents1764900000000 } from '../src/db/migrations/1764900000000-Consents';
import { ConsentChange } from '../src/db/entities/ConsentChange';
import { Member } from '../src/db/entities/Member';
import { consentsOf } from '../src/domain/consent';

describe('the consents migration', () => {
  it('keeps partner sharing as it was, starts its history with the consent given then, and leaves marketing and analytics not given', async () => {
    // A database as the previous release left it: one member sharing with partners since `since`, one not.
    const previous = (memberSchema.migrations as Array<new () => unknown>).filter((m) => m !== Consents1764900000000);
    const sql = (d: Date) => d.toISOString().slice(0, 23).replace('T', ' ');
    const since = new Date('2026-10-01T08:00:00.123Z');
    const seed = async (before: DataSource) => {
      for (const [id, sharing] of [
        ['m-sharing', sql(since)],
        ['m-private', null],
      ]) {
        await before.query(
          "INSERT INTO members (id, phone_enc, phone_index, registered_via, tier_id, registered_at, tier_since, partner_sharing_at) VALUES (?, 'x', ?, 'WEB', 'REGULAR', ?, ?, ?)",
          [id, `index-${id}`, sql(since), sql(since), sharing],
        );
      }
    };

    const { dataSource, close } = await openServiceTestDatabase(memberSchema, { previousRelease: { migrations: previous, seed } });
    try {
      const sharing = await dataSource.getRepository(Member).findOneByOrFail({ id: 'm-sharing' });
      expect(consentsOf(sharing)).toEqual([
        { purpose: 'MARKETING', granted: false, since: null },
        { purpose: 'ANALYTICS', granted: false, since: null },
        { purpose: 'PARTNER_SHARING', granted: true, since },
      ]);
      expect(await dataSource.getRepository(ConsentChange).find()).toEqual([
        {
          id: expect.any(String),
          memberId: 'm-sharing',
          purpose: 'PARTNER_SHARING',
          granted: true,
          channel: 'UNKNOWN',
          actor: 'system',
          at: since,
        },
      ]);
    } finally {
      await close();
    }
  });
});
