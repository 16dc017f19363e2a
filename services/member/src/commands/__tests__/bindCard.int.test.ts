import { openCommandDatabase, snapshotDatabase, type CommandDatabase } from '../../../../../test/harness/commandDatabase';
import { ChannelIdentity, externalIndex } from '../../db/entities/ChannelIdentity';
import { memberSchema } from '../../db/data-source';
import { bindCard } from '../bindCard';
import { newMember, pii } from './memberFixture';

let db: CommandDatabase;
beforeAll(async () => {
  db = await openCommandDatabase(memberSchema);
});
afterAll(() => db.close());

const NOW = new Date('2026-11-30T08:00:00Z');

describe('bindCard', () => {
  it('binds the card, upper-cased, as a blind index plus a sealed copy (never in clear)', async () => {
    const { id } = await newMember(db.dataSource);
    await bindCard(db.dataSource, pii, { memberId: id, cardNo: 'pos-1234' }, NOW);
    const [card] = await db.dataSource.getRepository(ChannelIdentity).findBy({ memberId: id });
    expect(card).toMatchObject({ kind: 'POS_CARD', externalId: externalIndex(pii, 'POS_CARD', 'POS-1234'), createdAt: NOW });
    expect(pii.decrypt(card.externalSealed)).toBe('POS-1234');
    expect(JSON.stringify(await db.dataSource.query('SELECT * FROM channel_identities'))).not.toMatch(/POS-1234/i);
  });

  it('refuses a card already bound, to this member or another, with CONFLICT on cardNo, writing nothing', async () => {
    const first = await newMember(db.dataSource);
    const second = await newMember(db.dataSource);
    await bindCard(db.dataSource, pii, { memberId: first.id, cardNo: 'CARD-0001' }, NOW);
    const before = await snapshotDatabase(db.dataSource);
    for (const memberId of [first.id, second.id]) {
      await expect(bindCard(db.dataSource, pii, { memberId, cardNo: 'card-0001' }, NOW)).rejects.toMatchObject({
        code: 'CONFLICT',
        details: { field: 'cardNo' },
      });
    }
    expect(await snapshotDatabase(db.dataSource)).toEqual(before);
  });

  it.each(['abc', 'x'.repeat(33), 'CARD 0001', 'CARD_0001', ''])(
    'refuses card number %p with BAD_USER_INPUT, writing nothing',
    async (cardNo) => {
      const { id } = await newMember(db.dataSource);
      const before = await snapshotDatabase(db.dataSource);
      await expect(bindCard(db.dataSource, pii, { memberId: id, cardNo }, NOW)).rejects.toMatchObject({
        code: 'BAD_USER_INPUT',
        details: { field: 'cardNo' },
      });
      expect(await snapshotDatabase(db.dataSource)).toEqual(before);
    },
  );

  it('answers NOT_FOUND on memberId for an unknown member, writing nothing', async () => {
    const before = await snapshotDatabase(db.dataSource);
    await expect(bindCard(db.dataSource, pii, { memberId: 'nobody', cardNo: 'CARD-9999' }, NOW)).rejects.toMatchObject({
      code: 'NOT_FOUND',
      details: { field: 'memberId' },
    });
    expect(await snapshotDatabase(db.dataSource)).toEqual(before);
  });
});
