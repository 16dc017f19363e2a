import { openCommandDatabase, snapshotDatabase, type CommandDatabase } from '../../../../../test/harness/commandDatabase';
import { memberSchema } from '../../db/data-source';
import { ConsentChange } from '../../db/entities/ConsentChange';
import { Member } from '../../db/entities/Member';
import { consentsOf, parseConsentPurpose } from '../../domain/consent';
import { getConsents } from '../../grpc/handlers/GetConsents';
import { streamSegmentProfiles } from '../../grpc/handlers/StreamSegmentProfiles';
import { setConsent, type ConsentInput } from '../setConsent';
import { setPartnerSharing } from '../setPartnerSharing';
import { newMember } from './memberFixture';

let db: CommandDatabase;
beforeAll(async () => {
  db = await openCommandDatabase(memberSchema);
});
afterAll(() => db.close());

const T1 = new Date('2026-11-30T08:00:00Z');
const T2 = new Date('2026-12-01T09:30:00Z');
const given = (memberId: string, purpose: ConsentInput['purpose'], granted: boolean, channel = 'WEB'): ConsentInput => ({
  memberId,
  purpose,
  granted,
  channel,
  actor: `member:${memberId}`,
});
const member = (id: string) => db.dataSource.getRepository(Member).findOneByOrFail({ id });
const history = (memberId: string) =>
  db.dataSource.getRepository(ConsentChange).find({ where: { memberId }, order: { at: 'ASC', id: 'ASC' } });

describe('setConsent', () => {
  it('every purpose is opt-in: a new member has given none', async () => {
    const { id } = await newMember(db.dataSource);
    expect(consentsOf(await member(id))).toEqual([
      { purpose: 'MARKETING', granted: false, since: null },
      { purpose: 'ANALYTICS', granted: false, since: null },
      { purpose: 'PARTNER_SHARING', granted: false, since: null },
    ]);
    expect(await history(id)).toEqual([]);
  });

  it('gives and withdraws one purpose, each change an entry of the history (who, when, channel)', async () => {
    const { id } = await newMember(db.dataSource);
    expect(await setConsent(db.dataSource, given(id, 'MARKETING', true, 'MINI_PROGRAM'), T1)).toBe(true);
    expect((await member(id)).marketingConsentAt).toEqual(T1);
    expect(await setConsent(db.dataSource, { ...given(id, 'MARKETING', false, 'WEB'), actor: 'staff:agent-7' }, T2)).toBe(true);
    const after = await member(id);
    expect(after.marketingConsentAt).toBeNull();
    expect(await history(id)).toMatchObject([
      { purpose: 'MARKETING', granted: true, channel: 'MINI_PROGRAM', actor: `member:${id}`, at: T1 },
      { purpose: 'MARKETING', granted: false, channel: 'WEB', actor: 'staff:agent-7', at: T2 },
    ]);
  });

  it('purposes are independent: withdrawing marketing keeps analytics and partner sharing', async () => {
    const { id } = await newMember(db.dataSource);
    for (const purpose of ['MARKETING', 'ANALYTICS', 'PARTNER_SHARING'] as const)
      await setConsent(db.dataSource, given(id, purpose, true), T1);
    await setConsent(db.dataSource, given(id, 'MARKETING', false), T2);
    expect(consentsOf(await member(id))).toEqual([
      { purpose: 'MARKETING', granted: false, since: null },
      { purpose: 'ANALYTICS', granted: true, since: T1 },
      { purpose: 'PARTNER_SHARING', granted: true, since: T1 },
    ]);
  });

  it('repeating the state in force changes nothing and adds no entry (a retried request)', async () => {
    const { id } = await newMember(db.dataSource);
    await setConsent(db.dataSource, given(id, 'ANALYTICS', true), T1);
    const before = await snapshotDatabase(db.dataSource);
    expect(await setConsent(db.dataSource, given(id, 'ANALYTICS', true), T2)).toBe(false);
    expect(await setConsent(db.dataSource, given(id, 'MARKETING', false), T2)).toBe(false);
    expect(await snapshotDatabase(db.dataSource)).toEqual(before);
    expect((await member(id)).analyticsConsentAt).toEqual(T1);
  });

  it('concurrent identical requests record the change once', async () => {
    const { id } = await newMember(db.dataSource);
    const changed = await Promise.all(Array.from({ length: 6 }, () => setConsent(db.dataSource, given(id, 'MARKETING', true), T1)));
    expect(changed.filter(Boolean)).toHaveLength(1);
    expect(await history(id)).toHaveLength(1);
  });

  it('refuses an unknown member (NOT_FOUND) and an unknown purpose (BAD_USER_INPUT), writing nothing', async () => {
    const before = await snapshotDatabase(db.dataSource);
    await expect(setConsent(db.dataSource, given('no-such-member', 'MARKETING', true), T1)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(() => parseConsentPurpose('NEWSLETTER')).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
    expect(await snapshotDatabase(db.dataSource)).toEqual(before);
  });

  it('setPartnerSharing is the PARTNER_SHARING purpose: same column, and in the history', async () => {
    const { id } = await newMember(db.dataSource);
    await setPartnerSharing(db.dataSource, { memberId: id, consent: true }, T1);
    expect((await member(id)).partnerSharingAt).toEqual(T1);
    expect(await history(id)).toMatchObject([{ purpose: 'PARTNER_SHARING', granted: true, channel: 'WEB', actor: `member:${id}` }]);
  });
});

describe('GetConsents and StreamSegmentProfiles (gRPC handlers)', () => {
  it('answers the purposes given now for a batch, leaving out unknown ids', async () => {
    const [a, b, c] = [await newMember(db.dataSource), await newMember(db.dataSource), await newMember(db.dataSource)];
    await setConsent(db.dataSource, given(a.id, 'MARKETING', true), T1);
    await setConsent(db.dataSource, given(a.id, 'ANALYTICS', true), T1);
    await setConsent(db.dataSource, given(b.id, 'MARKETING', true), T1);
    await setConsent(db.dataSource, given(b.id, 'MARKETING', false), T2);
    await setConsent(db.dataSource, given(b.id, 'PARTNER_SHARING', true), T2);
    const answer = await getConsents(db.dataSource, { memberIds: [a.id, b.id, c.id, 'unknown'] });
    const byId = new Map(answer.members!.map((m) => [m.memberId, m.purposes]));
    expect(byId).toEqual(
      new Map([
        [a.id, ['MARKETING', 'ANALYTICS']],
        [b.id, ['PARTNER_SHARING']],
        [c.id, []],
      ]),
    );
    const profiles = [];
    for await (const batch of streamSegmentProfiles(db.dataSource, { batchSize: 5000 })) profiles.push(...batch.profiles!);
    expect(profiles.find((p) => p.memberId === a.id)?.consents).toEqual(['MARKETING', 'ANALYTICS']);
  });

  it('refuses more than 500 ids (BAD_USER_INPUT)', async () => {
    await expect(getConsents(db.dataSource, { memberIds: Array.from({ length: 501 }, (_, i) => `m${i}`) })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
  });
});
