import { couponWindow, parseCouponTemplate, type CouponTemplateInput } from '../couponTemplate';

const base: CouponTemplateInput = {
  code: 'WELCOME20',
  name: 'Welcome 20 CNY',
  kind: 'NO_THRESHOLD',
  amount: '20.00',
  validDays: 30,
  perMemberLimit: 1,
  stock: 100,
};

describe('parseCouponTemplate (unit)', () => {
  it('reads money as fen, a window or days from issue, and every channel as no restriction', () => {
    expect(parseCouponTemplate({ ...base, channels: ['WEB', 'MINI_PROGRAM', 'POS', 'PARTNER'] })).toMatchObject({
      amountFen: 2000,
      minSpendFen: 0,
      validDays: 30,
      validFrom: null,
      channels: [],
      budgetFen: null,
    });
    const pct = parseCouponTemplate({
      ...base,
      kind: 'PERCENTAGE',
      amount: null,
      percentOff: 15,
      maxDiscount: '30.00',
      budget: '3000.00',
      validDays: null,
      validFrom: '2026-12-01T00:00:00+08:00',
      validTo: '2026-12-12T00:00:00+08:00',
    });
    expect(pct).toMatchObject({ percentOff: 15, maxDiscountFen: 3000, budgetFen: 300000, validTo: new Date('2026-12-11T16:00:00Z') });
  });

  it.each<[string, Partial<CouponTemplateInput>]>([
    ['kind', { kind: 'BOGO' }],
    ['amount', { amount: null }],
    ['amount', { amount: '0.00' }],
    ['amount', { amount: '-5' }],
    ['percentOff', { percentOff: 10 }],
    ['percentOff', { kind: 'PERCENTAGE', amount: null, percentOff: 100 }],
    ['amount', { kind: 'PERCENTAGE', percentOff: 10 }],
    ['minSpend', { minSpend: '100.00' }],
    ['minSpend', { kind: 'SPEND_THRESHOLD', minSpend: '20.00' }],
    ['giftSku', { kind: 'GIFT' }],
    ['giftSku', { giftSku: 'TOTE-1' }],
    ['validDays', { validDays: null }],
    ['validDays', { validFrom: '2026-12-01T00:00:00Z', validTo: '2026-12-02T00:00:00Z' }],
    ['validDays', { validDays: 0 }],
    ['validTo', { validDays: null, validFrom: '2026-12-02T00:00:00Z', validTo: '2026-12-01T00:00:00Z' }],
    ['validTo', { validDays: null, validFrom: '2026-12-02T00:00:00Z' }],
    ['perMemberLimit', { perMemberLimit: 0 }],
    ['stock', { stock: -1 }],
    ['stock', { stock: 2.5 }],
    ['budget', { budget: '10.00' }],
    ['maxDiscount', { kind: 'PERCENTAGE', amount: null, percentOff: 10, budget: '100.00' }],
    ['channels', { channels: ['FAX'] }],
    ['stores', { stores: ['SH 001'] }],
    ['stackGroup', { stackGroup: 'new member' }],
    ['code', { code: 'welcome' }],
  ])('refuses a bad %s', (field, change) => {
    expect(() => parseCouponTemplate({ ...base, ...change })).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', details: { field } }),
    );
  });
});

describe('couponWindow (unit)', () => {
  const now = new Date('2026-11-30T00:00:00Z');
  it('runs N days from issue, or is the template window', () => {
    expect(couponWindow({ validDays: 30, validFrom: null, validTo: null }, now)).toEqual({
      validFrom: now,
      validTo: new Date('2026-12-30T00:00:00Z'),
    });
    const window = { validFrom: new Date('2026-12-01T00:00:00Z'), validTo: new Date('2026-12-12T00:00:00Z'), validDays: null };
    expect(couponWindow(window, now)).toEqual({ validFrom: window.validFrom, validTo: window.validTo });
  });
  it('issues nothing from a template whose window has closed', () => {
    expect(() => couponWindow({ validDays: null, validFrom: new Date('2026-11-01T00:00:00Z'), validTo: now }, now)).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', details: { field: 'templateCode', reason: 'TEMPLATE_EXPIRED' } }),
    );
  });
});
