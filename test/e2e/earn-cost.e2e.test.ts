/**
 * What one earn through the gateway costs each service, counted exactly on a quiet stack (no
 * dispatcher, no jobs) from the services' /metrics: SQL statements per service, and gRPC calls by
 * method, the request path's apart from the risk assessments and (for an earn that cannot upgrade its
 * member, as every earn here) the activity reports sent after the answer, many members' in one
 * RecordQualifyingActivities call when earns overlap. The bench
 * measures the same under load and noise; this keeps the earn's budget from creeping back.
 */
import { SERVICE_NAMES, type ServiceName } from '../../services/kit/src';
import { AFTER_RESPONSE_METHODS, scrape, total, type MetricSample } from '../../scripts/bench/metrics';
import { REGISTER, uniquePhone } from '../harness/operations';
import { startStack, type Stack } from '../harness/startStack';

let stack: Stack;
let members: string[];
beforeAll(async () => {
  // The ladder and the campaign calendar points holds are read once here and not again during the counts (their TTL longer than the test).
  stack = await startStack({ env: { TIER_LADDER_TTL_MS: '600000', CAMPAIGN_CALENDAR_TTL_MS: '600000' } });
  // As the bench's programme: two campaigns live, unbudgeted and untargeted (points applies them from its calendar).
  for (const [name, coefficient] of [
    ['cost double', '2.0'],
    ['cost half again', '1.5'],
  ]) {
    const created = await stack.query('mutation($i: CreateCampaignInput!) { createCampaign(input: $i) { id } }', {
      i: {
        name,
        activityCoefficient: coefficient,
        startsAt: new Date(Date.now() - 3_600_000).toISOString(),
        endsAt: new Date(Date.now() + 86_400_000).toISOString(),
      },
    });
    expect(created.errors).toBeUndefined();
  }
  members = [];
  for (let i = 0; i < 10; i++) members.push((await stack.query(REGISTER, { phone: uniquePhone(), channel: 'WEB' })).data.registerMember.id);
  // Each member's first earn creates their points account and points' copy of their tier (asked of
  // member, no copy yet) and reads the campaign calendar; one more earn reads the ladder points holds: the figures below are of the earns after.
  for (const memberId of members) await earn(memberId, `COST-FIRST-${memberId}`);
  await earn(members[0], 'COST-LADDER');
  await settled();
});
afterAll(() => stack?.stop());

/** The bench's earn: the till asks only for the points earned. */
const EARN =
  'mutation Earn($m: ID!, $o: String!) { recordOrder(memberId: $m, orderNo: $o, amount: "88.00", channel: POS) { pointsEarned } }';
const earn = async (memberId: string, orderNo: string) => {
  const result = await stack.query(EARN, { m: memberId, o: orderNo });
  expect(result.errors).toBeUndefined();
  // floor(88.00 × 1 point per CNY × γ 1.0 × MAX(2.0, 1.5)): the campaigns applied.
  expect(result.data.recordOrder.pointsEarned).toBe(176);
};
const scrapeAll = async () =>
  Object.fromEntries(await Promise.all(SERVICE_NAMES.map(async (s) => [s, await scrape(stack.services[s].httpUrl)] as const))) as Record<
    ServiceName,
    MetricSample[]
  >;
/** Until the risk assessments and the spend sent after the commits are all delivered (nothing else is left pending on a quiet stack). */
async function settled(): Promise<void> {
  for (let i = 0; i < 800; i++) {
    if (total(await scrape(stack.services.points.httpUrl), 'membergraph_outbox_pending_events') === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('the points outbox did not drain');
}

/** Figures per earn are fractions (0.2 batches an earn): a product of two is compared with this much slack. */
const ROUNDING = 1e-9;

async function costOf(earns: () => Promise<void>, n: number) {
  const before = await scrapeAll();
  await earns();
  await settled();
  const after = await scrapeAll();
  const count = (service: ServiceName, name: string, where: Record<string, string> = {}) =>
    total(after[service], name, where) - total(before[service], name, where);
  const per = (service: ServiceName, name: string, where: Record<string, string> = {}) => count(service, name, where) / n;
  const grpc = (method: string) => per('points', 'membergraph_grpc_client_calls_total', { method });
  return {
    sql: Object.fromEntries(SERVICE_NAMES.map((s) => [s, per(s, 'membergraph_sql_statements_total')])) as Record<ServiceName, number>,
    tierLookups: grpc('/membergraph.member.v1.MemberService/GetMemberTiers'),
    ladderReads: grpc('/membergraph.member.v1.MemberService/ListTiers'),
    // Earns by when their activity report went: before the answer, or after it in the background.
    reportsBefore: per('points', 'membergraph_activity_reports_total', { when: 'before_answer' }),
    reportsAfter: per('points', 'membergraph_activity_reports_total', { when: 'after_answer' }),
    // Earns that decided from the bound of the 12-month figures on the account, without reading the figures.
    decidedByBound: per('points', 'membergraph_activity_reports_total', { decided_by: 'bound' }),
    coefficients: grpc('/membergraph.campaign.v1.CampaignService/GetActivityCoefficient'),
    calendarReads: grpc('/membergraph.campaign.v1.CampaignService/ListEarnCampaigns'),
    activityReports: grpc('/membergraph.member.v1.MemberService/RecordQualifyingActivity'),
    activityBatches: grpc('/membergraph.member.v1.MemberService/RecordQualifyingActivities'),
    assess: grpc('/membergraph.risk.v1.RiskService/Assess'),
    assessBatches: grpc('/membergraph.risk.v1.RiskService/AssessBatch'),
    spendBatches: grpc('/membergraph.benefits.v1.BenefitsService/RecordSpendStats'),
    // As the bench counts them (readCounters): every service's calls, less those of the methods only an outbox calls after the commit.
    // Counted in whole calls, divided once: a sum of per-earn fractions would not be exactly 0.
    requestPathCalls:
      SERVICE_NAMES.reduce(
        (sum, s) =>
          sum +
          count(s, 'membergraph_grpc_client_calls_total') -
          AFTER_RESPONSE_METHODS.reduce((calls, method) => calls + count(s, 'membergraph_grpc_client_calls_total', { method }), 0),
        0,
      ) / n,
  };
}

describe('the cost of one earn (EARN_RISK_CHECK=after-commit)', () => {
  it('one after another: no gRPC call on the request path (the coefficient from points’ calendar, the tier from its copy); the activity report, risk and the spend after the answer', async () => {
    const cost = await costOf(async () => {
      for (const [i, memberId] of members.entries()) await earn(memberId, `COST-SEQ-${i}`);
    }, members.length);
    expect(cost).toMatchObject({ tierLookups: 0, ladderReads: 0, coefficients: 0, calendarReads: 0, activityReports: 0, assess: 0 });
    // 88.00 cannot upgrade anyone here: every report went after the answer, decided from the bound on
    // the account (set by the first earns' deliveries), the figures not read; one batch (of one member)
    // per earn, unless the next earn asked for its report within the outbox's linger
    // (OUTBOX_BATCH_LINGER_MS) and shared the batch: at most one an earn.
    expect(cost).toMatchObject({ reportsBefore: 0, reportsAfter: 1, decidedByBound: 1, requestPathCalls: 0 });
    expect(cost.activityBatches).toBeGreaterThan(0);
    expect(cost.activityBatches).toBeLessThanOrEqual(1);
    expect(cost.assessBatches).toBeGreaterThan(0);
    expect(cost.assessBatches).toBeLessThanOrEqual(1);
    // The spend goes to benefits after the commit too, in the background, at most one call an earn.
    expect(cost.spendBatches).toBeGreaterThan(0);
    expect(cost.spendBatches).toBeLessThanOrEqual(1);
    // Points before the answer: is the order known (a retry is answered from it alone), its copy of
    // the member's tier (γ from the ladder it holds: no call to member) and the account, in one
    // statement; BEGIN, the balance update guarded by the version read (no locking read), the ledger
    // entry, the lot, the order, COMMIT — 7: the order joins the bound of the member's 12-month
    // figures in the guarded update, the bound cannot reach Silver, so the earn is quiet and its
    // order row carries its announcements (no outbox INSERT; announceOrders.ts). After the answer,
    // per announcement (one batch each to member, risk and benefits): the unannounced orders, the
    // members' 12-month figures with the accounts' bounds (equal to them: no refresh), the spend
    // windows' orders, the orders marked announced (4). Member, after the answer: per activity batch
    // that changes no tier (3 for any number of members: the members with their milestones, the
    // ladder, the guarded UPDATE; no transaction); nothing before it (the tier look-up's 2 are gone).
    // Benefits: per spend batch the guarded upsert of its windows (1). Campaign: none (points computes
    // the coefficient from the calendar it holds; it was the live campaigns' read, 1).
    // Risk, per batch of one: the recorded decisions, the rules' three facts in one statement, the
    // decision (3; the rules are a shared value read at most once a second, so sometimes 4).
    // (A background read may find its orders taken by the run before it: hence ranges.)
    expect(cost.sql).toMatchObject({ benefits: cost.spendBatches, campaign: 0 });
    expect(cost.sql.member).toBeCloseTo(3 * cost.activityBatches, 5);
    expect(cost).toMatchObject({ assessBatches: cost.activityBatches, spendBatches: cost.activityBatches });
    expect(cost.sql.points).toBeGreaterThanOrEqual(7 + 4 * cost.activityBatches - ROUNDING);
    expect(cost.sql.points).toBeLessThanOrEqual(12);
    expect(cost.sql.risk).toBeGreaterThanOrEqual(3 * cost.assessBatches - ROUNDING);
    expect(cost.sql.risk).toBeLessThanOrEqual(4 * cost.assessBatches + ROUNDING);
  });

  it('concurrent: the activity reports go to member, the assessments to risk and the spend to benefits in batches, fewer calls than earns', async () => {
    const cost = await costOf(() => Promise.all(members.map((m, i) => earn(m, `COST-PAR-${i}`))).then(() => undefined), members.length);
    expect(cost).toMatchObject({ tierLookups: 0, ladderReads: 0, coefficients: 0, calendarReads: 0, activityReports: 0, assess: 0 });
    expect(cost).toMatchObject({ reportsBefore: 0, reportsAfter: 1, decidedByBound: 1, requestPathCalls: 0 });
    expect(cost.sql.campaign).toBe(0);
    // Reports that wait while a batch runs go in the next one: fewer calls to member than earns, and
    // member's 3 statements per batch, not per earn; points' announcement reads, figures and marks
    // per batch too (sequentially 7 + 4 per announcement).
    expect(cost.activityBatches).toBeGreaterThan(0);
    expect(cost.activityBatches).toBeLessThan(1);
    expect(cost.sql.member).toBeCloseTo(3 * cost.activityBatches, 5);
    expect(cost.sql.points).toBeLessThan(7 + 4);
    expect(cost.assessBatches).toBeLessThan(1);
    expect(cost.spendBatches).toBeLessThan(1);
    expect(cost.sql.benefits).toBe(cost.spendBatches);
    // Risk, per batch of any size (the earns of different members, one round): the recorded
    // decisions, every earn's facts in one statement, the decisions in one INSERT (and the rules,
    // a shared value, at most once a second).
    expect(cost.sql.risk).toBeGreaterThanOrEqual(3 * cost.assessBatches - ROUNDING);
    expect(cost.sql.risk).toBeLessThanOrEqual(4 * cost.assessBatches + ROUNDING);
    const decided = await stack.services.risk.dataSource.query(
      "SELECT COUNT(*) AS n FROM risk_events WHERE idempotency_key LIKE 'EARN:COST-PAR-%'",
    );
    expect(Number(decided[0].n)).toBe(members.length);
  });
});
