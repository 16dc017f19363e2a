import { snapshotDatabase } from '../../../../../test/harness/commandDatabase';
import { earnQuestion, useCampaignCommands, WEEK } from '../../../test/campaignFixture';
import { MemorySegmentPeers } from '../../../test/memoryPorts';
import { Campaign } from '../../db/entities/Campaign';
import { DEFAULT_RFM_BINS } from '../../domain/rfm';
import { CampaignGrant } from '../../db/entities/CampaignGrant';
import { boostEarn, type EarnQuestion } from '../boostEarn';
import { createCampaign } from '../createCampaign';
import { defineSegment } from '../defineSegment';
import { moveCampaign } from '../moveCampaign';
import { recomputeSegments } from '../recomputeSegments';
import { setCoefficientCombination } from '../setCoefficientCombination';

const f = useCampaignCommands();
afterEach(() => jest.restoreAllMocks());
const create = (input: Partial<Parameters<typeof createCampaign>[1]> & { name: string }) =>
  createCampaign(f.dataSource, { activityCoefficient: '2.0', ...WEEK, ...input }, 'staff:test');

const ask = (question: EarnQuestion, rule: 'max' | 'product' = 'max') => boostEarn(f.dataSource, f.peers, rule, question);

describe('boostEarn: targeting', () => {
  it('applies a campaign only to the tiers, channels and stores it names', async () => {
    const gold = await create({ name: 'Gold in store', target: { tiers: ['GOLD'], channels: ['POS'], stores: ['SH-01'] } });
    expect((await ask(earnQuestion('a1'))).coefficientMilli).toBe(1000);
    expect((await ask(earnQuestion('a2', { tierId: 'GOLD', channel: 'WEB' }))).coefficientMilli).toBe(1000);
    expect((await ask(earnQuestion('a3', { tierId: 'GOLD', channel: 'POS', store: 'BJ-02' }))).coefficientMilli).toBe(1000);
    const hit = await ask(earnQuestion('a4', { tierId: 'GOLD', channel: 'POS', store: 'SH-01' }));
    expect(hit).toMatchObject({ coefficientMilli: 2000, campaignIds: [gold.id] });
  });

  it('asks the member service for the tier only when the earn did not send it', async () => {
    await create({ name: 'Silver', target: { tiers: ['SILVER'] } });
    f.peers.member.tiers.set('m-9', 'SILVER');
    expect((await ask(earnQuestion('b1', { memberId: 'm-9', tierId: null }))).coefficientMilli).toBe(2000);
  });

  it('excludes members who withdrew marketing consent from campaigns that require it', async () => {
    await create({ name: 'Consent only', target: { requireMarketingConsent: true } });
    f.peers.member.withdrawn.add('m-out');
    expect((await ask(earnQuestion('c1', { memberId: 'm-out' }))).coefficientMilli).toBe(1000);
    expect((await ask(earnQuestion('c2'))).coefficientMilli).toBe(2000);
  });

  it('applies a segment campaign to the segment’s members (as of the last recomputation) only', async () => {
    const lapsed = await defineSegment(
      f.dataSource,
      { key: 'LAPSED', name: 'No purchase for 90 days', rules: '{"field":"daysSinceLastPurchase","op":"gte","value":90}' },
      'staff:test',
    );
    const facts = new MemorySegmentPeers();
    facts.addMember(
      { memberId: 'm-1' },
      { purchases: 3, spendFen: 30_000, purchasesEver: 3, lastPurchaseAt: new Date('2026-11-25T00:00:00Z') },
    );
    facts.addMember(
      { memberId: 'm-lapsed' },
      { purchases: 1, spendFen: 10_000, purchasesEver: 4, lastPurchaseAt: new Date('2026-06-01T00:00:00Z') },
    );
    const rules = { bins: DEFAULT_RFM_BINS, windowDays: 365, kMax: 2, batchSize: 10 };
    await recomputeSegments(f.dataSource, facts, rules, 'staff:test', new Date('2026-12-01T00:00:00Z'));
    await create({ name: 'Win back', activityCoefficient: '3', target: { segments: [lapsed.id] } });
    expect((await ask(earnQuestion('d1'))).coefficientMilli).toBe(1000);
    expect((await ask(earnQuestion('d2', { memberId: 'm-lapsed' }))).coefficientMilli).toBe(3000);
  });

  it('ignores drafts until scheduled and stops at once when a campaign is ended', async () => {
    const draft = await create({ name: 'Draft', draft: true });
    expect((await ask(earnQuestion('e1'))).coefficientMilli).toBe(1000);
    await moveCampaign(f.dataSource, draft.id, 'SCHEDULE', new Date('2026-11-30T00:00:00Z'));
    expect((await ask(earnQuestion('e2'))).coefficientMilli).toBe(2000);
    await moveCampaign(f.dataSource, draft.id, 'END', new Date('2026-12-02T00:00:00Z'));
    expect((await ask(earnQuestion('e3'))).coefficientMilli).toBe(1000);
  });
});

describe('boostEarn: combination and budgets', () => {
  it('combines by MAX by default and by MULTIPLY once staff set it', async () => {
    await create({ name: 'Double' });
    await create({ name: 'Weekend', activityCoefficient: '1.5' });
    expect((await ask(earnQuestion('f1'))).coefficientMilli).toBe(2000);
    await setCoefficientCombination(f.dataSource, 'MULTIPLY', 'staff:test');
    expect((await ask(earnQuestion('f2'))).coefficientMilli).toBe(3000);
  });

  it('reads the combination setting once per process: two live multipliers cost one statement, a change is seen at once', async () => {
    await create({ name: 'Double' });
    await create({ name: 'Weekend', activityCoefficient: '1.5' });
    // The process's clock stands still: the copy's one-second age (for other replicas) never runs out here.
    const clock = Date.now();
    jest.spyOn(Date, 'now').mockImplementation(() => clock);
    const statements = async (question: EarnQuestion) => {
      const before = f.queries.count;
      const answer = await ask(question);
      return { coefficientMilli: answer.coefficientMilli, statements: f.queries.count - before };
    };
    // The first earn reads the setting (none: MAX), the next only the live campaigns.
    expect(await statements(earnQuestion('h1'))).toEqual({ coefficientMilli: 2000, statements: 2 });
    expect(await statements(earnQuestion('h2'))).toEqual({ coefficientMilli: 2000, statements: 1 });
    await setCoefficientCombination(f.dataSource, 'MULTIPLY', 'staff:test');
    expect(await statements(earnQuestion('h3'))).toEqual({ coefficientMilli: 3000, statements: 2 });
    expect(await statements(earnQuestion('h4'))).toEqual({ coefficientMilli: 3000, statements: 1 });
    await setCoefficientCombination(f.dataSource, 'MAX', 'staff:test');
    expect((await ask(earnQuestion('h5'))).coefficientMilli).toBe(2000);
  });

  it('charges a multiplier’s budget with the extra points it grants, once per order', async () => {
    const week = await create({ name: 'Budgeted double', budgetPoints: 250 });
    const first = await ask(earnQuestion('g1'));
    expect(first).toMatchObject({ coefficientMilli: 2000, applied: [{ campaignId: week.id, extraPoints: 100 }], replayed: false });
    // The same order again (points retried): the same answer, nothing spent twice.
    expect(await ask(earnQuestion('g1'))).toMatchObject({
      coefficientMilli: 2000,
      applied: [{ campaignId: week.id, extraPoints: 100 }],
      replayed: true,
    });
    await ask(earnQuestion('g2'));
    // 200 of 250 spent: the third order's 100 extra points do not fit, so it earns at 1.0.
    expect((await ask(earnQuestion('g3'))).coefficientMilli).toBe(1000);
    // A smaller order still fits the remaining 50.
    expect(await ask(earnQuestion('g4', { earn: { amountFen: 5_000, baseRateMilli: 1000, multiplierMilli: 1000 } }))).toMatchObject({
      coefficientMilli: 2000,
      applied: [{ extraPoints: 50 }],
    });
    expect((await f.dataSource.getRepository(Campaign).findOneByOrFail({ id: week.id })).spentPoints).toBe(250);
    expect(await f.dataSource.getRepository(CampaignGrant).countBy({ campaignId: week.id })).toBe(3);
  });

  it('falls back to the next multiplier under MAX when the best one’s budget is spent', async () => {
    await create({ name: 'Triple', activityCoefficient: '3', budgetPoints: 0 });
    const double = await create({ name: 'Double' });
    expect(await ask(earnQuestion('h1'))).toMatchObject({ coefficientMilli: 2000, campaignIds: [double.id] });
  });

  it('measures extra points with γ: a Gold member’s extra is 150 of a 100 CNY order at double points', async () => {
    await create({ name: 'Double', budgetPoints: 1000 });
    const answer = await ask(
      earnQuestion('i1', { tierId: 'GOLD', earn: { amountFen: 10_000, baseRateMilli: 1000, multiplierMilli: 1500 } }),
    );
    expect(answer.applied[0].extraPoints).toBe(150);
  });

  it('writes nothing for an earn without budgeted campaigns', async () => {
    await create({ name: 'Unbudgeted' });
    const before = await snapshotDatabase(f.dataSource);
    expect((await ask(earnQuestion('j1'))).coefficientMilli).toBe(2000);
    expect(await snapshotDatabase(f.dataSource)).toEqual(before);
  });
});
