import { openCommandDatabase, snapshotDatabase, type CommandDatabase } from '../../../../../test/harness/commandDatabase';
import { benefitsSchema } from '../../db/data-source';
import { CouponTemplate } from '../../db/entities/CouponTemplate';
import { defineTemplate } from './benefitsFixture';

let db: CommandDatabase;
beforeAll(async () => {
  db = await openCommandDatabase(benefitsSchema);
});
afterAll(() => db.close());

describe('defineCouponTemplate', () => {
  it('stores the rules with the whole stock and budget left, channels and stores as lists', async () => {
    await defineTemplate(db.dataSource, {
      code: 'DOUBLE11',
      kind: 'SPEND_THRESHOLD',
      amount: '30.00',
      minSpend: '199.00',
      budget: '3000.00',
      channels: ['WEB', 'MINI_PROGRAM'],
      stores: ['SH-001', 'BJ-002'],
      stackGroup: 'FESTIVAL',
    });
    const stored = await db.dataSource.getRepository(CouponTemplate).findOneByOrFail({ code: 'DOUBLE11' });
    expect(stored).toMatchObject({
      kind: 'SPEND_THRESHOLD',
      amountFen: 3000,
      minSpendFen: 19900,
      stock: 100,
      stockLeft: 100,
      budgetFen: 300000,
      budgetLeftFen: 300000,
      channels: ['WEB', 'MINI_PROGRAM'],
      stores: ['SH-001', 'BJ-002'],
      stackGroup: 'FESTIVAL',
      createdBy: 'staff:ops',
    });
    await defineTemplate(db.dataSource, { code: 'ANYWHERE' });
    expect(await db.dataSource.getRepository(CouponTemplate).findOneByOrFail({ code: 'ANYWHERE' })).toMatchObject({
      channels: [],
      stores: [],
    });
  });

  it('refuses a code already used with CONFLICT, and a bad rule with BAD_USER_INPUT, writing nothing', async () => {
    await defineTemplate(db.dataSource, { code: 'ONCE' });
    const before = await snapshotDatabase(db.dataSource);
    await expect(defineTemplate(db.dataSource, { code: 'ONCE', name: 'again' })).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { field: 'code' },
    });
    await expect(defineTemplate(db.dataSource, { code: 'BAD', stock: 0 })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { field: 'stock' },
    });
    expect(await snapshotDatabase(db.dataSource)).toEqual(before);
  });
});
