import type { DataSource } from 'typeorm';
import { openServiceTestDatabase } from '../../../../../test/harness/serviceTestDatabase';
import { snapshotDatabase } from '../../../../../test/harness/commandDatabase';
import { riskSchema } from '../../db/data-source';
import { MemberHealthRow } from '../../db/entities/MemberHealthRow';
import { MemberScoreRow } from '../../db/entities/MemberScoreRow';
import { ModelEvaluation } from '../../db/entities/ModelEvaluation';
import { RiskAlert } from '../../db/entities/RiskAlert';
import { RiskModelRow } from '../../db/entities/RiskModelRow';
import { generateMembers } from '../../../test/modelPopulations';
import { memoryModelPeers } from '../../../test/memoryPorts';
import { evaluateMemberModels, trainMemberModels, type ModelSettings } from '../memberModels';
import { workAlert } from '../workAlert';

/*
 * The model jobs against the real schema (SQLite, or MySQL with DATABASE_URL) with points' activity
 * and campaign's engagement in memory: versioned models, scores and health written, alerts once per
 * period, refusals (too little data, campaign down) write nothing.
 */

jest.setTimeout(180_000);

const AS_OF = new Date('2026-10-01T00:00:00Z');
const SETTINGS: ModelSettings = { seed: 1, margin: 0.3, horizonDays: 90, pageSize: 250 };
let dataSource: DataSource;
let close: () => Promise<void>;
const { members } = generateMembers(21, 1500, AS_OF);

beforeAll(async () => {
  ({ dataSource, close } = await openServiceTestDatabase(riskSchema));
});

afterAll(() => close?.());

describe('training the member models', () => {
  it('refuses too little data with MODEL_TOO_LITTLE_DATA and writes nothing', async () => {
    const before = await snapshotDatabase(dataSource);
    await expect(trainMemberModels(dataSource, memoryModelPeers(members.slice(0, 40)), SETTINGS, 'staff:a', AS_OF)).rejects.toMatchObject({
      code: 'MODEL_TOO_LITTLE_DATA',
    });
    expect(await snapshotDatabase(dataSource)).toEqual(before);
  });

  it('refuses with UNAVAILABLE (ENGAGEMENT_UNAVAILABLE) when campaign does not answer, and writes nothing', async () => {
    const before = await snapshotDatabase(dataSource);
    const peers = memoryModelPeers(members, { campaignDown: true });
    const refusal = trainMemberModels(dataSource, peers, SETTINGS, 'staff:a', AS_OF);
    await expect(refusal).rejects.toMatchObject({ code: 'UNAVAILABLE', details: { reason: 'ENGAGEMENT_UNAVAILABLE' } });
    await expect(refusal).rejects.toThrow(/campaign did not answer/);
    expect(await snapshotDatabase(dataSource)).toEqual(before);
  });

  it('stores version 1 with its fit and scores every member who ordered, then version 2', async () => {
    const peers = memoryModelPeers(members);
    const first = await trainMemberModels(dataSource, peers, SETTINGS, 'staff:a', AS_OF);
    expect(peers.points.pagesRead).toBe(Math.ceil(members.length / SETTINGS.pageSize) + (members.length % SETTINGS.pageSize === 0 ? 1 : 0));
    // Campaign is asked once per page of points, for that page's members.
    expect(peers.campaign.batches).toEqual(Array.from({ length: members.length / SETTINGS.pageSize }, () => SETTINGS.pageSize));
    const coefficient = (name: string) => first.report.churn.coefficients.find((c) => c.name === name)!.value;
    expect(coefficient('campaignEngagement')).toBeLessThan(0);
    expect(coefficient('checkIns')).toBeLessThan(0);
    expect(first).toMatchObject({ version: 1, members: 1500, scored: 1500, period: '2026-10' });
    expect(first.report.churn.auc).toBeGreaterThan(0.75);
    expect(first.report.clv.bgNbd.logLikelihood).toBeLessThan(0);
    expect(await dataSource.getRepository(MemberScoreRow).count()).toBe(1500);
    expect(await dataSource.getRepository(MemberHealthRow).countBy({ period: '2026-10' })).toBe(1500);
    const winBack = await dataSource.getRepository(MemberScoreRow).countBy({ winBack: true });
    expect(winBack).toBe(first.winBack);
    expect(await dataSource.getRepository(RiskAlert).countBy({ kind: 'HEALTH_LOW' })).toBe(first.winBack);

    const second = await trainMemberModels(dataSource, memoryModelPeers(members), SETTINGS, 'staff:a', AS_OF);
    expect(second.version).toBe(2);
    // Same data and seed: the same model, stored again as a new version.
    const [v1, v2] = await dataSource.getRepository(RiskModelRow).find({ order: { version: 'ASC' } });
    expect(v2.churn).toBe(v1.churn);
    expect(v2.clv).toBe(v1.clv);
    // The same period's alerts are not raised twice.
    expect(await dataSource.getRepository(RiskAlert).countBy({ kind: 'HEALTH_LOW' })).toBe(first.winBack);
  });
});

describe('the monthly evaluation', () => {
  it('refuses with UNAVAILABLE when campaign does not answer, and writes nothing', async () => {
    const before = await snapshotDatabase(dataSource);
    await expect(
      evaluateMemberModels(dataSource, memoryModelPeers(members, { campaignDown: true }), SETTINGS, AS_OF),
    ).rejects.toMatchObject({
      code: 'UNAVAILABLE',
    });
    expect(await snapshotDatabase(dataSource)).toEqual(before);
  });

  it('records the AUC once per version and month and alerts below 0.75, once', async () => {
    const ok = await evaluateMemberModels(dataSource, memoryModelPeers(members), SETTINGS, AS_OF);
    expect(ok).toMatchObject({ version: 2, alerted: false });
    expect(ok.auc).toBeGreaterThan(0.75);
    // Members whose churn their history says nothing of: every other one orders again after the cutoff.
    const later = new Date('2026-11-01T00:00:00Z');
    const cutoff = later.getTime() - 90 * 86_400_000;
    const noise = generateMembers(99, 600, AS_OF).members.map((m, i) => ({
      ...m,
      memberId: `noise-${i}`,
      orders: [
        ...m.orders.filter((o) => o.orderedAt.getTime() < cutoff),
        ...(i % 2 ? [{ orderedAt: new Date(cutoff + 10 * 86_400_000), amountFen: 10_000, refundedFen: 0 }] : []),
      ],
    }));
    const bad = await evaluateMemberModels(dataSource, memoryModelPeers(noise), SETTINGS, later);
    expect(bad).toMatchObject({ period: '2026-11', alerted: true });
    expect(bad.auc).toBeLessThan(0.75);
    await evaluateMemberModels(dataSource, memoryModelPeers(noise), SETTINGS, later);
    const raised = await dataSource.getRepository(RiskAlert).findBy({ kind: 'MODEL_AUC_LOW' });
    expect(raised).toEqual([expect.objectContaining({ subject: 'churn', period: '2026-11', severity: 'HIGH', status: 'OPEN' })]);
    expect(await dataSource.getRepository(ModelEvaluation).count()).toBe(2);
  });
});

describe('health over the months', () => {
  it('escalates members whose health fell three periods running (HEALTH_FALLING), once; scores without an AUC when the month cannot judge one', async () => {
    // The same histories, scored a month apart: members who stopped buying fall every month.
    const months = ['2026-12-01', '2027-01-01', '2027-02-01'].map((d) => new Date(`${d}T00:00:00Z`));
    for (const at of months) {
      const outcome = await evaluateMemberModels(dataSource, memoryModelPeers(members), SETTINGS, at);
      expect(outcome.scored).toBe(members.length);
    }
    // By February nobody in these histories has ordered since the cutoff: one outcome only.
    expect((await evaluateMemberModels(dataSource, memoryModelPeers(members), SETTINGS, months[2])).auc).toBeNull();
    const falling = await dataSource.getRepository(RiskAlert).findBy({ kind: 'HEALTH_FALLING' });
    expect(falling.length).toBeGreaterThan(0);
    expect(new Set(falling.map((a) => a.subject)).size).toBe(falling.length);
    for (const alert of falling) {
      expect(alert.severity).toBe('HIGH');
      const readings = await dataSource
        .getRepository(MemberHealthRow)
        .find({ where: { memberId: alert.subject }, order: { period: 'ASC' } });
      const upTo = readings
        .filter((r) => r.period <= alert.period)
        .map((r) => r.score)
        .slice(-4);
      expect(upTo).toHaveLength(4);
      expect(upTo[1]).toBeLessThan(upTo[0]);
      expect(upTo[2]).toBeLessThan(upTo[1]);
      expect(upTo[3]).toBeLessThan(upTo[2]);
    }
  });
});

describe('the alert inbox', () => {
  it('acknowledges and resolves with a reason, once; a step the alert is past is CONFLICT', async () => {
    const alert = await dataSource.getRepository(RiskAlert).findOneByOrFail({ kind: 'HEALTH_LOW' });
    const acked = await workAlert(dataSource, { id: alert.id, step: 'ACKNOWLEDGE' }, 'staff:b');
    expect(acked).toMatchObject({ status: 'ACKNOWLEDGED', acknowledgedBy: 'staff:b' });
    await expect(workAlert(dataSource, { id: alert.id, step: 'RESOLVE', resolution: ' ' }, 'staff:b')).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    const resolved = await workAlert(
      dataSource,
      { id: alert.id, step: 'RESOLVE', resolution: 'called the member, coupon sent' },
      'staff:b',
    );
    expect(resolved).toMatchObject({ status: 'RESOLVED', resolvedBy: 'staff:b', resolution: 'called the member, coupon sent' });
    await expect(workAlert(dataSource, { id: alert.id, step: 'ACKNOWLEDGE' }, 'staff:c')).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(workAlert(dataSource, { id: 'nope', step: 'ACKNOWLEDGE' }, 'staff:c')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
