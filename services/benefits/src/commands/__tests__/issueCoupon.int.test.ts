import { openCommandDatabase, snapshotDatabase, type CommandDatabase } from '../../../../../test/harness/commandDatabase';
import { benefitsSchema } from '../../db/data-source';
import { Coupon } from '../../db/entities/Coupon';
import { CouponTemplate } from '../../db/entities/CouponTemplate';
import { issueCoupon, type IssueCouponInput } from '../issueCoupon';
import { defineTemplate, memberDirectory, NOW } from './benefitsFixture';

let db: CommandDatabase;
const member = memberDirectory({ 'm-1': 'REGULAR', 'm-2': 'GOLD' });
beforeEach(async () => {
  db = await openCommandDatabase(benefitsSchema);
  await defineTemplate(db.dataSource);
});
afterEach(() => db.close());

const issue = (change: Partial<IssueCouponInput> = {}, now = NOW) =>
  issueCoupon(
    db.dataSource,
    member,
    { templateCode: 'WELCOME20', memberId: 'm-1', idempotencyKey: 'issue-0001', ...change },
    'staff:ops',
    'STAFF',
    now,
  );
const template = (code = 'WELCOME20') => db.dataSource.getRepository(CouponTemplate).findOneByOrFail({ code });

describe('issueCoupon', () => {
  it('issues a coupon valid N days from issue and takes one from the stock', async () => {
    const { coupon, replayed } = await issue();
    expect(replayed).toBe(false);
    expect(coupon).toMatchObject({
      memberId: 'm-1',
      templateCode: 'WELCOME20',
      status: 'AVAILABLE',
      source: 'STAFF',
      issuedBy: 'staff:ops',
      validFrom: NOW,
      validTo: new Date('2026-12-30T08:00:00Z'),
    });
    expect((await template()).stockLeft).toBe(99);
  });

  it('takes the window of a template that has one', async () => {
    await defineTemplate(db.dataSource, {
      code: 'XMAS',
      validDays: null,
      validFrom: '2026-12-20T00:00:00Z',
      validTo: '2026-12-27T00:00:00Z',
    });
    const { coupon } = await issue({ templateCode: 'XMAS' });
    expect(coupon).toMatchObject({ validFrom: new Date('2026-12-20T00:00:00Z'), validTo: new Date('2026-12-27T00:00:00Z') });
  });

  it('answers a retried key with the same coupon, taking stock once; another use of the key is CONFLICT', async () => {
    const first = await issue();
    expect(await issue()).toEqual({ coupon: first.coupon, replayed: true });
    expect((await template()).stockLeft).toBe(99);
    await expect(issue({ memberId: 'm-2' })).rejects.toMatchObject({ code: 'CONFLICT', details: { field: 'idempotencyKey' } });
  });

  it('holds a member to the per-member limit, however many keys they try', async () => {
    await defineTemplate(db.dataSource, { code: 'TWICE', perMemberLimit: 2 });
    await issue({ templateCode: 'TWICE', idempotencyKey: 'twice-key-1' });
    await issue({ templateCode: 'TWICE', idempotencyKey: 'twice-key-2' });
    const before = await snapshotDatabase(db.dataSource);
    await expect(issue({ templateCode: 'TWICE', idempotencyKey: 'twice-key-3' })).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'PER_MEMBER_LIMIT' },
    });
    expect(await snapshotDatabase(db.dataSource)).toEqual(before);
    // Another member is not held to m-1's count.
    await expect(issue({ templateCode: 'TWICE', memberId: 'm-2', idempotencyKey: 'twice-key-4' })).resolves.toMatchObject({
      replayed: false,
    });
  });

  it('issues exactly the stock to simultaneous requests, and then refuses OUT_OF_STOCK', async () => {
    await defineTemplate(db.dataSource, { code: 'SCARCE', stock: 10, perMemberLimit: 100 });
    const outcomes = await Promise.allSettled(
      Array.from({ length: 30 }, (_, i) => issue({ templateCode: 'SCARCE', idempotencyKey: `scarce-key-${i}` })),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(10);
    for (const o of outcomes)
      if (o.status === 'rejected') expect(o.reason).toMatchObject({ code: 'CONFLICT', details: { reason: 'OUT_OF_STOCK' } });
    expect(await db.dataSource.getRepository(Coupon).countBy({ templateCode: 'SCARCE' })).toBe(10);
    expect((await template('SCARCE')).stockLeft).toBe(0);
  });

  it('reserves each coupon’s face value from the budget and refuses BUDGET_EXHAUSTED when it no longer covers one', async () => {
    await defineTemplate(db.dataSource, { code: 'BUDGET', amount: '30.00', budget: '70.00', perMemberLimit: 5 });
    await issue({ templateCode: 'BUDGET', idempotencyKey: 'budget-key-1' });
    await issue({ templateCode: 'BUDGET', idempotencyKey: 'budget-key-2' });
    const before = await snapshotDatabase(db.dataSource);
    await expect(issue({ templateCode: 'BUDGET', idempotencyKey: 'budget-key-3' })).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'BUDGET_EXHAUSTED' },
    });
    expect(await snapshotDatabase(db.dataSource)).toEqual(before);
    expect(await template('BUDGET')).toMatchObject({ budgetLeftFen: 1000, stockLeft: 98 });
  });

  it.each<[string, string, Partial<IssueCouponInput>, Date?]>([
    ['templateCode', 'NOT_FOUND', { templateCode: 'NO_SUCH' }],
    ['templateCode', 'BAD_USER_INPUT', { templateCode: 'welcome 20' }],
    ['memberId', 'NOT_FOUND', { memberId: 'nobody' }],
    ['memberId', 'BAD_USER_INPUT', { memberId: '' }],
    ['idempotencyKey', 'BAD_USER_INPUT', { idempotencyKey: 'short' }],
  ])('refuses a bad %s with %s, writing nothing', async (field, code, change) => {
    const before = await snapshotDatabase(db.dataSource);
    await expect(issue(change)).rejects.toMatchObject({ code, details: { field } });
    expect(await snapshotDatabase(db.dataSource)).toEqual(before);
  });

  it('refuses to issue from a template whose window has closed, or one out of stock, without asking the member service', async () => {
    await defineTemplate(db.dataSource, {
      code: 'OVER',
      validDays: null,
      validFrom: '2026-11-01T00:00:00Z',
      validTo: '2026-11-11T00:00:00Z',
    });
    await defineTemplate(db.dataSource, { code: 'ONE', stock: 1 });
    await issue({ templateCode: 'ONE', memberId: 'm-2', idempotencyKey: 'one-key-1' });
    const before = await snapshotDatabase(db.dataSource);
    const asked = member.asked.length;
    await expect(issue({ templateCode: 'OVER' })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { reason: 'TEMPLATE_EXPIRED' },
    });
    await expect(issue({ templateCode: 'ONE' })).rejects.toMatchObject({ code: 'CONFLICT', details: { reason: 'OUT_OF_STOCK' } });
    expect(member.asked.length).toBe(asked);
    expect(await snapshotDatabase(db.dataSource)).toEqual(before);
  });
});
