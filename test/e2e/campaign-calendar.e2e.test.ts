import { randomUUID } from 'node:crypto';
import { scrape, total } from '../../scripts/bench/metrics';
import { grpcCall } from '../harness/grpc';
import { REGISTER, uniquePhone } from '../harness/operations';
import { startStack, type Stack } from '../harness/startStack';

/**
 * The earn's activity coefficient from the campaign calendar points holds (issue 19): through the
 * gateway, an earn whose live campaigns are unbudgeted and target no segment or consent asks
 * campaign nothing and earns what campaign would answer; a campaign created, ended or a new
 * combination applies to the very next earn, by campaign's event (the calendar's TTL here is ten
 * minutes, so nothing else could clear it); budgeted, segment and consent campaigns are still
 * answered by campaign, budgets exact.
 */
let stack: Stack;
let memberId: string;

const HOUR = 3_600_000;
const CREATE = `mutation($i: CreateCampaignInput!) { createCampaign(input: $i) { id state } }`;
const EARN = `mutation($m: ID!, $o: String!, $a: String!, $c: Channel!) { recordOrder(memberId: $m, orderNo: $o, amount: $a, channel: $c) { pointsEarned } }`;

const grpcCalls = async (method: string) =>
  total(await scrape(stack.services.points.httpUrl), 'membergraph_grpc_client_calls_total', {
    method: `/membergraph.campaign.v1.CampaignService/${method}`,
  });

/** One earn, with the calls points made to campaign for it. */
async function earn(amount = '88.00', channel = 'WEB', orderNo = `CAL-${randomUUID()}`) {
  const [asked, read] = [await grpcCalls('GetActivityCoefficient'), await grpcCalls('ListEarnCampaigns')];
  const result = await stack.query(EARN, { m: memberId, o: orderNo, a: amount, c: channel });
  expect(result.errors).toBeUndefined();
  return {
    points: result.data.recordOrder.pointsEarned as number,
    coefficientCalls: (await grpcCalls('GetActivityCoefficient')) - asked,
    calendarReads: (await grpcCalls('ListEarnCampaigns')) - read,
  };
}

async function createCampaign(input: Record<string, unknown>): Promise<string> {
  const now = Date.now();
  const result = await stack.query(CREATE, {
    i: {
      name: `calendar ${randomUUID()}`,
      startsAt: new Date(now - HOUR).toISOString(),
      endsAt: new Date(now + 24 * HOUR).toISOString(),
      ...input,
    },
  });
  expect(result.errors).toBeUndefined();
  return result.data.createCampaign.id;
}

const endCampaign = async (id: string) =>
  expect((await stack.query('mutation($id: ID!) { endCampaign(id: $id) { state } }', { id })).errors).toBeUndefined();

/** What campaign itself answers for this member's order now (a preview: nothing reserved). */
async function campaignAnswer(channel = 'WEB'): Promise<number> {
  const answer = await grpcCall('campaign', 'CampaignService', stack.services.campaign.grpcAddress, 'getActivityCoefficient', {
    memberId,
    atEpochMs: String(Date.now()),
    tierId: 'REGULAR',
    channel,
  });
  return answer.coefficientMilli;
}

beforeAll(async () => {
  stack = await startStack({ env: { CAMPAIGN_CALENDAR_TTL_MS: '600000', TIER_LADDER_TTL_MS: '600000' } });
  memberId = (await stack.query(REGISTER, { phone: uniquePhone(), channel: 'WEB' })).data.registerMember.id;
  // The first earn creates the account and points' copy of the tier.
  await earn();
});
afterAll(() => stack?.stop());

describe('the campaign calendar points holds', () => {
  let double: string;
  it('live untargeted unbudgeted campaigns: no GetActivityCoefficient call, the points campaign would grant', async () => {
    double = await createCampaign({ activityCoefficient: '2.0' });
    await createCampaign({ activityCoefficient: '1.5' });
    // A budgeted campaign for POS orders only does not admit a web order: it does not send it to campaign.
    await createCampaign({ activityCoefficient: '3.0', budgetPoints: 100_000, target: { channels: ['POS'] } });
    const first = await earn();
    // The create's event cleared the copy: this earn read the calendar once, and asked nothing else.
    expect(first).toEqual({ points: 176, coefficientCalls: 0, calendarReads: 1 });
    expect(await campaignAnswer()).toBe(2000);
    // floor(88.00 × 1 × γ 1.0 × MAX(2.0, 1.5)) — from the copy, no read.
    expect(await earn()).toEqual({ points: 176, coefficientCalls: 0, calendarReads: 0 });
  });

  it('a campaign created, the combination changed, a campaign ended: the next earn applies it, by the event', async () => {
    const triple = await createCampaign({ activityCoefficient: '3.0' });
    expect(await earn('100.00')).toEqual({ points: 300, coefficientCalls: 0, calendarReads: 1 });
    await endCampaign(triple);
    expect(await earn('100.00')).toEqual({ points: 200, coefficientCalls: 0, calendarReads: 1 });
    const multiply = await stack.query('mutation { setCoefficientCombination(combination: MULTIPLY) }');
    expect(multiply.errors).toBeUndefined();
    // 2.0 × 1.5 = 3.0, as campaign combines them.
    expect(await earn('100.00')).toEqual({ points: 300, coefficientCalls: 0, calendarReads: 1 });
    expect(await campaignAnswer()).toBe(3000);
    await endCampaign(double);
    expect(await earn('100.00')).toEqual({ points: 150, coefficientCalls: 0, calendarReads: 1 });
  });

  it('a budgeted campaign admitting the order: campaign answers and reserves; a refund gives its budget back', async () => {
    const budgeted = await createCampaign({ activityCoefficient: '2.0', budgetPoints: 1000, target: { channels: ['POS'] } });
    const orderNo = `CAL-${randomUUID()}`;
    // MULTIPLY: 1.5 (unbudgeted, POS too) × 2.0 (budgeted) × 3.0 (budgeted, POS) — campaign decides, once.
    const pos = await earn('100.00', 'POS', orderNo);
    expect(pos.coefficientCalls).toBe(1);
    expect(pos.points).toBe(900);
    const spent = async () =>
      (await stack.query('{ campaigns { id spentPoints } }')).data.campaigns.find((c: { id: string }) => c.id === budgeted).spentPoints;
    // Its share: points at 3.0 × 2.0 less points at 3.0 (600 − 300).
    expect(await spent()).toBe(300);
    const refund = await stack.query(
      'mutation($o: String!, $r: String!) { refundOrder(orderNo: $o, refundNo: $r, amount: "100.00") { pointsClawedBack } }',
      {
        o: orderNo,
        r: `R-${orderNo}`,
      },
    );
    expect(refund.errors).toBeUndefined();
    // The budget goes back from points' outbox, just after the refund's answer.
    for (let i = 0; i < 200 && (await spent()) !== 0; i++) await new Promise((resolve) => setTimeout(resolve, 25));
    expect(await spent()).toBe(0);
    // The web order is still answered from the copy.
    expect(await earn('100.00')).toEqual({ points: 150, coefficientCalls: 0, calendarReads: 0 });
  });

  it('a campaign requiring marketing consent or targeting a segment: campaign answers', async () => {
    const consent = await createCampaign({ activityCoefficient: '4.0', target: { requireMarketingConsent: true } });
    // The member never consented: campaign leaves it out, 1.5 stands.
    expect(await earn('100.00')).toEqual({ points: 150, coefficientCalls: 1, calendarReads: 1 });
    await endCampaign(consent);
    expect(await earn('100.00')).toEqual({ points: 150, coefficientCalls: 0, calendarReads: 1 });
    const segment = await stack.query('mutation($input: DefineSegmentInput!) { defineSegment(input: $input) { id } }', {
      input: { key: `CAL_${Date.now()}`, name: 'calendar', rules: JSON.stringify({ field: 'purchases', op: 'gte', value: 100 }) },
    });
    expect(segment.errors).toBeUndefined();
    const segmented = await createCampaign({ activityCoefficient: '4.0', target: { segments: [segment.data.defineSegment.id] } });
    expect(await earn('100.00')).toEqual({ points: 150, coefficientCalls: 1, calendarReads: 1 });
    await endCampaign(segmented);
    expect(await earn('100.00')).toEqual({ points: 150, coefficientCalls: 0, calendarReads: 1 });
  });

  it('a mini-program order while a campaign counts it as an action: campaign is asked, and counts it', async () => {
    const balance = async () =>
      (await stack.query('query($id: ID!) { member(id: $id) { points { balance } } }', { id: memberId })).data.member.points
        .balance as number;
    await createCampaign({ type: 'BONUS', taskAction: 'FIRST_MINI_PROGRAM_ORDER', bonusPoints: 10 });
    // A web order is no mini-program order: still answered from the copy.
    expect(await earn('100.00')).toEqual({ points: 150, coefficientCalls: 0, calendarReads: 1 });
    const before = await balance();
    const app = await earn('100.00', 'MINI_PROGRAM');
    expect(app).toEqual({ points: 150, coefficientCalls: 1, calendarReads: 0 });
    // The bonus reaches points from campaign's outbox just after the earn.
    for (let i = 0; i < 200 && (await balance()) !== before + app.points + 10; i++) await new Promise((resolve) => setTimeout(resolve, 25));
    expect(await balance()).toBe(before + app.points + 10);
  });
});
