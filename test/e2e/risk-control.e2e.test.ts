import { RECORD_ORDER, REGISTER, uniquePhone } from '../harness/operations';
import { startStack, type Stack } from '../harness/startStack';

/*
 * Risk control through the gateway, every service real: staff tighten a rule, burns are refused
 * with the rule's reason, a review lands in the queue with its evidence and is worked there, and
 * the member card shows the level while the evidence stays with staff.
 */

const OFFSET =
  'mutation($m: ID!, $o: String!, $k: String!) { offsetCheckout(memberId: $m, orderNo: $o, offset: "0.10", idempotencyKey: $k) { pointsUsed balance } }';
const SAVE_RULE = 'mutation($input: RiskRuleInput!) { saveRiskRule(input: $input) { id outcome version } }';
const QUEUE =
  'query { riskReviews(first: 10) { edges { node { id action memberId decision score points reasons { rule detail } review { status } } } } }';
const REVIEW =
  'mutation($id: ID!, $reason: String!) { reviewRiskDecision(id: $id, verdict: APPROVE, reason: $reason) { review { status reviewedBy reason } } }';
const RISK = 'query($id: ID!) { member(id: $id) { risk { level score reasons { rule } lastDecisions(first: 3) { action decision } } } }';

const burnsPerMember = (outcome: 'REVIEW' | 'DENY') => ({
  id: 'burn-velocity-member',
  description: 'More than 2 burns by one member within an hour',
  enabled: true,
  outcome,
  score: 40,
  definition: JSON.stringify({ kind: 'VELOCITY', actions: ['BURN', 'REDEEM'], by: 'MEMBER', windowSeconds: 3600, max: 2 }),
});

let stack: Stack;
let memberId: string;
let phone: string;
beforeAll(async () => {
  stack = await startStack();
  phone = uniquePhone();
  memberId = (await stack.query(REGISTER, { phone, channel: 'WEB' })).data.registerMember.id;
  await stack.query(RECORD_ORDER, { memberId, orderNo: 'RISK-E2E-1', amount: '100.00', channel: 'WEB' });
});
afterAll(() => stack?.stop());

describe('risk control through the gateway', () => {
  it('a rule staff tighten refuses the third burn within the hour with its reason, spending nothing', async () => {
    expect(await stack.query(SAVE_RULE, { input: burnsPerMember('DENY') })).toEqual({
      data: { saveRiskRule: { id: 'burn-velocity-member', outcome: 'DENY', version: 2 } },
    });
    for (const key of ['risk-e2e-burn-1', 'risk-e2e-burn-2']) {
      expect((await stack.query(OFFSET, { m: memberId, o: 'RISK-E2E-1', k: key })).errors).toBeUndefined();
    }
    const third = await stack.query(OFFSET, { m: memberId, o: 'RISK-E2E-1', k: 'risk-e2e-burn-3' });
    expect(third.errors?.[0]).toMatchObject({
      message: `refused by risk control: burn-velocity-member: 3 BURN/REDEEM by member ${memberId} within 1 h (limit 2)`,
      extensions: { code: 'RISK_DENIED' },
    });
    const card = await stack.query('query($id: ID!) { member(id: $id) { points { balance } } }', { id: memberId });
    expect(card.data.member.points.balance).toBe(80);
  });

  it('under a REVIEW rule the burn goes through and waits in the queue with its evidence; staff approve it with a reason', async () => {
    await stack.query(SAVE_RULE, { input: burnsPerMember('REVIEW') });
    expect((await stack.query(OFFSET, { m: memberId, o: 'RISK-E2E-1', k: 'risk-e2e-burn-4' })).data.offsetCheckout).toEqual({
      pointsUsed: 10,
      balance: 70,
    });
    const queue = (await stack.query(QUEUE)).data.riskReviews.edges.map((e: any) => e.node);
    const review = queue.find((n: any) => n.memberId === memberId);
    expect(review).toMatchObject({
      action: 'BURN',
      decision: 'REVIEW',
      score: 40,
      points: 10,
      reasons: [{ rule: 'burn-velocity-member', detail: `4 BURN/REDEEM by member ${memberId} within 1 h (limit 2)` }],
      review: { status: 'PENDING' },
    });
    const approved = await stack.query(REVIEW, { id: review.id, reason: 'regular customer, several small offsets' });
    expect(approved.data.reviewRiskDecision.review).toMatchObject({
      status: 'APPROVED',
      reason: 'regular customer, several small offsets',
    });
    expect((await stack.query(QUEUE)).data.riskReviews.edges.map((e: any) => e.node.id)).not.toContain(review.id);
  });

  it('Member.risk: staff see the level, score, reasons and last decisions; the member sees the level only', async () => {
    const staff = await stack.query(RISK, { id: memberId });
    expect(staff.data.member.risk).toEqual({
      level: 'HIGH',
      score: 40,
      reasons: [{ rule: 'burn-velocity-member' }],
      lastDecisions: [
        { action: 'BURN', decision: 'REVIEW' },
        { action: 'BURN', decision: 'DENY' },
        { action: 'BURN', decision: 'ALLOW' },
      ],
    });
    const member = await stack.loginMember(phone, 'WEB');
    const own = await stack.queryAs(member.accessToken, 'query($id: ID!) { member(id: $id) { risk { level } } }', { id: memberId });
    expect(own).toEqual({ data: { member: { risk: { level: 'HIGH' } } } });
    const evidence = await stack.queryAs(member.accessToken, 'query($id: ID!) { member(id: $id) { risk { score } } }', { id: memberId });
    expect(evidence.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('an earn assessed after its commit (EARN_RISK_CHECK=after-commit, the default)', () => {
  const earnsPerMember = {
    id: 'earn-velocity-member-deny',
    description: 'More than 1 earn by one member within an hour',
    enabled: true,
    outcome: 'DENY',
    score: 80,
    definition: JSON.stringify({ kind: 'VELOCITY', actions: ['EARN'], by: 'MEMBER', windowSeconds: 3600, max: 1 }),
  };
  const REJECT =
    'mutation($id: ID!, $reason: String!) { reviewRiskDecision(id: $id, verdict: REJECT, reason: $reason) { decision review { status } } }';

  it('earns at once even when risk denies it; the DENY lands in the review queue with its reasons, and staff act on it', async () => {
    const earner = (await stack.query(REGISTER, { phone: uniquePhone(), channel: 'WEB' })).data.registerMember.id as string;
    await stack.query(SAVE_RULE, { input: earnsPerMember });
    for (const orderNo of ['RISK-AFTER-1', 'RISK-AFTER-2']) {
      expect((await stack.query(RECORD_ORDER, { memberId: earner, orderNo, amount: '10.00', channel: 'WEB' })).errors).toBeUndefined();
    }
    const card = await stack.query('query($id: ID!) { member(id: $id) { points { balance } } }', { id: earner });
    expect(card.data.member.points.balance).toBe(20);
    // The assessments go to risk right after the commits, in the background.
    let denied: any;
    for (let i = 0; i < 400 && !denied; i++) {
      const queue = (await stack.query(QUEUE)).data.riskReviews.edges.map((e: any) => e.node);
      denied = queue.find((n: any) => n.memberId === earner);
      if (!denied) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(denied).toMatchObject({
      action: 'EARN',
      decision: 'DENY',
      score: 80,
      reasons: [{ rule: 'earn-velocity-member-deny', detail: `2 EARN by member ${earner} within 1 h (limit 1)` }],
      review: { status: 'PENDING' },
    });
    const rejected = await stack.query(REJECT, { id: denied.id, reason: 'two tills, one customer: farming' });
    expect(rejected.data.reviewRiskDecision).toEqual({ decision: 'DENY', review: { status: 'REJECTED' } });
    await stack.query(SAVE_RULE, { input: { ...earnsPerMember, enabled: false } });
  });
});
