import { openCommandDatabase, snapshotDatabase, type CommandDatabase } from '../../../../../test/harness/commandDatabase';
import { memberSchema } from '../../db/data-source';
import { linkPartnerMember, resolvePartnerMembers } from '../linkPartnerMember';
import { registerMember } from '../registerMember';
import { setPartnerSharing } from '../setPartnerSharing';
import { pii } from './memberFixture';

let db: CommandDatabase;
let sharing: string;
let private_: string;
beforeAll(async () => {
  db = await openCommandDatabase(memberSchema);
  sharing = (await registerMember(db.dataSource, pii, { phone: '13855500001', channel: 'WEB' })).id;
  private_ = (await registerMember(db.dataSource, pii, { phone: '13855500002', channel: 'WEB' })).id;
  await setPartnerSharing(db.dataSource, { memberId: sharing, consent: true });
});
afterAll(() => db.close());

const link = (partnerMemberId: string, phone: string, partner = 'hotel') =>
  linkPartnerMember(db.dataSource, pii, { partner, partnerMemberId, phone });

describe('linkPartnerMember', () => {
  it("links a partner's member to ours by phone, once; the partner's id resolves to our member", async () => {
    expect(await link('H-1', '+86 138-5550-0001')).toMatchObject({ member: { id: sharing }, replayed: false });
    expect(await link('H-1', '13855500001')).toMatchObject({ replayed: true });
    // Another partner's id of the same spelling is another link.
    await link('H-1', '13855500001', 'airline');
    expect(await resolvePartnerMembers(db.dataSource, pii, 'hotel', ['H-1', 'H-2'])).toEqual([
      { partnerMemberId: 'H-1', memberId: sharing },
    ]);
    expect(await resolvePartnerMembers(db.dataSource, pii, 'airline', ['H-1'])).toEqual([{ partnerMemberId: 'H-1', memberId: sharing }]);
    const stored = JSON.stringify(await db.dataSource.query("SELECT * FROM channel_identities WHERE kind = 'PARTNER_MEMBER'"));
    expect(stored).not.toContain('H-1');
  });

  it.each([
    ['a member who does not share', 'H-2', '13855500002', 'FORBIDDEN'],
    ['a phone that is nobody’s', 'H-3', '13855509999', 'FORBIDDEN'],
    ['a bad phone', 'H-4', '12345', 'BAD_USER_INPUT'],
    ['a bad partner member id', 'H 5', '13855500001', 'BAD_USER_INPUT'],
  ])('refuses %s, writing nothing', async (_, partnerMemberId, phone, code) => {
    const before = await snapshotDatabase(db.dataSource);
    await expect(link(partnerMemberId, phone)).rejects.toMatchObject({ code });
    expect(await snapshotDatabase(db.dataSource)).toEqual(before);
  });

  it('refuses a partner member id already linked to another member', async () => {
    await setPartnerSharing(db.dataSource, { memberId: private_, consent: true });
    await expect(link('H-1', '13855500002')).rejects.toMatchObject({ code: 'CONFLICT', details: { field: 'partnerMemberId' } });
  });
});
