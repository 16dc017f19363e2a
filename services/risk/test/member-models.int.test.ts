import { randomUUID } from 'node:crypto';
import { readCommonConfig } from '../../kit/src';
import { grpcCall } from '../../../test/harness/grpc';
import { startStack, type Stack } from '../../../test/harness/startStack';
import { engagementSince, readAllActivity, trainMemberModels, type ModelSettings } from '../src/commands/memberModels';
import { activityPeer, engagementPeer } from '../src/grpc/peers';
import { generateMembers } from './modelPopulations';

/*
 * The member models through the real seams: members' histories in the points database and their
 * engagement in campaign's, read by risk over gRPC (ListMemberActivity a page at a time, each
 * page's GetMemberEngagement), trained, stored, and read by staff through the risk subgraph
 * (Member.risk.scores, memberModels, riskAlerts, winBackMembers).
 */

jest.setTimeout(180_000);

const AS_OF = new Date('2026-10-01T00:00:00Z');
const SETTINGS: ModelSettings = {
  seed: 1,
  margin: 0.3,
  horizonDays: 90,
  pageSize: 7,
  training: { minMembers: 20, minPerClass: 3, minRepeaters: 5 },
};
const { members } = generateMembers(31, 80, AS_OF);
const sqlTime = (at: Date) => at.toISOString().replace('T', ' ').replace('Z', '');

let stack: Stack;
let points: ReturnType<typeof activityPeer>;
let campaign: ReturnType<typeof engagementPeer>;

beforeAll(async () => {
  stack = await startStack({ withGateway: false });
  const db = stack.services.points.dataSource;
  // Histories written straight into points' tables: the bench's seeder does the same for speed.
  for (const m of members) {
    let seq = 0;
    let balance = 0;
    for (const [i, o] of m.orders.entries()) {
      await db.query(
        'INSERT INTO orders (order_no, member_id, amount_fen, channel, store_id, items, points_earned, refunded_fen, points_clawed, created_at, ordered_at) VALUES (?, ?, ?, ?, NULL, NULL, 0, ?, 0, ?, ?)',
        [`${m.memberId}-${i}`, m.memberId, o.amountFen, 'WEB', o.refundedFen, sqlTime(o.orderedAt), sqlTime(o.orderedAt)],
      );
    }
    for (const p of m.points) {
      seq += 1;
      balance += p.kind === 'EARN' ? p.points : -p.points;
      await db.query(
        'INSERT INTO points_ledger (id, member_id, entry_type, points, balance_after, source, source_ref, reason, actor, idempotency_key, flag, seq, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)',
        [
          randomUUID(),
          m.memberId,
          p.kind === 'EARN' ? 'EARN' : 'REDEEM',
          p.kind === 'EARN' ? p.points : -p.points,
          balance,
          p.source ?? 'TEST',
          'seed',
          'seeded history',
          'system',
          `seed:${m.memberId}:${seq}`,
          seq,
          sqlTime(p.at),
        ],
      );
    }
    await db.query('INSERT INTO points_accounts (member_id, balance, debt, version, last_seq) VALUES (?, ?, 0, 1, ?)', [
      m.memberId,
      balance,
      seq,
    ]);
  }
  // Engagement written straight into campaign's tables: shares and experiment exposures.
  const campaignDb = stack.services.campaign.dataSource;
  for (const m of members) {
    for (const [i, e] of m.engagements.entries()) {
      if (e.kind === 'REFERRAL_SHARED')
        await campaignDb.query('INSERT INTO referral_invitations (id, member_id, channel, created_at) VALUES (?, ?, ?, ?)', [
          randomUUID(),
          m.memberId,
          'WEB',
          sqlTime(e.at),
        ]);
      else
        await campaignDb.query(
          'INSERT INTO experiment_participants (experiment_id, member_id, variant_key, channel, exposed_at, converted_at) VALUES (?, ?, ?, ?, ?, NULL)',
          [`exp-${i}`, m.memberId, 'A', 'WEB', sqlTime(e.at)],
        );
    }
  }
  const config = readCommonConfig('risk', stack.env);
  points = activityPeer({ ...config, pointsGrpcAddress: stack.services.points.grpcAddress });
  campaign = engagementPeer({ ...config, campaignGrpcAddress: stack.services.campaign.grpcAddress });
});

afterAll(async () => {
  points?.close();
  campaign?.close();
  await stack?.stop();
});

describe('member models through points gRPC and the risk subgraph', () => {
  it('pages through every member with their orders and points (check-ins too) from points, their engagement from campaign', async () => {
    const since = engagementSince(AS_OF, SETTINGS.horizonDays);
    const read = await readAllActivity({ points, campaign }, AS_OF, SETTINGS.pageSize, since);
    expect(read.map((m) => m.memberId)).toEqual(members.map((m) => m.memberId).sort());
    for (const m of read) {
      const source = members.find((s) => s.memberId === m.memberId)!;
      expect(m.orders.length).toBe(source.orders.filter((o) => o.orderedAt < AS_OF).length);
      expect(m.orders.reduce((s, o) => s + o.amountFen, 0)).toBe(
        source.orders.filter((o) => o.orderedAt < AS_OF).reduce((s, o) => s + o.amountFen, 0),
      );
      const burned = (list: typeof m.points) => list.filter((p) => p.kind === 'BURN').reduce((s, p) => s + p.points, 0);
      expect(burned(m.points)).toBe(burned(source.points.filter((p) => p.at < AS_OF)));
      const checkIns = (list: typeof m.points) => list.filter((p) => p.source === 'CHECK_IN').map((p) => p.at.getTime());
      expect(checkIns(m.points)).toEqual(checkIns(source.points.filter((p) => p.at < AS_OF)));
      expect(m.engagements).toEqual(source.engagements.filter((e) => e.at >= since && e.at < AS_OF));
    }
    expect(read.some((m) => m.engagements.length > 0) && read.some((m) => m.points.some((p) => p.source === 'CHECK_IN'))).toBe(true);
  });

  it('ListMemberActivity refuses a page size outside 1–1000 with BAD_USER_INPUT', async () => {
    for (const limit of [0, 1001]) {
      await expect(
        grpcCall('points', 'PointsService', stack.services.points.grpcAddress, 'listMemberActivity', {
          afterMemberId: '',
          limit,
          beforeEpochMs: '0',
        }),
      ).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    }
  });

  it('refuses to train when campaign does not answer over gRPC (UNAVAILABLE, ENGAGEMENT_UNAVAILABLE), storing no version', async () => {
    // A port nothing listens on: the call fails as for a campaign that is down.
    const down = engagementPeer({ ...readCommonConfig('risk', stack.env), campaignGrpcAddress: '127.0.0.1:1' });
    try {
      await expect(
        trainMemberModels(stack.services.risk.dataSource, { points, campaign: down }, SETTINGS, 'staff:test', AS_OF),
      ).rejects.toMatchObject({
        code: 'UNAVAILABLE',
        details: { reason: 'ENGAGEMENT_UNAVAILABLE' },
      });
    } finally {
      down.close();
    }
    const fit = await stack.querySubgraph('risk', `{ memberModels { version } }`);
    expect(fit.data.memberModels).toEqual([]);
  });

  it('trains over gRPC and shows staff the scores, the fit, the inbox and the win-back segment', async () => {
    const outcome = await trainMemberModels(stack.services.risk.dataSource, { points, campaign }, SETTINGS, 'staff:test', AS_OF);
    expect(outcome).toMatchObject({ version: 1, members: 80, scored: 80 });

    const member = members[0].memberId;
    const card = await stack.querySubgraph(
      'risk',
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Member { risk { level scores { churnProbability health winBack clvSimple clvModel modelVersion } } } } }`,
      { r: [{ __typename: 'Member', id: member }] },
    );
    const scores = card.data._entities[0].risk.scores;
    expect(scores.modelVersion).toBe(1);
    expect(scores.churnProbability).toBeGreaterThanOrEqual(0);
    expect(scores.health).toBeGreaterThanOrEqual(0);
    expect(scores.clvSimple).toMatch(/^\d+\.\d{2}$/);

    const fit = await stack.querySubgraph(
      'risk',
      `{ memberModels { version members churn { auc trainMembers testMembers coefficients { name value } calibration { predicted observed count } }
           clv { bgNbd { r alpha a b logLikelihood } gammaGamma { p q gamma } predictedPurchases actualPurchases byRepeatPurchases { repeatPurchases members predicted actual } } } }`,
    );
    expect(fit.errors).toBeUndefined();
    const [v1] = fit.data.memberModels;
    expect(v1.version).toBe(1);
    expect(v1.churn.coefficients[0].name).toBe('intercept');
    expect(v1.churn.trainMembers + v1.churn.testMembers).toBe(80);
    expect(v1.clv.bgNbd.logLikelihood).toBeLessThan(0);

    const segment = await stack.querySubgraph('risk', `{ winBackMembers(first: 100) { edges { node { memberId health winBack } } } }`);
    const winBack = segment.data.winBackMembers.edges.map((e: { node: { health: number } }) => e.node);
    expect(winBack.length).toBe(outcome.winBack);
    expect(winBack.every((n: { health: number; winBack: boolean }) => n.health < 30 && n.winBack)).toBe(true);

    const inbox = await stack.querySubgraph(
      'risk',
      `{ riskAlerts(first: 100, kind: HEALTH_LOW) { edges { node { id kind subject status } } } }`,
    );
    expect(inbox.data.riskAlerts.edges.length).toBe(outcome.winBack);
    expect(outcome.winBack).toBeGreaterThan(0);
    const id = inbox.data.riskAlerts.edges[0].node.id;
    const acked = await stack.querySubgraph('risk', `mutation($id: ID!) { acknowledgeRiskAlert(id: $id) { status acknowledgedBy } }`, {
      id,
    });
    expect(acked.data.acknowledgeRiskAlert).toEqual({ status: 'ACKNOWLEDGED', acknowledgedBy: 'staff:test-admin' });
    const resolved = await stack.querySubgraph(
      'risk',
      `mutation($id: ID!) { resolveRiskAlert(id: $id, resolution: "win-back coupon sent") { status resolution } }`,
      {
        id,
      },
    );
    expect(resolved.data.resolveRiskAlert).toEqual({ status: 'RESOLVED', resolution: 'win-back coupon sent' });
  });

  it('keeps the scores and the fit to staff who may read them', async () => {
    const pos = { kind: 'STAFF' as const, subject: 'p', roles: ['POS' as const] };
    const fit = await stack.querySubgraph('risk', `{ memberModels { version } }`, undefined, pos);
    expect(fit.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const inbox = await stack.querySubgraph('risk', `{ riskAlerts { edges { node { id } } } }`, undefined, pos);
    expect(inbox.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const bad = await stack.querySubgraph('risk', `{ memberModels(first: 0) { version } }`);
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
