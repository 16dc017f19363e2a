import { readPiiCipher } from '../../kit/src';
import { openServiceTestDatabase } from '../../../test/harness/serviceTestDatabase';
import { memberSchema } from '../src/db/data-source';
import { CreateMembers1764000000000 } from '../src/db/migrations/1764000000000-CreateMembers';
import { TierEngine1764100000000 } from '../src/db/migrations/1764100000000-TierEngine';
import { ProfileOutbox1764200000000 } from '../src/db/migrations/1764200000000-ProfileOutbox';

describe('the phone encryption migration', () => {
  it('encrypts the phones of an existing database and drops the plaintext column', async () => {
    // A database as the previous release left it, with a member whose phone is in clear.
    const { dataSource, close } = await openServiceTestDatabase(memberSchema, {
      previousRelease: {
        migrations: [CreateMembers1764000000000, TierEngine1764100000000, ProfileOutbox1764200000000],
        seed: (before) =>
          before.query(
            "INSERT INTO members (id, phone, registered_via, tier_id, registered_at, tier_since) VALUES ('m-old', '13700001111', 'POS', 'REGULAR', ?, ?)",
            [new Date(), new Date()].map((d) => d.toISOString().slice(0, 23).replace('T', ' ')),
          ),
      },
    });
    try {
      const [row] = await dataSource.query("SELECT * FROM members WHERE id = 'm-old'");
      expect(row).not.toHaveProperty('phone');
      expect(JSON.stringify(row)).not.toContain('13700001111');
      const cipher = readPiiCipher();
      expect(cipher.decrypt(row.phone_enc)).toBe('13700001111');
      expect(row.phone_index).toBe(cipher.blindIndex('13700001111'));
    } finally {
      await close();
    }
  });
});
