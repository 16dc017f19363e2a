import { outboxEvents } from '../harness/outboxEvents';
import { uniquePhone } from '../harness/operations';
import { startStack, type GraphQLResponse, type Stack } from '../harness/startStack';

/*
 * Registration and sign-in ask the real risk service through the gateway (issue 18, "Callers"):
 * a device farm registering 50 members from one device is caught by the seeded device rules
 * (device-shared: more than 3 members on a device in 30 days → REVIEW; device-farm: more than
 * 10 → DENY), ordinary members pass untouched, and sign-in fails open when risk is down.
 */

const LOGIN =
  'mutation($phone: String!, $code: String!, $device: String) { loginWithCode(phone: $phone, code: $code, deviceId: $device) { accessToken member { id } } }';
const REVIEWS =
  'query($after: String) { riskReviews(first: 100, after: $after) { edges { node { action memberId decision deviceId ip reasons { rule } } } pageInfo { endCursor hasNextPage } } }';
const COUNT_MEMBERS = 'query { members(first: 100) { id } }';
const BY_PHONE = 'query($phone: String!) { memberByPhone(phone: $phone) { id } }';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack?.stop());

/** A phone signs in through the gateway with a real code, from `device` (none: no deviceId). */
async function signIn(phone: string, device?: string): Promise<GraphQLResponse> {
  await stack.queryAs(null, 'mutation($phone: String!) { requestLoginCode(phone: $phone) { expiresIn } }', { phone });
  const code = [...stack.sms].reverse().find((m) => m.phone === phone)!.code;
  return stack.queryAs(null, LOGIN, { phone, code, device });
}

async function reviews(): Promise<any[]> {
  const nodes: any[] = [];
  let after: string | null = null;
  for (;;) {
    const page: any = (await stack.query(REVIEWS, { after })).data.riskReviews;
    nodes.push(...page.edges.map((e: any) => e.node));
    if (!page.pageInfo.hasNextPage) return nodes;
    after = page.pageInfo.endCursor;
  }
}

describe('risk at registration and sign-in, through the gateway with the real risk service', () => {
  const ordinary: string[] = [];
  const ordinaryPhones: string[] = [];

  it('ordinary members, each on their own device, register and sign in untouched (ALLOW: nothing to review)', async () => {
    for (let i = 0; i < 4; i += 1) {
      ordinaryPhones.push(uniquePhone());
      const answer = await signIn(ordinaryPhones[i], `phone-${i}`);
      expect(answer.errors).toBeUndefined();
      ordinary.push(answer.data.loginWithCode.member.id);
    }
    // And sign in again later (LOGIN) from their own device.
    expect((await signIn(ordinaryPhones[0], 'phone-0')).data.loginWithCode.member.id).toBe(ordinary[0]);
    expect((await reviews()).filter((r) => ordinary.includes(r.memberId))).toEqual([]);
  });

  it('a device farm registering 50 members on one device: 1st–3rd pass, 4th–10th pass into review, 11th–50th are refused with RISK_DENIED and not stored', async () => {
    const phones = Array.from({ length: 50 }, () => uniquePhone());
    const answers: GraphQLResponse[] = [];
    for (const phone of phones) answers.push(await signIn(phone, 'farm-device-1'));
    const registered = answers.map((a) => a.data?.loginWithCode?.member.id ?? null);
    expect(registered.slice(0, 10).every(Boolean)).toBe(true);
    for (const refused of answers.slice(10)) {
      expect(refused.data).toBeNull();
      expect(refused.errors?.[0]).toMatchObject({
        message: expect.stringMatching(/^registration refused by risk control: .*device-farm/),
        extensions: { code: 'RISK_DENIED' },
      });
    }
    // Refused registrations wrote nothing: no member with those phones.
    for (const phone of [phones[10], phones[49]]) expect((await stack.query(BY_PHONE, { phone })).data.memberByPhone).toBeNull();
    // The 4th to the 10th wait in the review queue with the evidence a reviewer needs.
    const queued = (await reviews()).filter((r) => r.deviceId === 'farm-device-1');
    expect(queued.map((r) => r.memberId).sort()).toEqual(registered.slice(3, 10).sort());
    expect(queued[0]).toMatchObject({ action: 'REGISTER', decision: 'REVIEW', ip: '127.0.0.1', reasons: [{ rule: 'device-shared' }] });
    // Ten members, the ordinary ones and the first ten of the farm.
    expect((await stack.query(COUNT_MEMBERS)).data.members).toHaveLength(4 + 10);
  });

  it('a farm member signing in again from the farm device is refused (LOGIN); from another device they sign in', async () => {
    const first = (await reviews()).find((r) => r.deviceId === 'farm-device-1')!;
    const phone = (
      await stack.query('query($id: ID!) { member(id: $id) { phone } }', {
        id: first.memberId,
      })
    ).data.member.phone;
    const again = await signIn(phone, 'farm-device-1');
    expect(again.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/^sign-in refused by risk control/),
      extensions: { code: 'RISK_DENIED' },
    });
    expect((await signIn(phone, 'their-own-phone')).errors).toBeUndefined();
  });

  it('the mini-program is judged alike: a WeChat registration from the farm device is refused, from its own device it passes', async () => {
    const WECHAT =
      'mutation($c: String!, $p: String, $d: String) { loginWithWeChat(code: $c, phoneCode: $p, deviceId: $d) { member { id } } }';
    const farmPhone = uniquePhone();
    const refused = await stack.queryAs(null, WECHAT, { c: 'dev:openid-farm-51', p: `dev:${farmPhone}`, d: 'farm-device-1' });
    expect(refused.errors?.[0]).toMatchObject({ extensions: { code: 'RISK_DENIED' } });
    expect((await stack.query(BY_PHONE, { phone: farmPhone })).data.memberByPhone).toBeNull();
    const own = await stack.queryAs(null, WECHAT, { c: 'dev:openid-own-1', p: `dev:${uniquePhone()}`, d: 'own-phone-1' });
    expect(own.errors).toBeUndefined();
    // A later sign-in of that WeChat account (LOGIN) from the farm device is refused.
    const later = await stack.queryAs(null, WECHAT, { c: 'dev:openid-own-1', d: 'farm-device-1' });
    expect(later.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/^sign-in refused by risk control/),
      extensions: { code: 'RISK_DENIED' },
    });
  });

  it('risk down: sign-in fails open, and the assessment waits in the member outbox for review', async () => {
    await stack.services.risk.stop();
    const answer = await signIn(uniquePhone(), 'phone-while-risk-down');
    expect(answer.errors).toBeUndefined();
    const memberId = answer.data.loginWithCode.member.id;
    expect(await outboxEvents(stack.services.member.dataSource, `risk:${memberId}`)).toMatchObject([
      {
        type: 'risk.assess',
        delivered: false,
        payload: { action: 'REGISTER', memberId, deviceId: 'phone-while-risk-down', failOpen: true },
      },
    ]);
  });
});
