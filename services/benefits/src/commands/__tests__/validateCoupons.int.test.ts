import { openCommandDatabase, snapshotDatabase, type CommandDatabase } from '../../../../../test/harness/commandDatabase';
import { benefitsSchema } from '../../db/data-source';
import type { CartInput } from '../../domain/checkout';
import { validateCoupons } from '../checkout';
import { setTierBenefit } from '../setTierBenefit';
import { defineTemplate, give, memberDirectory, NOW } from './benefitsFixture';

let db: CommandDatabase;
const member = memberDirectory({ 'm-gold': 'GOLD', 'm-other': 'REGULAR', 'm-new-tier': 'PLATINUM' });
const coupons: Record<string, string> = {};
beforeAll(async () => {
  db = await openCommandDatabase(benefitsSchema);
  await defineTemplate(db.dataSource, {
    code: 'OFF30',
    kind: 'SPEND_THRESHOLD',
    amount: '30.00',
    minSpend: '200.00',
    stackGroup: 'STORE_WIDE',
  });
  await defineTemplate(db.dataSource, {
    code: 'OFF50',
    kind: 'SPEND_THRESHOLD',
    amount: '50.00',
    minSpend: '500.00',
    stackGroup: 'STORE_WIDE',
  });
  await defineTemplate(db.dataSource, { code: 'PCT10', kind: 'PERCENTAGE', amount: null, percentOff: 10, maxDiscount: '15.00' });
  await defineTemplate(db.dataSource, { code: 'WEBONLY', channels: ['WEB'] });
  for (const code of ['OFF30', 'OFF50', 'PCT10', 'WEBONLY']) coupons[code] = await give(db.dataSource, member, code, 'm-gold');
  coupons.FOREIGN = await give(db.dataSource, member, 'PCT10', 'm-other');
});
afterAll(() => db.close());

// 2 × 129.00 = 258.00 CNY at a till
const CART: CartInput = { channel: 'POS', store: 'SH-001', items: [{ sku: 'TEA-1', quantity: 2, unitPrice: '129.00' }] };
const validate = (couponIds: string[] = [], change: Partial<{ memberId: string; cart: CartInput }> = {}) =>
  validateCoupons(db.dataSource, member, { memberId: 'm-gold', cart: CART, couponIds, ...change }, NOW);

describe('validateCoupons', () => {
  it("includes the member's tier discount as a line with its source, and what each coupon would add", async () => {
    const plan = await validate();
    // GOLD: 25% of 25800 = 6450
    expect(plan.lines).toEqual([
      { source: 'TIER_BENEFIT', sourceId: 'GOLD:DISCOUNT', label: 'GOLD member discount 25% off', discountFen: 6450, giftSku: null },
    ]);
    expect(plan).toMatchObject({ subtotalFen: 25800, discountFen: 6450, payableFen: 19350 });
    const byTemplate = Object.fromEntries(plan.coupons.map((c) => [c.coupon.templateCode, [c.discountFen, c.refusal]]));
    expect(byTemplate).toEqual({
      OFF30: [3000, null],
      OFF50: [null, 'BELOW_MIN_SPEND'],
      PCT10: [1500, null], // 10% of 193.50 = 19.35, capped at 15.00
      WEBONLY: [null, 'WRONG_CHANNEL'],
    });
  });

  it('applies the chosen coupons and says which others would still fit', async () => {
    const plan = await validate([coupons.OFF30, coupons.PCT10]);
    expect(plan.lines.map((l) => [l.source, l.discountFen])).toEqual([
      ['TIER_BENEFIT', 6450],
      ['COUPON', 3000],
      ['COUPON', 1500],
    ]);
    expect(plan.payableFen).toBe(25800 - 6450 - 3000 - 1500);
    expect(
      plan.coupons
        .filter((c) => c.selected)
        .map((c) => c.coupon.id)
        .sort(),
    ).toEqual([coupons.OFF30, coupons.PCT10].sort());
  });

  it('follows a matrix edit: the discount in force is the one applied', async () => {
    await setTierBenefit(
      db.dataSource,
      { tierId: 'GOLD', benefitCode: 'DISCOUNT', level: '28% off', discountPercent: 28, reason: 'test edit' },
      'staff:t',
      NOW,
    );
    expect((await validate()).lines[0]).toMatchObject({ discountFen: 7224 }); // 28% of 25800
    // A tier without a DISCOUNT cell gets no tier line.
    expect((await validate([], { memberId: 'm-new-tier' })).lines).toEqual([]);
  });

  it.each<[string, string, string | undefined, () => string[], Partial<{ memberId: string; cart: CartInput }>]>([
    ['a coupon of another member', 'NOT_FOUND', undefined, () => [coupons.FOREIGN], {}],
    ['a coupon that does not apply', 'BAD_USER_INPUT', 'WRONG_CHANNEL', () => [coupons.WEBONLY], {}],
    [
      'two of one exclusive group',
      'BAD_USER_INPUT',
      'STACKING_CONFLICT',
      () => [coupons.OFF30, coupons.OFF50],
      { cart: { ...CART, items: [{ sku: 'TEA-1', quantity: 5, unitPrice: '129.00' }] } },
    ],
    ['an unknown member', 'NOT_FOUND', undefined, () => [], { memberId: 'nobody' }],
    [
      'a negative line',
      'BAD_USER_INPUT',
      undefined,
      () => [],
      { cart: { ...CART, items: [{ sku: 'TEA-1', quantity: 1, unitPrice: '-129.00' }] } },
    ],
    [
      'an absurd quantity',
      'BAD_USER_INPUT',
      undefined,
      () => [],
      { cart: { ...CART, items: [{ sku: 'TEA-1', quantity: 100000, unitPrice: '1.00' }] } },
    ],
  ])('refuses %s with %s, writing nothing', async (_, code, reason, chosen, change) => {
    const before = await snapshotDatabase(db.dataSource);
    await expect(validate(chosen(), change)).rejects.toMatchObject({ code, ...(reason ? { details: { reason } } : {}) });
    expect(await snapshotDatabase(db.dataSource)).toEqual(before);
  });

  it('asks the member service nothing for a bad cart', async () => {
    const asked = member.asked.length;
    await expect(validate([], { cart: { ...CART, items: [] } })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { field: 'items' },
    });
    expect(member.asked.length).toBe(asked);
  });
});
