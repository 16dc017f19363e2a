import { openCommandDatabase, snapshotDatabase, type CommandDatabase } from '../../../../../test/harness/commandDatabase';
import { benefitsSchema } from '../../db/data-source';
import { BenefitCell } from '../../db/entities/BenefitCell';
import { DeriveAcceleration1764800000000 } from '../../db/migrations/1764800000000-DeriveAcceleration';
import { findShownTierBenefits, findTierBenefits, sharedShownTierBenefits, sharedTierBenefits } from '../../db/tierBenefits';
import { defineBenefit } from '../defineBenefit';
import { setTierBenefit, type TierBenefitEdit } from '../setTierBenefit';

let db: CommandDatabase;
beforeEach(async () => {
  db = await openCommandDatabase(benefitsSchema);
});
afterEach(() => db.close());

const NOW = new Date('2026-11-30T00:00:00Z');
const edit = (change: Partial<TierBenefitEdit> = {}, now = NOW) =>
  setTierBenefit(
    db.dataSource,
    { tierId: 'GOLD', benefitCode: 'DISCOUNT', level: '28% off', discountPercent: 28, reason: 'autumn review', ...change },
    'staff:ops-1',
    now,
  );
const levelOf = async (tierId: string, code: string, at: Date) =>
  (await findTierBenefits(db.dataSource, [tierId], at)).find((b) => b.code === code) ?? null;

describe('the seeded matrix (migration)', () => {
  it('is revision 1 of every cell, in effect since before any member, with the discount percentages of DOMAIN §4', async () => {
    const gold = await findTierBenefits(db.dataSource, ['GOLD'], NOW);
    expect(gold.map((b) => b.code)).toEqual(['DISCOUNT', 'BIRTHDAY', 'PRIORITY_SERVICE', 'EXCLUSIVE_EVENTS', 'COMMUNITY']);
    expect(gold.map((b) => b.type)).toEqual(['DISCOUNT', 'BIRTHDAY', 'PRIORITY_SERVICE', 'EVENT', 'COMMUNITY']);
    expect(gold.every((b) => b.revision === 1 && b.effectiveFrom.getTime() === Date.parse('2000-01-01T00:00:00Z'))).toBe(true);
    const discounts = await findTierBenefits(db.dataSource, ['REGULAR', 'SILVER', 'GOLD', 'DIAMOND'], NOW);
    expect(Object.fromEntries(discounts.filter((b) => b.type === 'DISCOUNT').map((b) => [b.tierId, b.discountPercent]))).toEqual({
      REGULAR: 10,
      SILVER: 20,
      GOLD: 25,
      DIAMOND: 30,
    });
    expect(discounts.filter((b) => b.type !== 'DISCOUNT').every((b) => b.discountPercent === null)).toBe(true);
  });
});

describe("points acceleration: derived from the tier's γ in force, never stored (one multiplier)", () => {
  const since = new Date('2026-06-01T00:00:00Z');
  const tier = (id: string, multiplier: number, pointsNeverExpire = false) => ({ id, multiplier, pointsNeverExpire, effectiveFrom: since });

  it('stores no acceleration figure after the migrations: not one revision of it', async () => {
    expect(await db.dataSource.getRepository(BenefitCell).countBy({ benefitCode: 'POINTS_ACCELERATION' })).toBe(0);
  });

  it('DeriveAcceleration clears the figures a database seeded before it holds, every revision, and nothing else', async () => {
    const cells = db.dataSource.getRepository(BenefitCell);
    const others = await cells.count();
    for (const [tierId, level] of [
      ['SILVER', '1.5×'],
      ['GOLD', '2×'],
    ]) {
      await cells.insert({
        id: `old-${tierId}`,
        tierId,
        benefitCode: 'POINTS_ACCELERATION',
        revision: 1,
        level,
        discountPercent: null,
        effectiveFrom: new Date('2000-01-01T00:00:00Z'),
        actor: 'system',
        reason: 'seeded from shared/DOMAIN.md §4',
        recordedAt: NOW,
      });
    }
    const runner = db.dataSource.createQueryRunner();
    try {
      await new DeriveAcceleration1764800000000().up(runner);
    } finally {
      await runner.release();
    }
    expect(await cells.countBy({ benefitCode: 'POINTS_ACCELERATION' })).toBe(0);
    expect(await cells.count()).toBe(others);
  });

  it("shows each tier's γ in the benefit's catalogue place, in force since the tier's version", async () => {
    const [regular, silver, gold, diamond] = await findShownTierBenefits(
      db.dataSource,
      [tier('REGULAR', 1.0), tier('SILVER', 1.2), tier('GOLD', 1.5), tier('DIAMOND', 2.0, true)],
      NOW,
    );
    const acceleration = (benefits: Awaited<ReturnType<typeof findTierBenefits>>) => benefits.find((b) => b.code === 'POINTS_ACCELERATION');
    expect([regular, silver, gold, diamond].map((b) => acceleration(b)?.level)).toEqual(['1×', '1.2×', '1.5×', '2× + never expire']);
    expect(gold.map((b) => b.code)).toEqual([
      'DISCOUNT',
      'BIRTHDAY',
      'PRIORITY_SERVICE',
      'EXCLUSIVE_EVENTS',
      'POINTS_ACCELERATION',
      'COMMUNITY',
    ]);
    expect(acceleration(gold)).toMatchObject({
      type: 'POINTS_ACCELERATION',
      derived: true,
      revision: 0,
      effectiveFrom: since,
      discountPercent: null,
    });
    // A tier edit (γ 1.6) is what the card shows next: nothing in the matrix to change.
    const [edited] = await findShownTierBenefits(db.dataSource, [tier('GOLD', 1.6)], NOW);
    expect(acceleration(edited)?.level).toBe('1.6×');
  });

  it('refuses any edit of it, a removal too, with BAD_USER_INPUT on benefitCode, writing nothing', async () => {
    const before = await snapshotDatabase(db.dataSource);
    for (const change of [
      { level: '5×', discountPercent: null },
      { level: null, discountPercent: null },
    ]) {
      await expect(edit({ benefitCode: 'POINTS_ACCELERATION', ...change })).rejects.toMatchObject({
        code: 'BAD_USER_INPUT',
        details: { field: 'benefitCode' },
      });
    }
    expect(await snapshotDatabase(db.dataSource)).toEqual(before);
  });
});

describe('setTierBenefit', () => {
  it('writes the next revision; the matrix before it still reads as it was', async () => {
    const cell = await edit();
    expect(cell).toMatchObject({ revision: 2, level: '28% off', discountPercent: 28, actor: 'staff:ops-1', reason: 'autumn review' });
    expect(await levelOf('GOLD', 'DISCOUNT', NOW)).toMatchObject({ level: '28% off', discountPercent: 28, revision: 2 });
    expect(await levelOf('GOLD', 'DISCOUNT', new Date(NOW.getTime() - 1))).toMatchObject({ level: '25% off', discountPercent: 25 });
    // Other tiers' cells are untouched.
    expect(await levelOf('SILVER', 'DISCOUNT', NOW)).toMatchObject({ level: '20% off', revision: 1 });
  });

  it('schedules a change: not in effect until its effectiveFrom, in effect from then on', async () => {
    await edit({ level: '27% off', discountPercent: 27, effectiveFrom: '2027-01-01T00:00:00+08:00' });
    expect(await levelOf('GOLD', 'DISCOUNT', NOW)).toMatchObject({ discountPercent: 25 });
    expect(await levelOf('GOLD', 'DISCOUNT', new Date('2026-12-31T16:00:00Z'))).toMatchObject({ discountPercent: 27, revision: 2 });
  });

  it('removes a benefit from a tier from a moment on, and adds one to a tier that had none', async () => {
    await edit({ tierId: 'SILVER', benefitCode: 'COMMUNITY', level: null, discountPercent: null });
    expect(await levelOf('SILVER', 'COMMUNITY', NOW)).toBeNull();
    expect(await levelOf('SILVER', 'COMMUNITY', new Date(NOW.getTime() - 1))).toMatchObject({ level: 'member community' });
    await edit({ tierId: 'REGULAR', benefitCode: 'COMMUNITY', level: 'online forum', discountPercent: null });
    expect(await levelOf('REGULAR', 'COMMUNITY', NOW)).toMatchObject({ level: 'online forum', revision: 1 });
  });

  it('decides simultaneous edits of one cell by its revision key: no revision lost or doubled', async () => {
    const outcomes = await Promise.allSettled(
      [21, 22, 23, 24, 26].map((percent) => edit({ level: `${percent}% off`, discountPercent: percent })),
    );
    const landed = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value.revision] : []));
    for (const o of outcomes) if (o.status === 'rejected') expect(o.reason).toMatchObject({ code: 'CONFLICT' });
    expect(new Set(landed).size).toBe(landed.length);
    expect(await db.dataSource.getRepository(BenefitCell).countBy({ tierId: 'GOLD', benefitCode: 'DISCOUNT' })).toBe(1 + landed.length);
  });

  it.each<[string, string, Partial<TierBenefitEdit>]>([
    ['discountPercent', 'BAD_USER_INPUT', { discountPercent: null }],
    ['discountPercent', 'BAD_USER_INPUT', { discountPercent: 100 }],
    ['discountPercent', 'BAD_USER_INPUT', { discountPercent: 12.5 }],
    ['discountPercent', 'BAD_USER_INPUT', { benefitCode: 'BIRTHDAY', level: 'cake', discountPercent: 5 }],
    ['benefitCode', 'BAD_USER_INPUT', { benefitCode: 'POINTS_ACCELERATION', level: '5×', discountPercent: null }],
    ['benefitCode', 'NOT_FOUND', { benefitCode: 'NO_SUCH_BENEFIT' }],
    ['benefitCode', 'BAD_USER_INPUT', { benefitCode: 'discount' }],
    ['tierId', 'BAD_USER_INPUT', { tierId: 'gold tier' }],
    ['tierId', 'BAD_USER_INPUT', { tierId: 'T'.repeat(33) }],
    ['level', 'BAD_USER_INPUT', { level: '   ' }],
    ['level', 'BAD_USER_INPUT', { level: 'x'.repeat(129) }],
    ['level', 'BAD_USER_INPUT', { tierId: 'REGULAR', benefitCode: 'COMMUNITY', level: null, discountPercent: null }],
    ['reason', 'BAD_USER_INPUT', { reason: 'no' }],
    ['effectiveFrom', 'BAD_USER_INPUT', { effectiveFrom: '2026-11-29T00:00:00Z' }],
    ['effectiveFrom', 'BAD_USER_INPUT', { effectiveFrom: '2027-01-01' }],
  ])('refuses a bad %s with %s, writing nothing', async (field, code, change) => {
    const before = await snapshotDatabase(db.dataSource);
    await expect(edit(change)).rejects.toMatchObject({ code, details: { field } });
    expect(await snapshotDatabase(db.dataSource)).toEqual(before);
  });

  it('refuses a revision that would take effect before the latest one of its cell', async () => {
    await edit({ effectiveFrom: '2027-06-01T00:00:00Z' });
    const before = await snapshotDatabase(db.dataSource);
    await expect(edit({ effectiveFrom: '2027-03-01T00:00:00Z' })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { field: 'effectiveFrom' },
    });
    expect(await snapshotDatabase(db.dataSource)).toEqual(before);
  });
});

describe('the shared catalogue (what the graph reads)', () => {
  const since = new Date('2026-06-01T00:00:00Z');
  const tiers = ['REGULAR', 'SILVER', 'GOLD', 'DIAMOND'].map((id, i) => ({
    id,
    multiplier: 1 + i / 2,
    pointsNeverExpire: i === 3,
    effectiveFrom: since,
  }));
  const bothAt = async (at: Date) => [
    await findShownTierBenefits(db.dataSource, tiers, at),
    await sharedShownTierBenefits(db.dataSource, tiers, at),
  ];

  it('answers what the database answers, at any instant, revisions scheduled for later included', async () => {
    await edit({ effectiveFrom: '2027-01-01T00:00:00Z' });
    for (const at of [NOW, new Date('2026-12-31T23:59:59.999Z'), new Date('2027-01-01T00:00:00Z')]) {
      const [fromDatabase, shared] = await bothAt(at);
      expect(shared).toEqual(fromDatabase);
    }
    // The stored cells alone (checkout's tier discount reads them so), for some tiers and for none.
    for (const at of [NOW, new Date('2027-01-01T00:00:00Z')]) {
      for (const tierIds of [['GOLD'], ['REGULAR', 'DIAMOND'], []]) {
        expect(await sharedTierBenefits(db.dataSource, tierIds, at)).toEqual(await findTierBenefits(db.dataSource, tierIds, at));
      }
    }
    expect(
      (await sharedTierBenefits(db.dataSource, ['GOLD'], new Date('2027-01-01T00:00:00Z'))).find((b) => b.code === 'DISCOUNT'),
    ).toMatchObject({
      discountPercent: 28,
      revision: 2,
    });
    const [, later] = await bothAt(new Date('2027-01-02T00:00:00Z'));
    expect(later[2].find((b) => b.code === 'DISCOUNT')).toMatchObject({ level: '28% off', revision: 2 });
  });

  it('shows a cell edit and a renamed benefit at once after the write, with no wait for the TTL', async () => {
    const goldDiscount = async () => (await sharedShownTierBenefits(db.dataSource, tiers, NOW))[2].find((b) => b.code === 'DISCOUNT');
    expect(await goldDiscount()).toMatchObject({ level: '25% off', name: 'Member discount 會員折扣' });
    await edit();
    expect(await goldDiscount()).toMatchObject({ level: '28% off', revision: 2 });
    await defineBenefit(db.dataSource, { code: 'DISCOUNT', name: 'Members save', type: 'DISCOUNT' });
    expect(await goldDiscount()).toMatchObject({ level: '28% off', name: 'Members save' });
    const [fromDatabase, shared] = await bothAt(NOW);
    expect(shared).toEqual(fromDatabase);
  });
});
