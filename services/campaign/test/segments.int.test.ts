import type { DataSource } from 'typeorm';
import { snapshotDatabase } from '../../../test/harness/commandDatabase';
import { openServiceTestDatabase } from '../../../test/harness/serviceTestDatabase';
import { defineSegment } from '../src/commands/defineSegment';
import { leasedRecompute, recomputeSegments, recomputeSegmentsNow, SEGMENT_JOB } from '../src/commands/recomputeSegments';
import { recordChannelSpend } from '../src/commands/recordChannelSpend';
import { channelCac } from '../src/db/channelCac';
import { campaignSchema } from '../src/db/data-source';
import { JobLease } from '../../kit/src';
import { MemberRfm } from '../src/db/entities/MemberRfm';
import { Segment } from '../src/db/entities/Segment';
import { assertSegmentsExist, isMemberInSegment, segmentsOfMembers } from '../src/db/segmentMembership';
import { DEFAULT_RFM_BINS } from '../src/domain/rfm';
import { MemorySegmentPeers } from './memoryPorts';

/**
 * Segments on the database the suite runs on (SQLite by default, MySQL with DATABASE_URL): RFM and
 * clusters from streamed statistics, rule-based membership, the lease, channel CAC.
 */
let dataSource: DataSource;
let stop: () => Promise<void>;
beforeAll(async () => {
  ({ dataSource, close: stop } = await openServiceTestDatabase(campaignSchema));
});
afterAll(() => stop?.());

const NOW = new Date('2026-11-30T00:00:00Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000);
const RULES = { bins: DEFAULT_RFM_BINS, windowDays: 365, kMax: 5, batchSize: 64 };

/** 90 members in three kinds, ids sorting in kind order: 30 VIPs on Gold, 30 regulars, 30 who never bought. */
function programme(): MemorySegmentPeers {
  const peers = new MemorySegmentPeers();
  for (let i = 0; i < 30; i += 1) {
    const n = String(i).padStart(3, '0');
    peers.addMember(
      { memberId: `a-vip-${n}`, tierId: 'GOLD', registeredVia: 'MINI_PROGRAM', consents: ['PARTNER_SHARING'] },
      {
        purchases: 10 + (i % 3),
        spendFen: (10 + (i % 3)) * (800_00 + i * 1_00),
        purchasesEver: 25,
        lastPurchaseAt: daysAgo(3 + (i % 5)),
        checkIns: 30,
        channels: 3,
      },
    );
    peers.addMember(
      { memberId: `b-mid-${n}`, tierId: 'SILVER', registeredVia: 'WEB' },
      {
        purchases: 3 + (i % 2),
        spendFen: (3 + (i % 2)) * (200_00 + i * 1_00),
        purchasesEver: 5,
        lastPurchaseAt: daysAgo(70 + i),
        checkIns: 5,
        channels: 1,
      },
    );
    peers.addMember({ memberId: `c-new-${n}`, registeredVia: 'POS' });
  }
  return peers;
}

it('scores every member, clusters them and fills rule segments from batched streams', async () => {
  const peers = programme();
  const vip = await defineSegment(
    dataSource,
    {
      key: 'BRING_A_FRIEND',
      name: 'Double points for bringing a friend',
      rules: JSON.stringify({
        all: [
          { field: 'purchases', op: 'gte', value: 3 },
          { field: 'averageSpend', op: 'gte', value: '500.00' },
        ],
      }),
    },
    'staff:test',
  );
  const prospects = await defineSegment(
    dataSource,
    { key: 'PROSPECTS', name: 'Never bought', rules: '{"field":"customerSegment","op":"eq","value":"PROSPECT"}' },
    'staff:test',
  );
  const summary = await recomputeSegments(dataSource, peers, RULES, 'staff:test', NOW);
  expect(peers.batchesServed).toBeGreaterThan(2);
  expect(summary.members).toBe(90);
  expect(summary.segments).toEqual([
    { key: 'BRING_A_FRIEND', members: 30 },
    { key: 'PROSPECTS', members: 30 },
  ]);
  const rfm = await dataSource.getRepository(MemberRfm).findOneByOrFail({ memberId: 'a-vip-000' });
  expect(rfm).toMatchObject({
    recencyDays: 3,
    frequency: 10,
    monetaryFen: 800_00,
    r: 5,
    f: 5,
    m: 4,
    rfmSegment: 'HIGH_VALUE',
    customerSegment: 'LOYAL',
  });
  expect(await dataSource.getRepository(MemberRfm).findOneByOrFail({ memberId: 'c-new-000' })).toMatchObject({
    recencyDays: null,
    rfmSegment: 'LOST',
    customerSegment: 'PROSPECT',
  });
  // Three kinds, three clusters, each kind whole in one.
  expect(summary.clustering!.k).toBe(3);
  expect(summary.clustering!.clusters.map((c) => c.size)).toEqual([30, 30, 30]);
  const clusters = await dataSource.getRepository(MemberRfm).find({ order: { memberId: 'ASC' } });
  for (const prefix of ['a-vip', 'b-mid', 'c-new'])
    expect(new Set(clusters.filter((c) => c.memberId.startsWith(prefix)).map((c) => c.cluster)).size).toBe(1);
  // The functions campaign targeting uses.
  expect(await isMemberInSegment(dataSource, vip.id, 'a-vip-007')).toBe(true);
  expect(await isMemberInSegment(dataSource, vip.id, 'b-mid-007')).toBe(false);
  const batch = await segmentsOfMembers(dataSource, [vip.id, prospects.id], ['a-vip-001', 'c-new-001', 'nobody']);
  expect(batch).toEqual(
    new Map([
      ['a-vip-001', new Set([vip.id])],
      ['c-new-001', new Set([prospects.id])],
      ['nobody', new Set()],
    ]),
  );
  await expect(assertSegmentsExist(dataSource, [vip.id, 'no-such-segment'])).rejects.toMatchObject({
    code: 'BAD_USER_INPUT',
    details: { field: 'segmentIds' },
  });
  expect((await dataSource.getRepository(Segment).findOneByOrFail({ id: vip.id })).memberCount).toBe(30);
});

it('replaces the previous run whole: a member who stopped qualifying leaves the segment', async () => {
  const peers = programme();
  const segment = await defineSegment(
    dataSource,
    { key: 'RECENT', name: 'Bought within 30 days', rules: '{"field":"daysSinceLastPurchase","op":"lte","value":30}' },
    'staff:test',
  );
  await recomputeSegments(dataSource, peers, RULES, 'JOB', NOW);
  expect(await isMemberInSegment(dataSource, segment.id, 'a-vip-001')).toBe(true);
  await recomputeSegments(dataSource, peers, RULES, 'JOB', new Date(NOW.getTime() + 60 * 86_400_000));
  expect(await isMemberInSegment(dataSource, segment.id, 'a-vip-001')).toBe(false);
  expect(await dataSource.getRepository(MemberRfm).count()).toBe(90);
});

it('runs one recomputation at a time: on demand while the lease is held is CONFLICT, a finished slot does not run again', async () => {
  const peers = programme();
  await dataSource
    .getRepository(JobLease)
    .save({ job: SEGMENT_JOB, holder: 'elsewhere', expiresAt: new Date(Date.now() + 60_000), lastRunKey: null, lastFinishedAt: null });
  await expect(recomputeSegmentsNow(dataSource, peers, RULES, 'staff:test')).rejects.toMatchObject({ code: 'CONFLICT' });
  await dataSource.getRepository(JobLease).update({ job: SEGMENT_JOB }, { holder: null, expiresAt: new Date(0) });
  expect(await leasedRecompute(dataSource, peers, RULES, 'JOB', 'slot-1')).not.toBeNull();
  expect(await leasedRecompute(dataSource, peers, RULES, 'JOB', 'slot-1')).toBeNull();
});

it('refuses bad segments, writing nothing', async () => {
  await defineSegment(dataSource, { key: 'TAKEN', name: 'taken', rules: '{"field":"tier","op":"eq","value":"GOLD"}' }, 'staff:test');
  const before = await snapshotDatabase(dataSource);
  for (const rules of [
    '{"all":[{"field":"tier"',
    '{"field":"zodiac","op":"eq","value":"LEO"}',
    '{"field":"rfmSegment","op":"eq","value":"WHALES"}',
  ]) {
    await expect(defineSegment(dataSource, { key: 'BAD', name: 'bad', rules }, 'staff:test')).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { field: 'rules' },
    });
  }
  await expect(
    defineSegment(dataSource, { key: 'TAKEN', name: 'again', rules: '{"field":"tier","op":"eq","value":"GOLD"}' }, 'staff:test'),
  ).rejects.toMatchObject({
    code: 'CONFLICT',
  });
  expect(await snapshotDatabase(dataSource)).toEqual(before);
});

describe('channel spend and CAC', () => {
  it('DOMAIN §5: 450,000 CNY on a channel that brought 1,800 members is a CAC of 250', async () => {
    const peers = new MemorySegmentPeers();
    // 1,800 registrations through the mini-program in November (UTC+8), and some outside it.
    for (let i = 0; i < 1800; i += 1)
      peers.addMember({ memberId: `nov-${i}`, registeredVia: 'MINI_PROGRAM', registeredAt: new Date(Date.UTC(2026, 10, 1 + (i % 29), 3)) });
    peers.addMember({ memberId: 'oct-31-late', registeredVia: 'MINI_PROGRAM', registeredAt: new Date('2026-10-31T15:59:59Z') });
    peers.addMember({ memberId: 'dec-1-early', registeredVia: 'MINI_PROGRAM', registeredAt: new Date('2026-11-30T16:00:00Z') });
    const spend = (amount: string, idempotencyKey: string, channel = 'MINI_PROGRAM') =>
      recordChannelSpend(dataSource, { channel, month: '2026-11', amount, idempotencyKey }, 'staff:test', 480);
    await spend('300000.00', 'wechat-moments-nov-1');
    const [a, b] = await Promise.all([spend('150000.00', 'wechat-moments-nov-2'), spend('150000.00', 'wechat-moments-nov-2')]);
    expect([a.replayed, b.replayed].sort()).toEqual([false, true]);
    const rows = await channelCac(dataSource, peers.member, '2026-11', 480);
    expect(rows.find((r) => r.channel === 'MINI_PROGRAM')).toEqual({
      channel: 'MINI_PROGRAM',
      month: '2026-11',
      spendFen: 450_000_00,
      membersAcquired: 1800,
      cacFen: 250_00,
    });
    expect(rows.find((r) => r.channel === 'WEB')).toMatchObject({ spendFen: 0, membersAcquired: 0, cacFen: null });
  });

  it('refuses bad spend, writing nothing', async () => {
    const before = await snapshotDatabase(dataSource);
    const spend = (change: Record<string, string>) =>
      recordChannelSpend(
        dataSource,
        { channel: 'WEB', month: '2026-11', amount: '10.00', idempotencyKey: 'spend-key-bad', ...change },
        'staff:test',
        480,
      );
    await expect(spend({ amount: '-5.00' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'amount' } });
    await expect(spend({ amount: '0' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'amount' } });
    await expect(spend({ month: '2026-13' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'month' } });
    await expect(spend({ channel: 'TV' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'channel' } });
    await expect(spend({ idempotencyKey: 'wechat-moments-nov-1', channel: 'MINI_PROGRAM' })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await snapshotDatabase(dataSource)).toEqual(before);
  });
});
