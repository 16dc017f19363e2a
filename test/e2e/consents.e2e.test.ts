import { grpcCall } from '../harness/grpc';
import { uniquePhone } from '../harness/operations';
import { startStack, type Stack } from '../harness/startStack';

/*
 * Consent per purpose (DOMAIN.md §8, PIPL) through the gateway: a member gives and withdraws
 * marketing consent, the history shows both, staff read it, and other services read the consents
 * in force over gRPC in one batch (campaign targeting leaves out members without MARKETING).
 */

const SET = `mutation($m: ID!, $p: ConsentPurpose!, $g: Boolean!, $c: Channel) {
  setConsent(memberId: $m, purpose: $p, granted: $g, channel: $c) { consents { purpose granted since } }
}`;
const READ = `query($m: ID!) {
  member(id: $m) { partnerSharing consents { purpose granted } consentHistory { purpose granted channel actor at } }
}`;

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack?.stop());

const getConsents = (memberIds: Array<string | undefined>) =>
  grpcCall('member', 'MemberService', stack.services.member.grpcAddress, 'GetConsents', { memberIds });

describe('consent per purpose through the gateway', () => {
  it('a new member has given no consent (opt-in)', async () => {
    const { accessToken, memberId } = await stack.loginMember(uniquePhone());
    expect((await stack.queryAs(accessToken, READ, { m: memberId })).data.member).toEqual({
      partnerSharing: false,
      consents: [
        { purpose: 'MARKETING', granted: false },
        { purpose: 'ANALYTICS', granted: false },
        { purpose: 'PARTNER_SHARING', granted: false },
      ],
      consentHistory: [],
    });
  });

  it('the member gives marketing consent in the mini-program and withdraws it on the web: the history shows both, newest first', async () => {
    const { accessToken, memberId } = await stack.loginMember(uniquePhone());
    const given = await stack.queryAs(accessToken, SET, { m: memberId, p: 'MARKETING', g: true, c: 'MINI_PROGRAM' });
    expect(given.data.setConsent.consents[0]).toEqual({ purpose: 'MARKETING', granted: true, since: expect.any(String) });
    await stack.queryAs(accessToken, SET, { m: memberId, p: 'ANALYTICS', g: true });
    expect((await getConsents([memberId])).members).toEqual([{ memberId, purposes: ['MARKETING', 'ANALYTICS'] }]);

    const withdrawn = await stack.queryAs(accessToken, SET, { m: memberId, p: 'MARKETING', g: false, c: 'WEB' });
    expect(withdrawn.errors).toBeUndefined();
    // Repeating the withdrawal changes nothing and adds no entry.
    await stack.queryAs(accessToken, SET, { m: memberId, p: 'MARKETING', g: false, c: 'WEB' });

    const staffView = (await stack.query(READ, { m: memberId })).data.member;
    expect(staffView.consents).toEqual([
      { purpose: 'MARKETING', granted: false },
      { purpose: 'ANALYTICS', granted: true },
      { purpose: 'PARTNER_SHARING', granted: false },
    ]);
    expect(staffView.consentHistory).toEqual([
      { purpose: 'MARKETING', granted: false, channel: 'WEB', actor: `member:${memberId}`, at: expect.any(String) },
      { purpose: 'ANALYTICS', granted: true, channel: 'WEB', actor: `member:${memberId}`, at: expect.any(String) },
      { purpose: 'MARKETING', granted: true, channel: 'MINI_PROGRAM', actor: `member:${memberId}`, at: expect.any(String) },
    ]);
    // What campaign targeting reads: no MARKETING any more.
    expect((await getConsents([memberId])).members).toEqual([{ memberId, purposes: ['ANALYTICS'] }]);
  });

  it('GetConsents answers a batch in one call, leaving out unknown ids; setPartnerSharing is the PARTNER_SHARING purpose', async () => {
    const a = await stack.loginMember(uniquePhone());
    const b = await stack.loginMember(uniquePhone());
    await stack.queryAs(a.accessToken, SET, { m: a.memberId, p: 'MARKETING', g: true });
    await stack.queryAs(b.accessToken, 'mutation($m: ID!) { setPartnerSharing(memberId: $m, consent: true) { partnerSharing } }', {
      m: b.memberId,
    });
    const answer = await getConsents([a.memberId!, b.memberId!, 'no-such-member']);
    expect(new Map(answer.members.map((m: any) => [m.memberId, m.purposes]))).toEqual(
      new Map([
        [a.memberId, ['MARKETING']],
        [b.memberId, ['PARTNER_SHARING']],
      ]),
    );
    const history = (await stack.queryAs(b.accessToken, READ, { m: b.memberId })).data.member.consentHistory;
    expect(history).toMatchObject([{ purpose: 'PARTNER_SHARING', granted: true }]);
  });

  it('consent is the member’s: another member is FORBIDDEN, staff may record a withdrawal but never give one', async () => {
    const member = await stack.loginMember(uniquePhone());
    const other = await stack.loginMember(uniquePhone());
    await stack.queryAs(member.accessToken, SET, { m: member.memberId, p: 'MARKETING', g: true });
    const byOther = await stack.queryAs(other.accessToken, SET, { m: member.memberId, p: 'MARKETING', g: false });
    expect(byOther.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const staffGives = await stack.query(SET, { m: member.memberId, p: 'ANALYTICS', g: true });
    expect(staffGives.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const staffWithdraws = await stack.query(SET, { m: member.memberId, p: 'MARKETING', g: false, c: 'POS' });
    expect(staffWithdraws.errors).toBeUndefined();
    const history = (await stack.query(READ, { m: member.memberId })).data.member.consentHistory;
    expect(history[0]).toMatchObject({ purpose: 'MARKETING', granted: false, channel: 'POS', actor: expect.stringMatching(/^staff:/) });
    expect(history).toHaveLength(2);
  });
});
