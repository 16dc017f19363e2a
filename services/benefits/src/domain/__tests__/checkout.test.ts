import { parseCart, planCheckout, type HeldCoupon } from '../checkout';

const NOW = new Date('2026-11-30T08:00:00Z');
const coupon = (id: string, rules: Partial<HeldCoupon> = {}): HeldCoupon => ({
  id,
  status: 'AVAILABLE',
  validFrom: new Date('2026-11-01T00:00:00Z'),
  validTo: new Date('2026-12-31T00:00:00Z'),
  templateCode: 'T',
  name: `coupon ${id}`,
  kind: 'NO_THRESHOLD',
  amountFen: 1000,
  percentOff: null,
  maxDiscountFen: null,
  minSpendFen: 0,
  giftSku: null,
  channels: [],
  stores: [],
  stackGroup: null,
  ...rules,
});
// 2 × 99.90 + 1 × 50.00 = 249.80 CNY
const cart = parseCart({
  channel: 'POS',
  store: 'SH-001',
  items: [
    { sku: 'TEA-1', quantity: 2, unitPrice: '99.90' },
    { sku: 'CUP-1', quantity: 1, unitPrice: '50.00' },
  ],
});
const GOLD = { tierId: 'GOLD', benefitCode: 'DISCOUNT', percent: 25, revision: 1 };

describe('planCheckout (unit)', () => {
  it('applies the tier discount first, as a line that names its source, rounding down', () => {
    const plan = planCheckout(cart, GOLD, [], [], NOW);
    // 24980 × 25% = 6245
    expect(plan.lines).toEqual([
      { source: 'TIER_BENEFIT', sourceId: 'GOLD:DISCOUNT', label: 'GOLD member discount 25% off', discountFen: 6245, giftSku: null },
    ]);
    expect(plan).toMatchObject({ subtotalFen: 24980, discountFen: 6245, payableFen: 18735 });
  });

  it('applies chosen coupons in order on what is still payable; percentages are capped and rounded down', () => {
    const held = [
      coupon('fixed', { kind: 'SPEND_THRESHOLD', amountFen: 3000, minSpendFen: 20000 }),
      coupon('pct', { kind: 'PERCENTAGE', amountFen: null, percentOff: 15, maxDiscountFen: 2000 }),
      coupon('pct-uncapped', { kind: 'PERCENTAGE', amountFen: null, percentOff: 3 }),
    ];
    const plan = planCheckout(cart, GOLD, held, ['fixed', 'pct-uncapped'], NOW);
    // 18735 - 3000 = 15735; 3% of 15735 = 472.05 → 472
    expect(plan.lines.map((l) => [l.sourceId, l.discountFen])).toEqual([
      ['GOLD:DISCOUNT', 6245],
      ['fixed', 3000],
      ['pct-uncapped', 472],
    ]);
    expect(plan.payableFen).toBe(15263);
    // The unchosen percentage coupon: 15% of 15263 = 2289 → capped at 2000, on top of the chosen ones.
    expect(plan.coupons.find((c) => c.coupon.id === 'pct')).toMatchObject({ selected: false, discountFen: 2000, refusal: null });
  });

  it('says why each other coupon does not apply', () => {
    const held = [
      coupon('min', { kind: 'SPEND_THRESHOLD', amountFen: 5000, minSpendFen: 30000 }),
      coupon('old', { validTo: new Date('2026-11-30T07:59:59Z') }),
      coupon('early', { validFrom: new Date('2026-12-01T00:00:00Z') }),
      coupon('web', { channels: ['WEB', 'MINI_PROGRAM'] }),
      coupon('store', { stores: ['BJ-002'] }),
      coupon('used', { status: 'REDEEMED' }),
      coupon('void', { status: 'VOIDED' }),
      coupon('g1', { stackGroup: 'NEW_MEMBER' }),
      coupon('g2', { stackGroup: 'NEW_MEMBER' }),
    ];
    const plan = planCheckout(cart, null, held, ['g1'], NOW);
    expect(Object.fromEntries(plan.coupons.map((c) => [c.coupon.id, c.refusal]))).toEqual({
      min: 'BELOW_MIN_SPEND',
      old: 'EXPIRED',
      early: 'NOT_YET_VALID',
      web: 'WRONG_CHANNEL',
      store: 'WRONG_STORE',
      used: 'REDEEMED',
      void: 'VOIDED',
      g1: null,
      g2: 'STACKING_CONFLICT',
    });
  });

  it('never takes the payable below zero, and a gift coupon adds its item at no discount', () => {
    const held = [coupon('big', { amountFen: 30000 }), coupon('more'), coupon('gift', { kind: 'GIFT', amountFen: 800, giftSku: 'TOTE-1' })];
    const plan = planCheckout(cart, null, held, ['big', 'gift'], NOW);
    expect(plan).toMatchObject({ discountFen: 24980, payableFen: 0 });
    expect(plan.lines.at(-1)).toMatchObject({ sourceId: 'gift', discountFen: 0, giftSku: 'TOTE-1' });
    expect(plan.coupons.find((c) => c.coupon.id === 'more')?.refusal).toBe('NOTHING_LEFT_TO_DISCOUNT');
  });

  it.each([
    ['a stacking violation', ['g1', 'g2'], 'BAD_USER_INPUT', 'STACKING_CONFLICT'],
    ['an expired coupon', ['old'], 'BAD_USER_INPUT', 'EXPIRED'],
    ['a coupon twice', ['g1', 'g1'], 'BAD_USER_INPUT', 'DUPLICATE'],
    ['a coupon the member does not hold', ['someone-elses'], 'NOT_FOUND', undefined],
  ])('refuses choosing %s', (_, chosen, code, reason) => {
    const held = [coupon('g1', { stackGroup: 'A' }), coupon('g2', { stackGroup: 'A' }), coupon('old', { validTo: NOW })];
    expect(() => planCheckout(cart, null, held, chosen, NOW)).toThrow(
      expect.objectContaining({ code, details: expect.objectContaining({ field: 'couponIds', ...(reason ? { reason } : {}) }) }),
    );
  });
});

describe('parseCart (unit)', () => {
  const item = { sku: 'TEA-1', quantity: 1, unitPrice: '10.00' };
  it.each([
    ['items', { items: [] }],
    ['items', { items: Array.from({ length: 101 }, () => item) }],
    ['items.quantity', { items: [{ ...item, quantity: 0 }] }],
    ['items.quantity', { items: [{ ...item, quantity: -2 }] }],
    ['items.quantity', { items: [{ ...item, quantity: 1.5 }] }],
    ['items.quantity', { items: [{ ...item, quantity: 1000 }] }],
    ['items.unitPrice', { items: [{ ...item, unitPrice: '-1.00' }] }],
    ['items.unitPrice', { items: [{ ...item, unitPrice: '1.001' }] }],
    ['items.unitPrice', { items: [{ ...item, quantity: 2, unitPrice: '500000.01' }] }],
    ['items.sku', { items: [{ ...item, sku: 'TEA 1' }] }],
    ['channel', { channel: 'FAX' }],
    ['store', { store: 'SH 001' }],
  ])('refuses a bad %s', (field, change) => {
    expect(() => parseCart({ channel: 'WEB', items: [item], ...change })).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', details: { field } }),
    );
  });
});
