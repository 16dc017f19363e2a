import { readCommonConfig } from '../../services/kit/src';
import { issueBirthdayBenefits } from '../../services/benefits/src/commands/issueBirthdayBenefits';
import { connectPeers } from '../../services/benefits/src/grpc/peers';
import { leasedBirthdays } from '../../services/benefits/src/jobs/scheduleBirthdays';
import { programmeDay } from '../../services/benefits/src/domain/occasions';
import { RECORD_ORDER } from '../harness/operations';
import { startStack, type Stack } from '../harness/startStack';

/**
 * Rewards nobody asks for, across services: the 12th purchase in a year (a milestone the member
 * service's tier engine records and announces from its outbox) gives the coupon staff set for it,
 * once; today's birthdays, read from the member service over gRPC a page at a time, get their
 * tier's birthday coupon once, however many job runs race for it.
 */
let stack: Stack;
const OFFSET = 480;

const DEFINE = 'mutation($i: CouponTemplateInput!) { defineCouponTemplate(input: $i) { code } }';
const SET = `mutation($o: RewardOccasion!, $t: ID, $c: String) { setOccasionReward(occasion: $o, tierId: $t, templateCode: $c) {
  occasion tierId template { code } } }`;
const MY_COUPONS = '{ me { coupons(first: 20) { edges { node { source template { code } } } } } }';
const couponsOf = async (token: string) =>
  (await stack.queryAs(token, MY_COUPONS)).data.me.coupons.edges.map((e: any) => [e.node.template.code, e.node.source]);

beforeAll(async () => {
  stack = await startStack();
  for (const input of [
    {
      code: 'MYSTERY',
      name: 'Mystery gift',
      kind: 'GIFT',
      amount: '50.00',
      giftSku: 'MYSTERY-BOX',
      validDays: 30,
      perMemberLimit: 10,
      stock: 100,
    },
    { code: 'BDAY_REGULAR', name: 'Birthday 10 off', kind: 'NO_THRESHOLD', amount: '10.00', validDays: 30, perMemberLimit: 10, stock: 100 },
  ]) {
    expect((await stack.query(DEFINE, { i: input })).errors).toBeUndefined();
  }
  const mystery = await stack.query(SET, { o: 'TWELFTH_PURCHASE', c: 'MYSTERY' });
  expect(mystery.data.setOccasionReward).toEqual({ occasion: 'TWELFTH_PURCHASE', tierId: null, template: { code: 'MYSTERY' } });
  expect((await stack.query(SET, { o: 'BIRTHDAY', t: 'REGULAR', c: 'BDAY_REGULAR' })).errors).toBeUndefined();
});
afterAll(() => stack?.stop());

describe('milestone rewards', () => {
  it('gives the mystery gift at the 12th purchase in a year, once, from the member service’s outbox', async () => {
    const member = await stack.loginMember('13833330001');
    for (let i = 1; i <= 13; i += 1) {
      const order = await stack.query(RECORD_ORDER, { memberId: member.memberId, orderNo: `MILE-${i}`, amount: '10.00', channel: 'WEB' });
      expect(order.errors).toBeUndefined();
    }
    // Delivered after the member service's commit, outside the points service's call: wait for it.
    let coupons: string[][] = [];
    for (let attempt = 0; attempt < 100 && coupons.length === 0; attempt += 1) {
      coupons = await couponsOf(member.accessToken);
      if (coupons.length === 0) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(coupons).toEqual([['MYSTERY', 'MILESTONE']]);
  });

  it('lets only staff set what an occasion gives', async () => {
    const member = await stack.loginMember('13833330002');
    const refused = await stack.queryAs(member.accessToken, SET, { o: 'FIRST_TOP_TIER', c: 'MYSTERY' });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const bad = await stack.query(SET, { o: 'BIRTHDAY', c: 'MYSTERY' });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'tierId' });
  });
});

describe('birthday rewards', () => {
  it("gives today's birthdays their tier's coupon once, with jobs racing, over the member service's gRPC", async () => {
    const today = programmeDay(new Date(), OFFSET);
    const born = await stack.loginMember('13833330003');
    const other = await stack.loginMember('13833330004');
    const profile = 'mutation($m: ID!, $b: String) { updateProfile(memberId: $m, input: { birthday: $b }) { id } }';
    expect((await stack.queryAs(born.accessToken, profile, { m: born.memberId, b: `1990-${today.monthDays[0]}` })).errors).toBeUndefined();
    const elsewhere = today.monthDays[0] === '01-01' ? '1990-01-02' : '1990-01-01';
    expect((await stack.queryAs(other.accessToken, profile, { m: other.memberId, b: elsewhere })).errors).toBeUndefined();

    const common = readCommonConfig('benefits', stack.env);
    const peers = connectPeers({
      memberGrpcAddress: stack.env.MEMBER_GRPC_ADDRESS!,
      pointsGrpcAddress: stack.env.POINTS_GRPC_ADDRESS!,
      grpcDeadlineMs: 2000,
      serviceToken: common.serviceToken,
    });
    try {
      // Three replicas at once: one takes the day's lease, the others skip.
      const runs = await Promise.all([0, 1, 2].map(() => leasedBirthdays(stack.services.benefits.dataSource, peers.member, OFFSET)));
      expect(runs.filter((r) => r !== null)).toEqual([expect.objectContaining({ members: 1, issued: 1 })]);
      // Even without the lease (a CronJob on another day's key, the same grant key), nothing twice.
      const again = await issueBirthdayBenefits(stack.services.benefits.dataSource, peers.member, { utcOffsetMinutes: OFFSET });
      expect(again).toMatchObject({ members: 1, issued: 0, replayed: 1 });
    } finally {
      peers.close();
    }
    expect(await couponsOf(born.accessToken)).toEqual([['BDAY_REGULAR', 'BIRTHDAY']]);
    expect(await couponsOf(other.accessToken)).toEqual([]);
  });
});
