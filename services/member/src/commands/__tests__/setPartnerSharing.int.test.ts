import { openCommandDatabase, type CommandDatabase } from '../../../../../test/harness/commandDatabase';
import { memberSchema } from '../../db/data-source';
import { Member } from '../../db/entities/Member';
import { setPartnerSharing } from '../setPartnerSharing';
import { newMember } from './memberFixture';

let db: CommandDatabase;
beforeAll(async () => {
  db = await openCommandDatabase(memberSchema);
});
afterAll(() => db.close());

const sharingSince = async (id: string) => (await db.dataSource.getRepository(Member).findOneByOrFail({ id })).partnerSharingAt;

describe('setPartnerSharing', () => {
  it('records when the member consented, and withdrawing clears it', async () => {
    const { id } = await newMember(db.dataSource);
    expect(await sharingSince(id)).toBeNull();
    const at = new Date('2026-11-30T08:00:00Z');
    await setPartnerSharing(db.dataSource, { memberId: id, consent: true }, at);
    expect(await sharingSince(id)).toEqual(at);
    await setPartnerSharing(db.dataSource, { memberId: id, consent: false }, new Date('2026-12-01T08:00:00Z'));
    expect(await sharingSince(id)).toBeNull();
  });

  it('changes only that member', async () => {
    const [one, other] = [await newMember(db.dataSource), await newMember(db.dataSource)];
    await setPartnerSharing(db.dataSource, { memberId: one.id, consent: true });
    expect(await sharingSince(other.id)).toBeNull();
  });
});
