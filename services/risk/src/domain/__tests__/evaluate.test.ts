import { parseAction, type AssessInput } from '../action';
import { decide, formatWindow, planChecks, reviewFailedOpen, type FactAnswers, type Finding } from '../evaluate';
import type { RiskRule, RuleDefinition } from '../rules';

const NOW = new Date('2026-11-30T08:00:00Z');
const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000);

function rule(id: string, definition: RuleDefinition, outcome: RiskRule['outcome'] = 'REVIEW', score = 30): RiskRule {
  return { id, description: id, enabled: true, outcome, score, definition };
}

const act = (input: Partial<AssessInput>) =>
  parseAction({ action: 'BURN', memberId: 'm-1', amountFen: 0, points: 500, channel: 'WEB', idempotencyKey: 'k-1', ...input });

/** Plans the single check of `r` for the action and judges it against `answer`. */
function judgeOne<T extends keyof FactAnswers>(r: RiskRule, input: Partial<AssessInput>, answer: FactAnswers[T]) {
  const checks = planChecks([r], act(input), NOW);
  expect(checks).toHaveLength(1);
  return { query: checks[0].query, finding: checks[0].judge(answer) };
}

describe('planChecks and judge', () => {
  const burnsByIp = rule(
    'burn-velocity-ip',
    { kind: 'VELOCITY', actions: ['BURN', 'REDEEM'], by: 'IP', windowSeconds: 600, max: 10 },
    'DENY',
    70,
  );

  it('velocity: counts past actions of the scope in the window, this one included', () => {
    const { query, finding } = judgeOne(burnsByIp, { ip: '10.0.0.9' }, 10);
    expect(query).toEqual({ type: 'COUNT', by: 'IP', key: '10.0.0.9', actions: ['BURN', 'REDEEM'], since: minutesAgo(10) });
    expect(finding).toEqual<Finding>({
      rule: 'burn-velocity-ip',
      outcome: 'DENY',
      score: 70,
      detail: '11 BURN/REDEEM by ip 10.0.0.9 within 10 min (limit 10)',
      relatedMemberIds: [],
    });
    expect(judgeOne(burnsByIp, { ip: '10.0.0.9' }, 9).finding).toBeNull();
  });

  it('skips rules of other actions, disabled rules, and scopes the action does not carry', () => {
    expect(planChecks([burnsByIp], act({}), NOW)).toEqual([]);
    expect(planChecks([burnsByIp], act({ action: 'EARN', amountFen: 100, ip: '10.0.0.9' }), NOW)).toEqual([]);
    expect(planChecks([{ ...burnsByIp, enabled: false }], act({ ip: '10.0.0.9' }), NOW)).toEqual([]);
    // A loopback address names no client (a local proxy, a test): no IP rule counts it.
    for (const ip of ['127.0.0.1', '127.9.9.9', '::1', '::ffff:127.0.0.1']) expect(planChecks([burnsByIp], act({ ip }), NOW)).toEqual([]);
  });

  it('fan-out: other members on the device, this member included, with who they are', () => {
    const farm = rule(
      'device-farm',
      { kind: 'FAN_OUT', actions: ['REGISTER'], by: 'DEVICE', windowSeconds: 86_400, maxMembers: 10 },
      'DENY',
      80,
    );
    const input = { action: 'REGISTER', points: 0, deviceId: 'dev-9' };
    const { query, finding } = judgeOne(farm, input, { count: 10, sample: ['m-2', 'm-3'] });
    expect(query).toEqual({
      type: 'MEMBERS',
      by: 'DEVICE',
      key: 'dev-9',
      actions: ['REGISTER'],
      since: minutesAgo(24 * 60),
      except: 'm-1',
    });
    expect(finding).toMatchObject({ detail: '11 members on device dev-9 within 24 h (limit 10)', relatedMemberIds: ['m-2', 'm-3'] });
    expect(judgeOne(farm, input, { count: 9, sample: [] }).finding).toBeNull();
  });

  it("amount outlier: against the median of the member's history in the same unit, silent on a short history", () => {
    const outlier = rule('burn-amount-outlier', {
      kind: 'AMOUNT_OUTLIER',
      actions: ['BURN', 'REDEEM', 'EARN'],
      factor: 10,
      minHistory: 3,
      historySize: 50,
    });
    const { query, finding } = judgeOne(outlier, { points: 5_000 }, [100, 400, 300, 50]);
    // EARN is money: a burn (points) is compared with burns and redemptions only.
    expect(query).toEqual({ type: 'AMOUNTS', memberId: 'm-1', actions: ['BURN', 'REDEEM'], limit: 50 });
    expect(finding?.detail).toBe("BURN of 5000 points is 25.0× the member's median 200 over 4 (limit 10×)");
    expect(judgeOne(outlier, { points: 2_000 }, [100, 400, 300, 50]).finding).toBeNull();
    expect(judgeOne(outlier, { points: 5_000 }, [100, 400]).finding).toBeNull();
  });

  it('soon after register: from the latest registration', () => {
    const soon = rule('burn-after-register', { kind: 'SOON_AFTER_REGISTER', actions: ['BURN'], withinSeconds: 86_400 });
    expect(judgeOne(soon, {}, minutesAgo(90)).finding?.detail).toBe('BURN 90 min after registering (within 24 h)');
    expect(judgeOne(soon, {}, minutesAgo(25 * 60)).finding).toBeNull();
    expect(judgeOne(soon, {}, null).finding).toBeNull();
  });

  it('refund farming: refunds, this one included, against earns in the window', () => {
    const farming = rule('refund-farming', {
      kind: 'REFUND_FARMING',
      actions: ['EARN', 'REFUND'],
      windowSeconds: 2_592_000,
      minRefunds: 3,
      minRefundRatio: 0.5,
    });
    const refund = { action: 'REFUND', amountFen: 1_000, points: 0 };
    expect(judgeOne(farming, refund, { refunds: 2, earns: 4 }).finding?.detail).toBe(
      '3 refunds against 4 earns within 30 d (limit 3 refunds at 50%)',
    );
    expect(judgeOne(farming, refund, { refunds: 2, earns: 7 }).finding).toBeNull();
    expect(judgeOne(farming, refund, { refunds: 1, earns: 1 }).finding).toBeNull();
  });

  it('referral ring: shared devices, a cycle, invitees sharing devices, each named', () => {
    const ring = rule('referral-ring', { kind: 'REFERRAL_RING', maxDepth: 6, maxSharedInvitees: 2 }, 'DENY', 80);
    const reward = { action: 'REFERRAL_REWARD', points: 0, memberId: 'a', inviteeMemberId: 'b' };
    const clean = { sharedDevices: [], cycle: null, inviteesSharingDevice: ['x'] };
    const { query, finding } = judgeOne(ring, reward, clean);
    expect(query).toEqual({ type: 'REFERRAL', inviter: 'a', invitee: 'b', maxDepth: 6 });
    expect(finding).toBeNull();
    expect(judgeOne(ring, reward, { ...clean, sharedDevices: ['dev-1'] }).finding).toMatchObject({
      detail: 'inviter and invitee share device dev-1',
      relatedMemberIds: ['b'],
    });
    expect(judgeOne(ring, reward, { ...clean, cycle: ['b', 'c', 'a'] }).finding).toMatchObject({
      detail: 'referral cycle a → b → c → a',
      relatedMemberIds: ['b', 'c'],
    });
    expect(judgeOne(ring, reward, { ...clean, inviteesSharingDevice: ['x', 'y'] }).finding).toMatchObject({
      detail: "2 other invitees of a on the invitee's devices",
      relatedMemberIds: ['x', 'y', 'b'],
    });
    expect(planChecks([ring], act({}), NOW)).toEqual([]);
  });
});

describe('decide', () => {
  const finding = (rule: string, outcome: Finding['outcome'], score: number): Finding => ({
    rule,
    outcome,
    score,
    detail: `${rule} matched`,
    relatedMemberIds: [],
  });

  it('allows with score 0 when nothing matched', () => {
    expect(decide([])).toEqual({ decision: 'ALLOW', score: 0, reason: 'no rule matched', findings: [] });
  });

  it('takes the strictest outcome and sums the scores up to 100', () => {
    expect(decide([finding('a', 'REVIEW', 30), finding('b', 'REVIEW', 20)])).toMatchObject({
      decision: 'REVIEW',
      score: 50,
      reason: 'a: a matched; b: b matched',
    });
    expect(decide([finding('a', 'REVIEW', 40), finding('b', 'DENY', 80)])).toMatchObject({ decision: 'DENY', score: 100 });
  });

  it('keeps the one-line reason within its column', () => {
    const many = Array.from({ length: 20 }, (_, i) => finding(`rule-${i}`, 'REVIEW', 1));
    const { reason } = decide(many);
    expect(reason).toHaveLength(255);
    expect(reason.endsWith('…')).toBe(true);
  });
});

describe('reviewFailedOpen', () => {
  const unassessed = {
    rule: 'unassessed',
    outcome: 'REVIEW',
    score: 0,
    detail: 'EARN went ahead while risk did not answer; assessed after the fact',
    relatedMemberIds: [],
  };
  const velocity: Finding = { rule: 'v', outcome: 'DENY', score: 70, detail: 'too fast', relatedMemberIds: [] };

  it('leaves a verdict alone unless the action failed open', () => {
    expect(reviewFailedOpen(decide([velocity]), { action: 'EARN', failOpen: false })).toEqual(decide([velocity]));
  });

  it('makes an allowed action a REVIEW that says why, and keeps a DENY', () => {
    expect(reviewFailedOpen(decide([]), { action: 'EARN', failOpen: true })).toEqual({
      decision: 'REVIEW',
      score: 0,
      reason: 'unassessed: EARN went ahead while risk did not answer; assessed after the fact',
      findings: [unassessed],
    });
    expect(reviewFailedOpen(decide([velocity]), { action: 'EARN', failOpen: true })).toMatchObject({
      decision: 'DENY',
      score: 70,
      findings: [unassessed, velocity],
    });
  });
});

describe('formatWindow', () => {
  it.each([
    [45, '45 s'],
    [600, '10 min'],
    [86_400, '24 h'],
    [2_592_000, '30 d'],
  ])('%p seconds read %p', (seconds, text) => {
    expect(formatWindow(seconds)).toBe(text);
  });
});
