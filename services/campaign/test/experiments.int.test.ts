import type { DataSource } from 'typeorm';
import { snapshotDatabase } from '../../../test/harness/commandDatabase';
import { openServiceTestDatabase } from '../../../test/harness/serviceTestDatabase';
import { createExperiment } from '../src/commands/createExperiment';
import { recordConversion } from '../src/commands/recordConversion';
import { recordExperimentCost } from '../src/commands/recordExperimentCost';
import { recordExposure } from '../src/commands/recordExposure';
import { stopExperiment } from '../src/commands/stopExperiment';
import { campaignSchema } from '../src/db/data-source';
import { ExperimentParticipant } from '../src/db/entities/ExperimentParticipant';
import { experimentByKey, groupTotals } from '../src/db/experiments';
import { experimentResults } from '../src/domain/experiment';

/**
 * Experiments on the database the suite runs on (SQLite by default, MySQL with DATABASE_URL):
 * exposures, conversions and costs exactly once under retries and concurrency; results from the
 * stored counts; stop and promote once.
 */
let dataSource: DataSource;
let stop: () => Promise<void>;
beforeAll(async () => {
  ({ dataSource, close: stop } = await openServiceTestDatabase(campaignSchema));
});
afterAll(() => stop?.());

const offers = (key: string) =>
  createExperiment(
    dataSource,
    {
      key,
      name: 'Registration offer',
      salt: `${key}-salt`,
      holdoutWeight: '0.1',
      variants: [
        { key: 'SPEND100_GET20', name: 'spend 100 get 20 off', weight: '0.45', control: true },
        { key: 'FIRST_ORDER_20', name: '20 off the first order', weight: '0.45' },
      ],
    },
    'staff:test',
  );

it('exposes a member once in their hashed group, whatever the channel, and counts a conversion once', async () => {
  await offers('ONCE');
  const first = await recordExposure(dataSource, { experimentKey: 'ONCE', memberId: 'member-1', channel: 'WEB' });
  const again = await Promise.all(
    ['MINI_PROGRAM', 'POS', 'WEB', 'MINI_PROGRAM'].map((channel) =>
      recordExposure(dataSource, { experimentKey: 'ONCE', memberId: 'member-1', channel }),
    ),
  );
  expect(first.recorded).toBe(true);
  expect(again.every((e) => !e.recorded && e.variantKey === first.variantKey)).toBe(true);
  const conversions = await Promise.all(
    Array.from({ length: 5 }, () => recordConversion(dataSource, { experimentKey: 'ONCE', memberId: 'member-1', channel: 'WEB' })),
  );
  expect(conversions.filter((c) => c.recorded)).toHaveLength(1);
  // Converting without an exposure exposes first, in the hashed group.
  const direct = await recordConversion(dataSource, { experimentKey: 'ONCE', memberId: 'member-2', channel: 'POS' });
  expect(direct.recorded).toBe(true);
  const experiment = await experimentByKey(dataSource, 'ONCE');
  const totals = await groupTotals(dataSource, experiment.id);
  expect(totals.reduce((s, t) => s + t.exposures, 0)).toBe(2);
  expect(totals.reduce((s, t) => s + t.conversions, 0)).toBe(2);
});

it('records cost once per key, refuses a key reused for another cost, and computes CAC per variant', async () => {
  await offers('COST');
  const cost = (variantKey: string, amount: string, idempotencyKey: string) =>
    recordExperimentCost(dataSource, { experimentKey: 'COST', variantKey, amount, idempotencyKey }, 'staff:test');
  const results = await Promise.all([cost('FIRST_ORDER_20', '600.00', 'cost-key-1'), cost('FIRST_ORDER_20', '600.00', 'cost-key-1')]);
  expect(results.filter((r) => r.replayed)).toHaveLength(1);
  await cost('SPEND100_GET20', '400.00', 'cost-key-2');
  const before = await snapshotDatabase(dataSource);
  await expect(cost('SPEND100_GET20', '600.00', 'cost-key-1')).rejects.toMatchObject({ code: 'CONFLICT' });
  await expect(cost('NOPE', '1.00', 'cost-key-3')).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'variantKey' } });
  await expect(cost('SPEND100_GET20', '-1.00', 'cost-key-4')).rejects.toMatchObject({
    code: 'BAD_USER_INPUT',
    details: { field: 'amount' },
  });
  expect(await snapshotDatabase(dataSource)).toEqual(before);
  const experiment = await experimentByKey(dataSource, 'COST');
  // Three converting members in each group: CAC 200 and 133.33.
  let converted = { SPEND100_GET20: 0, FIRST_ORDER_20: 0, HOLDOUT: 0 } as Record<string, number>;
  for (let i = 0; converted.SPEND100_GET20 < 3 || converted.FIRST_ORDER_20 < 3; i += 1) {
    const memberId = `cost-member-${i}`;
    const exposure = await recordExposure(dataSource, { experimentKey: 'COST', memberId, channel: 'WEB' });
    if (exposure.variantKey !== 'HOLDOUT' && converted[exposure.variantKey] < 3) {
      await recordConversion(dataSource, { experimentKey: 'COST', memberId, channel: 'WEB' });
      converted = { ...converted, [exposure.variantKey]: converted[exposure.variantKey] + 1 };
    }
  }
  const groups = experimentResults(experiment.plan, await groupTotals(dataSource, experiment.id)).groups;
  expect(groups.find((g) => g.key === 'SPEND100_GET20')!.cacFen).toBe(133_33);
  expect(groups.find((g) => g.key === 'FIRST_ORDER_20')!.cacFen).toBe(200_00);
});

it('finds the real lift on stored data, then stops once and shows everyone the winner', async () => {
  const experiment = await offers('LIFT');
  // A strong known effect at a small size: 20 % vs 40 % conversion over 600 members.
  let n = 0;
  for (let i = 0; i < 600; i += 1) {
    const memberId = `lift-member-${i}`;
    const { variantKey } = await recordExposure(dataSource, { experimentKey: 'LIFT', memberId, channel: 'MINI_PROGRAM' });
    const rate = variantKey === 'FIRST_ORDER_20' ? 0.4 : 0.2;
    // Deterministic "random": every 1/rate-th member of the group converts.
    n += 1;
    if ((n * 7919) % 100 < rate * 100) await recordConversion(dataSource, { experimentKey: 'LIFT', memberId, channel: 'MINI_PROGRAM' });
  }
  const results = experimentResults(experiment.plan, await groupTotals(dataSource, experiment.id));
  expect(results.winnerKey).toBe('FIRST_ORDER_20');
  const stopped = await Promise.allSettled([
    stopExperiment(dataSource, { experimentKey: 'LIFT', promote: 'FIRST_ORDER_20' }),
    stopExperiment(dataSource, { experimentKey: 'LIFT', promote: 'SPEND100_GET20' }),
  ]);
  expect(stopped.filter((s) => s.status === 'fulfilled')).toHaveLength(1);
  expect(stopped.find((s) => s.status === 'rejected')).toMatchObject({ reason: { code: 'CONFLICT' } });
  const final = await experimentByKey(dataSource, 'LIFT');
  expect(final.status).toBe('STOPPED');
  const exposures = await dataSource.getRepository(ExperimentParticipant).countBy({ experimentId: experiment.id });
  const late = await recordExposure(dataSource, { experimentKey: 'LIFT', memberId: 'late-member', channel: 'WEB' });
  expect(late).toMatchObject({ variantKey: final.winnerKey, recorded: false });
  expect(await dataSource.getRepository(ExperimentParticipant).countBy({ experimentId: experiment.id })).toBe(exposures);
});

it('refuses bad experiments, a taken key and unknown experiments, writing nothing', async () => {
  await offers('TAKEN');
  const before = await snapshotDatabase(dataSource);
  await expect(offers('TAKEN')).rejects.toMatchObject({ code: 'CONFLICT', details: { field: 'key' } });
  await expect(
    createExperiment(
      dataSource,
      {
        key: 'BAD',
        name: 'bad',
        variants: [
          { key: 'A', name: 'a', weight: '0.6' },
          { key: 'B', name: 'b', weight: '0.6' },
        ],
      },
      'staff:test',
    ),
  ).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'variants' } });
  await expect(recordExposure(dataSource, { experimentKey: 'NONE', memberId: 'm', channel: 'WEB' })).rejects.toMatchObject({
    code: 'NOT_FOUND',
  });
  await expect(recordExposure(dataSource, { experimentKey: 'TAKEN', memberId: 'm', channel: 'FAX' })).rejects.toMatchObject({
    code: 'BAD_USER_INPUT',
    details: { field: 'channel' },
  });
  await expect(stopExperiment(dataSource, { experimentKey: 'TAKEN', promote: 'HOLDOUT' })).rejects.toMatchObject({
    code: 'BAD_USER_INPUT',
    details: { field: 'promote' },
  });
  expect(await snapshotDatabase(dataSource)).toEqual(before);
});
