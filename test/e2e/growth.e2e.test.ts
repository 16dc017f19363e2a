import { randomUUID } from 'node:crypto';
import { REGISTER, uniquePhone } from '../harness/operations';
import { startStack, type Stack } from '../harness/startStack';

/**
 * The growth playbook through the gateway (issue 17): the referral ladder (a member invites five
 * friends and becomes Gold, each reward once; staff edit the ladder and release or reject friends
 * risk holds for review) and a targeted double-points week with a budget.
 */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ env: { POINTS_RETURN_WINDOW_DAYS: '0' } });
  for (const template of [
    { code: 'REFERRAL20', name: 'Referral 20 CNY', kind: 'NO_THRESHOLD', amount: '20.00', validDays: 30, perMemberLimit: 10, stock: 1000 },
    { code: 'POS_FIRST20', name: 'First order 20% off', kind: 'PERCENTAGE', percentOff: 20, validDays: 30, perMemberLimit: 1, stock: 1000 },
  ]) {
    const defined = await stack.query('mutation($i: CouponTemplateInput!) { defineCouponTemplate(input: $i) { code } }', { i: template });
    expect(defined.errors).toBeUndefined();
  }
});
afterAll(() => stack?.stop());

const codeOf = (response: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => response.errors?.[0]?.extensions;

const REFERRAL = `query($id: ID!) { member(id: $id) { tier { id } points { balance }
  coupons { edges { node { template { code } } } }
  referral { code shares { webLink miniProgramScene posQrPayload } invited { memberId status } rewards { rung kind status couponTemplate points tierId } } } }`;

/** Signs a new phone in with a referral code (a first sign-in registers the member). */
async function signUp(referralCode: string | null) {
  const phone = uniquePhone();
  await stack.queryAs(null, 'mutation($p: String!) { requestLoginCode(phone: $p) { expiresIn } }', { p: phone });
  const code = [...stack.sms].reverse().find((m) => phone.endsWith(m.phone.slice(-11)))!.code;
  return stack.queryAs(
    null,
    'mutation($p: String!, $c: String!, $r: String) { loginWithCode(phone: $p, code: $c, channel: WEB, referralCode: $r) { accessToken member { id } } }',
    { p: phone, c: code, r: referralCode },
  );
}

describe('the referral ladder through the gateway', () => {
  it('a member invites five friends and becomes Gold; each reward once', async () => {
    const host = await stack.loginMember(uniquePhone());
    const mine = await stack.queryAs(host.accessToken, REFERRAL, { id: host.memberId });
    expect(mine.errors).toBeUndefined();
    const code = mine.data.member.referral.code as string;
    expect(mine.data.member.referral.shares).toEqual({
      webLink: `https://member.example.com/join?ref=${code}`,
      miniProgramScene: `ref=${code}`,
      posQrPayload: `MG:REGISTER:POS:REF=${code}`,
    });
    const shared = await stack.queryAs(host.accessToken, 'mutation { shareReferral(channel: MINI_PROGRAM) { miniProgramScene } }');
    expect(shared.data.shareReferral.miniProgramScene).toBe(`ref=${code}`);

    const friends: Array<{ accessToken: string; member: { id: string } }> = [];
    for (let i = 0; i < 5; i += 1) {
      const signed = await signUp(code);
      expect(signed.errors).toBeUndefined();
      friends.push(signed.data.loginWithCode);
    }

    const after = (await stack.queryAs(host.accessToken, REFERRAL, { id: host.memberId })).data.member;
    expect(after.tier.id).toBe('GOLD');
    expect(after.points.balance).toBe(50);
    expect(after.coupons.edges.map((e: { node: { template: { code: string } } }) => e.node.template.code)).toEqual(['REFERRAL20']);
    expect(after.referral.invited).toHaveLength(5);
    expect(after.referral.invited.every((f: { status: string }) => f.status === 'COUNTED')).toBe(true);
    expect(after.referral.rewards).toEqual([
      { rung: 1, kind: 'COUPON', status: 'GRANTED', couponTemplate: 'REFERRAL20', points: null, tierId: null },
      { rung: 3, kind: 'POINTS', status: 'GRANTED', couponTemplate: null, points: 50, tierId: null },
      { rung: 5, kind: 'TIER', status: 'GRANTED', couponTemplate: null, points: null, tierId: 'GOLD' },
    ]);
    // The first friend got the coupon too ("both"); the others did not.
    const first = (await stack.queryAs(friends[0].accessToken, REFERRAL, { id: friends[0].member.id })).data.member;
    expect(first.coupons.edges).toHaveLength(1);
    const second = (await stack.queryAs(friends[1].accessToken, REFERRAL, { id: friends[1].member.id })).data.member;
    expect(second.coupons.edges).toHaveLength(0);

    // A friend signing in again with the code changes nothing: rewards stay once.
    const again = (await stack.queryAs(host.accessToken, REFERRAL, { id: host.memberId })).data.member;
    expect(again.referral.rewards).toHaveLength(3);
    expect(again.points.balance).toBe(50);
  });

  it('refuses a code that does not exist (nothing registered) and the member’s own code, with coded errors', async () => {
    const unknown = await signUp('ZZZZ2222');
    expect(codeOf(unknown)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'referralCode', reason: 'UNKNOWN_REFERRAL_CODE' });
    const me = await stack.loginMember(uniquePhone());
    const own = (await stack.queryAs(me.accessToken, REFERRAL, { id: me.memberId })).data.member.referral.code;
    const claimed = await stack.queryAs(me.accessToken, 'mutation($c: String!) { claimReferral(code: $c) { code } }', { c: own });
    expect(codeOf(claimed)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code', reason: 'OWN_REFERRAL_CODE' });
    const nobody = await stack.queryAs(me.accessToken, 'mutation { claimReferral(code: "ABCDEFGH") { code } }');
    expect(codeOf(nobody)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'UNKNOWN_REFERRAL_CODE' });
    const invited = (await stack.queryAs(me.accessToken, REFERRAL, { id: me.memberId })).data.member.referral.invited;
    expect(invited).toEqual([]);
  });

  it('POS scan-to-register: the first-order 20% off coupon at once', async () => {
    const registered = await stack.query(REGISTER, { phone: uniquePhone(), channel: 'POS' });
    const id = registered.data.registerMember.id;
    const card = (await stack.query(REFERRAL, { id })).data.member;
    expect(card.coupons.edges.map((e: { node: { template: { code: string } } }) => e.node.template.code)).toEqual(['POS_FIRST20']);
  });

  it('reports the K-factor to staff', async () => {
    const from = new Date(Date.now() - 3_600_000).toISOString();
    const to = new Date(Date.now() + 3_600_000).toISOString();
    const k = await stack.query(
      'query($f: String!, $t: String!) { referralKFactor(from: $f, to: $t) { invitations conversions members kFactor } }',
      { f: from, t: to },
    );
    expect(k.errors).toBeUndefined();
    expect(k.data.referralKFactor).toMatchObject({ invitations: 1, conversions: 5 });
    expect(k.data.referralKFactor.kFactor).toBeCloseTo(5 / k.data.referralKFactor.members, 10);
  });

  it('staff edit the ladder and work the review queue: a held friend released is paid by the edited rung, once; a rejected one pays nothing', async () => {
    const holdSecondReferral = (enabled: boolean) => ({
      id: 'referral-velocity-review',
      description: 'More than one referral reward for one inviter within an hour: a person looks first',
      enabled,
      outcome: 'REVIEW',
      score: 30,
      definition: JSON.stringify({ kind: 'VELOCITY', actions: ['REFERRAL_REWARD'], by: 'MEMBER', windowSeconds: 3600, max: 1 }),
    });
    const saveRule = 'mutation($input: RiskRuleInput!) { saveRiskRule(input: $input) { id } }';
    expect((await stack.query(saveRule, { input: holdSecondReferral(true) })).errors).toBeUndefined();
    const RUNG = 'rungId revision friends kind points tierId retired actor reason';
    const change = (rungId: number, input: Record<string, unknown>) =>
      stack.query(
        `mutation($r: Int!, $i: ReferralRungInput!) { changeReferralRung(rungId: $r, input: $i, reason: "e2e: ladder edit") { ${RUNG} } }`,
        {
          r: rungId,
          i: input,
        },
      );
    const add = (input: Record<string, unknown>) =>
      stack.query(`mutation($i: ReferralRungInput!) { addReferralRung(input: $i, reason: "e2e: ladder edit") { ${RUNG} } }`, { i: input });

    const host = await stack.loginMember(uniquePhone());
    const code = (await stack.queryAs(host.accessToken, REFERRAL, { id: host.memberId })).data.member.referral.code as string;
    const first = (await signUp(code)).data.loginWithCode.member.id as string;

    // The third rung now pays at two friends. Bad edits are coded and change nothing (the tier is checked with the member service).
    const moved = await change(3, { friends: 2 });
    expect(moved.errors).toBeUndefined();
    expect(moved.data.changeReferralRung).toMatchObject({ rungId: 3, friends: 2, kind: 'POINTS', points: 50, retired: false });
    expect(codeOf(await add({ friends: 0, kind: 'POINTS', points: 10 }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'THRESHOLD_NOT_POSITIVE',
    });
    expect(codeOf(await add({ friends: 2, kind: 'POINTS', points: 10 }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'DUPLICATE_THRESHOLD',
    });
    expect(codeOf(await add({ friends: 9, kind: 'TIER', tierId: 'PLATINUM' }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'UNKNOWN_TIER',
    });
    expect(codeOf(await change(3, { points: -5 }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'points' });
    expect(
      codeOf(await stack.queryAs(host.accessToken, 'mutation { retireReferralRung(rungId: 5, reason: "not mine") { rungId } }')),
    ).toMatchObject({
      code: 'FORBIDDEN',
    });
    const ladder = (await stack.queryAs(null, 'query { referralLadder { rungId friends kind } }')).data.referralLadder;
    expect(ladder).toEqual([
      { rungId: 1, friends: 1, kind: 'COUPON' },
      { rungId: 3, friends: 2, kind: 'POINTS' },
      { rungId: 5, friends: 5, kind: 'TIER' },
    ]);

    // The second friend is held by risk and waits in the queue.
    const second = (await signUp(code)).data.loginWithCode.member.id as string;
    const HELD = 'id inviterId status riskReason heldAt decision { decision reason decidedBy decidedAt }';
    const queue = (await stack.query(`query { referralsInReview(first: 50) { ${HELD} } }`)).data.referralsInReview;
    expect(queue.find((r: { id: string }) => r.id === second)).toMatchObject({
      inviterId: host.memberId,
      status: 'REVIEW',
      decision: null,
    });
    expect(queue.find((r: { id: string }) => r.id === second).riskReason).toMatch(/REFERRAL_REWARD/);
    const before = (await stack.queryAs(host.accessToken, REFERRAL, { id: host.memberId })).data.member;
    expect(before.points.balance).toBe(0);

    // Released twice: counted once, paid by the edited rung (50 points at two friends) once.
    const RELEASE = `mutation($id: ID!) { releaseReferral(id: $id, reason: "e2e: checked by phone") { ${HELD} } }`;
    const released = await stack.query(RELEASE, { id: second });
    expect(released.errors).toBeUndefined();
    expect(released.data.releaseReferral).toMatchObject({
      id: second,
      status: 'COUNTED',
      decision: { decision: 'RELEASED', reason: 'e2e: checked by phone', decidedBy: expect.stringMatching(/^staff:/) },
    });
    expect((await stack.query(RELEASE, { id: second })).data.releaseReferral.status).toBe('COUNTED');
    const WITH_VERSION = `query($id: ID!) { member(id: $id) { points { balance } referral { invited { memberId status } rewards { rung rungId kind points status rungVersion { revision friends actor } } } } }`;
    const after = (await stack.queryAs(host.accessToken, WITH_VERSION, { id: host.memberId })).data.member;
    expect(after.points.balance).toBe(50);
    expect(after.referral.rewards).toEqual([
      { rung: 1, rungId: 1, kind: 'COUPON', points: null, status: 'GRANTED', rungVersion: { revision: 1, friends: 1, actor: 'system' } },
      {
        rung: 2,
        rungId: 3,
        kind: 'POINTS',
        points: 50,
        status: 'GRANTED',
        rungVersion: { revision: moved.data.changeReferralRung.revision, friends: 2, actor: expect.stringMatching(/^staff:/) },
      },
    ]);

    // A third friend, held and rejected: nothing paid, the decision kept.
    const third = (await signUp(code)).data.loginWithCode.member.id as string;
    const rejected = await stack.query(`mutation($id: ID!) { rejectReferral(id: $id, reason: "e2e: same device farm") { ${HELD} } }`, {
      id: third,
    });
    expect(rejected.data.rejectReferral).toMatchObject({
      status: 'REJECTED',
      decision: { decision: 'REJECTED', reason: 'e2e: same device farm' },
    });
    expect(codeOf(await stack.query(RELEASE, { id: third }))).toMatchObject({ code: 'CONFLICT', reason: 'NOT_IN_REVIEW' });
    const last = (await stack.queryAs(host.accessToken, WITH_VERSION, { id: host.memberId })).data.member;
    expect(last.points.balance).toBe(50);
    expect(last.referral.rewards).toHaveLength(2);
    expect(last.referral.invited.map((f: { memberId: string; status: string }) => [f.memberId, f.status]).sort()).toEqual(
      [
        [first, 'COUNTED'],
        [second, 'COUNTED'],
        [third, 'REJECTED'],
      ].sort(),
    );

    // The history keeps both versions of the rung; the ladder goes back as the rest of the suite expects it.
    const history = (await stack.query('query { referralLadderHistory(rungId: 3) { revision friends points actor reason } }')).data
      .referralLadderHistory;
    expect(history.map((v: { friends: number; actor: string }) => [v.friends, v.actor.startsWith('staff:') ? 'staff' : v.actor])).toEqual([
      [3, 'system'],
      [2, 'staff'],
    ]);
    expect((await change(3, { friends: 3 })).errors).toBeUndefined();
    expect((await stack.query(saveRule, { input: holdSecondReferral(false) })).errors).toBeUndefined();
  });
});

describe('a targeted double-points week with a budget', () => {
  const CREATE = `mutation($i: CreateCampaignInput!) { createCampaign(input: $i) { id state budgetPoints spentPoints target { tiers } } }`;
  const ORDER = `mutation($m: ID!, $o: String!, $a: String!) { recordOrder(memberId: $m, orderNo: $o, amount: $a, channel: WEB) { pointsEarned } }`;
  const earn = async (memberId: string, amount: string, orderNo = `GW-${randomUUID()}`) => {
    const response = await stack.query(ORDER, { m: memberId, o: orderNo, a: amount });
    expect(response.errors).toBeUndefined();
    return response.data.recordOrder.pointsEarned as number;
  };
  const REFUND = `mutation($o: String!, $r: String!, $a: String!) { refundOrder(orderNo: $o, refundNo: $r, amount: $a) { pointsClawedBack } }`;
  const spentOf = async (campaignId: string) =>
    (await stack.query('{ campaigns { id spentPoints } }')).data.campaigns.find((c: { id: string }) => c.id === campaignId).spentPoints;

  it('Silver members earn double until the budget of extra points is spent; others earn as usual', async () => {
    const silver = (await stack.query(REGISTER, { phone: uniquePhone(), channel: 'WEB' })).data.registerMember.id;
    const regular = (await stack.query(REGISTER, { phone: uniquePhone(), channel: 'WEB' })).data.registerMember.id;
    const granted = await stack.query('mutation($m: ID!) { grantTier(memberId: $m, tierId: "SILVER", reason: "growth test") { id } }', {
      m: silver,
    });
    expect(granted.errors).toBeUndefined();
    const now = Date.now();
    const draft = await stack.query(CREATE, {
      i: {
        name: 'Silver double points week',
        activityCoefficient: '2.0',
        startsAt: new Date(now - 60_000).toISOString(),
        endsAt: new Date(now + 7 * 86_400_000).toISOString(),
        draft: true,
        target: { tiers: ['SILVER'] },
        budgetPoints: 1300,
      },
    });
    expect(draft.data.createCampaign).toMatchObject({ state: 'DRAFT', budgetPoints: 1300, target: { tiers: ['SILVER'] } });
    // A draft does not apply.
    expect(await earn(silver, '100.00')).toBe(120);
    const scheduled = await stack.query('mutation($id: ID!) { scheduleCampaign(id: $id) { state } }', { id: draft.data.createCampaign.id });
    expect(scheduled.data.scheduleCampaign.state).toBe('LIVE');

    // γ 1.2: 1000 CNY earns 1200, doubled 2400 (1200 extra of the 1300 budget).
    const big = `GW-${randomUUID()}`;
    expect(await earn(silver, '1000.00', big)).toBe(2400);
    // 500 CNY would take 600 extra: more than the 100 left, so it earns at 1.0.
    expect(await earn(silver, '500.00')).toBe(600);
    // 50 CNY takes 60 extra: it fits.
    expect(await earn(silver, '50.00')).toBe(120);
    // Not targeted: a Regular member earns as usual.
    expect(await earn(regular, '1000.00')).toBe(1000);
    const campaignId = draft.data.createCampaign.id;
    expect(await spentOf(campaignId)).toBe(1260);

    // Refunds give the budget back as the points are clawed back: 40% of the big order returns 480 of
    // its 1200 extra points, a repeated refund nothing more, the rest the other 720.
    const refund = (refundNo: string, amount: string) => stack.query(REFUND, { o: big, r: refundNo, a: amount });
    expect((await refund(`${big}-R1`, '400.00')).data.refundOrder.pointsClawedBack).toBe(960);
    expect(await spentOf(campaignId)).toBe(780);
    expect((await refund(`${big}-R1`, '400.00')).errors).toBeUndefined();
    expect(await spentOf(campaignId)).toBe(780);
    expect((await refund(`${big}-R2`, '600.00')).data.refundOrder.pointsClawedBack).toBe(1440);
    expect(await spentOf(campaignId)).toBe(60);
    // The budget given back is spent again: 500 CNY (600 extra) now fits.
    expect(await earn(silver, '500.00')).toBe(1200);
    expect(await spentOf(campaignId)).toBe(660);
  });

  it('refuses inverted windows and negative budgets with coded errors', async () => {
    const inverted = await stack.query(CREATE, {
      i: { name: 'Backwards', activityCoefficient: '2', startsAt: '2026-12-08T00:00:00Z', endsAt: '2026-12-01T00:00:00Z' },
    });
    expect(codeOf(inverted)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'endsAt', reason: 'INVERTED_WINDOW' });
    const negative = await stack.query(CREATE, {
      i: { name: 'Negative', activityCoefficient: '2', startsAt: '2026-12-01T00:00:00Z', endsAt: '2026-12-08T00:00:00Z', budgetPoints: -5 },
    });
    expect(codeOf(negative)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'budgetPoints' });
  });

  it('a check-in BONUS campaign pays its points with the check-in, once a day', async () => {
    const now = Date.now();
    const bonus = await stack.query(CREATE, {
      i: {
        name: 'Check-in bonus week',
        type: 'BONUS',
        taskAction: 'CHECK_IN',
        bonusPoints: 20,
        startsAt: new Date(now - 60_000).toISOString(),
        endsAt: new Date(now + 7 * 86_400_000).toISOString(),
      },
    });
    expect(bonus.errors).toBeUndefined();
    const me = await stack.loginMember(uniquePhone());
    const CHECK_IN = 'mutation($m: ID!) { checkIn(memberId: $m) { points alreadyCheckedIn } }';
    expect((await stack.queryAs(me.accessToken, CHECK_IN, { m: me.memberId })).errors).toBeUndefined();
    await stack.queryAs(me.accessToken, CHECK_IN, { m: me.memberId });
    const balance = (await stack.queryAs(me.accessToken, 'query($id: ID!) { member(id: $id) { points { balance } } }', { id: me.memberId }))
      .data.member.points.balance;
    // POINTS_CHECK_IN (5) once, and the campaign's 20 once.
    expect(balance).toBe(25);
  });
});

describe('targeting by segment and marketing consent', () => {
  const ORDER = `mutation($m: ID!, $o: String!, $a: String!) { recordOrder(memberId: $m, orderNo: $o, amount: $a, channel: WEB) { pointsEarned } }`;
  const earn = async (memberId: string | undefined, amount: string) => {
    const response = await stack.query(ORDER, { m: memberId, o: `SEG-${randomUUID()}`, a: amount });
    expect(response.errors).toBeUndefined();
    return response.data.recordOrder.pointsEarned as number;
  };

  it('a segment campaign requiring marketing consent applies to the segment’s consenting members only', async () => {
    const consenting = await stack.loginMember(uniquePhone());
    const silent = await stack.loginMember(uniquePhone());
    // Registered in the mini-program: outside the segment of web registrations.
    const outside = await stack.loginMember(uniquePhone(), 'MINI_PROGRAM');
    const given = await stack.queryAs(
      consenting.accessToken,
      'mutation($m: ID!) { setConsent(memberId: $m, purpose: MARKETING, granted: true, channel: WEB) { id } }',
      { m: consenting.memberId },
    );
    expect(given.errors).toBeUndefined();

    const defined = await stack.query('mutation($i: DefineSegmentInput!) { defineSegment(input: $i) { id } }', {
      i: {
        key: 'GROWTH_WEB_REGULARS',
        name: 'Regular members registered on the web',
        rules: '{"all":[{"field":"tier","op":"eq","value":"REGULAR"},{"field":"channel","op":"eq","value":"WEB"}]}',
      },
    });
    expect(defined.errors).toBeUndefined();
    const segmentId = defined.data.defineSegment.id as string;
    expect((await stack.query('mutation { recomputeSegments { members } }')).errors).toBeUndefined();

    const CREATE = `mutation($i: CreateCampaignInput!) { createCampaign(input: $i) { id target { segments requireMarketingConsent } } }`;
    const window = { startsAt: new Date(Date.now() - 60_000).toISOString(), endsAt: new Date(Date.now() + 86_400_000).toISOString() };
    const unknown = await stack.query(CREATE, {
      i: { name: 'Nobody', activityCoefficient: '3.0', ...window, target: { segments: ['no-such-segment'] } },
    });
    expect(codeOf(unknown)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'target.segments', reason: 'UNKNOWN_SEGMENT' });
    const created = await stack.query(CREATE, {
      i: {
        name: 'Triple for consenting regulars',
        activityCoefficient: '3.0',
        ...window,
        target: { segments: [segmentId], requireMarketingConsent: true },
      },
    });
    expect(created.data.createCampaign.target).toEqual({ segments: [segmentId], requireMarketingConsent: true });

    // Regular (γ 1.0): 100 CNY earns 100, tripled 300 only for the consenting segment member.
    expect(await earn(consenting.memberId, '100.00')).toBe(300);
    expect(await earn(silent.memberId, '100.00')).toBe(100);
    // Consenting or not, a member outside the segment earns as usual.
    const given2 = await stack.queryAs(
      outside.accessToken,
      'mutation($m: ID!) { setConsent(memberId: $m, purpose: MARKETING, granted: true, channel: MINI_PROGRAM) { id } }',
      { m: outside.memberId },
    );
    expect(given2.errors).toBeUndefined();
    expect(await earn(outside.memberId, '100.00')).toBe(100);
  });
});
