/**
 * The checkout workload's data: coupon templates of every kind and, for each member of the
 * workload, 20 coupons across them (what a member collects over a few months), issued through the
 * graph as staff would. Each request then validates a 5-item cart choosing two of them, with the
 * other 18 checked for what they would add or why not.
 */
import type { Stack } from '../../test/harness/startStack';

const TEMPLATES = [
  { code: 'BENCH_FIXED10', name: '10 off from 100', kind: 'FIXED_AMOUNT', amount: '10.00', minSpend: '100.00' },
  { code: 'BENCH_PCT5', name: '5% off, at most 30', kind: 'PERCENTAGE', percentOff: 5, maxDiscount: '30.00' },
  { code: 'BENCH_300M50', name: '50 off from 300', kind: 'SPEND_THRESHOLD', amount: '50.00', minSpend: '300.00', stackGroup: 'SPEND' },
  { code: 'BENCH_FREE5', name: '5 off', kind: 'NO_THRESHOLD', amount: '5.00' },
  { code: 'BENCH_GIFT', name: 'Tea sample', kind: 'GIFT', amount: '8.00', giftSku: 'TEA-SAMPLE', minSpend: '200.00' },
];

/** Coupons per member: what the issue's checkout row names. */
export const COUPONS_PER_MEMBER = 20;

/** The cart every validation prices: 5 lines, 590.00 CNY. */
export const CART_5 = {
  channel: 'WEB',
  items: [
    { sku: 'TEA-01', quantity: 2, unitPrice: '59.00' },
    { sku: 'TEA-02', quantity: 1, unitPrice: '128.00' },
    { sku: 'CUP-01', quantity: 2, unitPrice: '45.00' },
    { sku: 'POT-01', quantity: 1, unitPrice: '188.00' },
    { sku: 'SNACK-01', quantity: 1, unitPrice: '66.00' },
  ],
};

const ISSUE =
  'mutation($t: String!, $m: ID!, $k: String!) { issueCoupon(templateCode: $t, memberId: $m, idempotencyKey: $k) { coupon { id } } }';

/** Defines the templates and issues 20 coupons to each member; answers, per member, the two coupons its checkout chooses. */
export async function seedCoupons(stack: Pick<Stack, 'query'>, memberIds: readonly string[]): Promise<string[][]> {
  const stock = memberIds.length * COUPONS_PER_MEMBER;
  for (const template of TEMPLATES) {
    const defined = await stack.query('mutation($i: CouponTemplateInput!) { defineCouponTemplate(input: $i) { code } }', {
      i: { ...template, validDays: 365, perMemberLimit: COUPONS_PER_MEMBER, stock },
    });
    if (defined.errors) throw new Error(`coupon template ${template.code}: ${JSON.stringify(defined.errors)}`);
  }
  const chosen: string[][] = [];
  for (const memberId of memberIds) {
    const ids: Record<string, string[]> = {};
    for (let i = 0; i < COUPONS_PER_MEMBER; i += 1) {
      const code = TEMPLATES[i % TEMPLATES.length].code;
      const issued = await stack.query(ISSUE, { t: code, m: memberId, k: `bench-${memberId}-${i}` });
      if (issued.errors) throw new Error(`issueCoupon: ${JSON.stringify(issued.errors)}`);
      (ids[code] ??= []).push(issued.data.issueCoupon.coupon.id);
    }
    // 50 off from 300 and 5% off: both apply to the 590.00 cart, together.
    chosen.push([ids.BENCH_300M50[0], ids.BENCH_PCT5[0]]);
  }
  return chosen;
}
