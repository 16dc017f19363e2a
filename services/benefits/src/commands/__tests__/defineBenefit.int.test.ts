import { openCommandDatabase, snapshotDatabase, type CommandDatabase } from '../../../../../test/harness/commandDatabase';
import { benefitsSchema } from '../../db/data-source';
import { findTierBenefits } from '../../db/tierBenefits';
import { defineBenefit } from '../defineBenefit';
import { setTierBenefit } from '../setTierBenefit';

let db: CommandDatabase;
beforeAll(async () => {
  db = await openCommandDatabase(benefitsSchema);
});
afterAll(() => db.close());

describe('defineBenefit', () => {
  it('adds a benefit after the seeded ones; a tier shows it once a cell gives it', async () => {
    const { benefit, created } = await defineBenefit(db.dataSource, {
      code: 'FREE_SHIPPING',
      name: 'Free shipping 包郵',
      type: 'FREE_SHIPPING',
    });
    expect(created).toBe(true);
    expect(benefit).toMatchObject({ code: 'FREE_SHIPPING', type: 'FREE_SHIPPING', position: 6 });
    await setTierBenefit(
      db.dataSource,
      { tierId: 'GOLD', benefitCode: 'FREE_SHIPPING', level: 'every order', reason: 'new benefit' },
      'staff:a',
    );
    const gold = await findTierBenefits(db.dataSource, ['GOLD']);
    expect(gold.at(-1)).toMatchObject({ code: 'FREE_SHIPPING', name: 'Free shipping 包郵', level: 'every order' });
  });

  it('renames a benefit, keeping its type and place', async () => {
    const { benefit, created } = await defineBenefit(db.dataSource, { code: 'COMMUNITY', name: 'Club 會員俱樂部', type: 'COMMUNITY' });
    expect(created).toBe(false);
    expect(benefit).toMatchObject({ name: 'Club 會員俱樂部', position: 5 });
  });

  it.each([
    ['type', { code: 'COMMUNITY', name: 'x', type: 'EVENT' }],
    ['type', { code: 'FAST_POINTS', name: 'x', type: 'POINTS_ACCELERATION' }],
    ['type', { code: 'LOUNGE', name: 'x', type: 'LOUNGE' }],
    ['code', { code: 'lounge', name: 'x', type: 'CUSTOM' }],
    ['name', { code: 'LOUNGE', name: '', type: 'CUSTOM' }],
  ])('refuses a bad %s, writing nothing', async (field, input) => {
    const before = await snapshotDatabase(db.dataSource);
    await expect(defineBenefit(db.dataSource, input)).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { field } });
    expect(await snapshotDatabase(db.dataSource)).toEqual(before);
  });
});
