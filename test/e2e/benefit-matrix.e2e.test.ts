import { BenefitCell } from '../../services/benefits/src/db/entities/BenefitCell';
import { startStack, type Stack } from '../harness/startStack';

/**
 * The tier × benefit matrix as versioned data through the gateway: staff (ADMIN, OPERATOR) edit it,
 * every revision stays readable, the change shows on the tier and in checkout at once, and points
 * acceleration is never a figure of its own.
 */
let stack: Stack;
let operator: string;
let analyst: string;
let member: { token: string; id: string };

const SET = `mutation($t: ID!, $b: String!, $l: String, $p: Int, $from: String, $r: String!) {
  setTierBenefit(tierId: $t, benefitCode: $b, level: $l, discountPercent: $p, effectiveFrom: $from, reason: $r) { tierId benefitCode revision level discountPercent actor } }`;
const REVISIONS =
  'query($t: ID!, $b: String!) { tierBenefitRevisions(tierId: $t, benefitCode: $b) { revision level discountPercent actor reason } }';
const TIER = '{ me { tier { id benefits { code type level discountPercent } } } }';
const VALIDATE =
  'query($m: ID!) { validateCoupons(memberId: $m, cart: { channel: WEB, items: [{ sku: "A", quantity: 1, unitPrice: "100.00" }] }) { lines { sourceId discount } payable } }';
const codeOf = (response: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => response.errors?.[0]?.extensions?.code;

beforeAll(async () => {
  stack = await startStack();
  for (const [username, roles] of [
    ['ops-matrix', ['OPERATOR']],
    ['analyst-matrix', ['ANALYST']],
  ] as const) {
    const created = await stack.query('mutation($input: StaffInput!) { createStaff(input: $input) { id } }', {
      input: { username, password: 'a-long-staff-password-1', roles },
    });
    expect(created.errors).toBeUndefined();
  }
  operator = (await stack.loginStaff('ops-matrix', 'a-long-staff-password-1')).accessToken;
  analyst = (await stack.loginStaff('analyst-matrix', 'a-long-staff-password-1')).accessToken;
  const signedIn = await stack.loginMember('13899990001');
  member = { token: signedIn.accessToken, id: signedIn.memberId! };
});
afterAll(() => stack?.stop());

describe('the benefit matrix through the gateway', () => {
  it("an operator's edit shows on the member's tier and in checkout at once; the old revision is kept", async () => {
    const before = await stack.queryAs(member.token, TIER);
    expect(before.data.me.tier.benefits[0]).toEqual({ code: 'DISCOUNT', type: 'DISCOUNT', level: '10% off (9折)', discountPercent: 10 });
    const edit = await stack.queryAs(operator, SET, { t: 'REGULAR', b: 'DISCOUNT', l: '12% off', p: 12, r: 'winter promotion' });
    expect(edit.errors).toBeUndefined();
    expect(edit.data.setTierBenefit).toMatchObject({ revision: 2, level: '12% off', discountPercent: 12 });
    expect(edit.data.setTierBenefit.actor).toMatch(/^staff:/);

    expect((await stack.queryAs(member.token, TIER)).data.me.tier.benefits[0]).toMatchObject({ level: '12% off', discountPercent: 12 });
    const checkout = await stack.queryAs(member.token, VALIDATE, { m: member.id });
    expect(checkout.data.validateCoupons).toEqual({ lines: [{ sourceId: 'REGULAR:DISCOUNT', discount: '12.00' }], payable: '88.00' });

    const history = await stack.queryAs(analyst, REVISIONS, { t: 'REGULAR', b: 'DISCOUNT' });
    expect(history.data.tierBenefitRevisions).toEqual([
      { revision: 1, level: '10% off (9折)', discountPercent: 10, actor: 'system', reason: 'seeded from shared/DOMAIN.md §4' },
      { revision: 2, level: '12% off', discountPercent: 12, actor: edit.data.setTierBenefit.actor, reason: 'winter promotion' },
    ]);
  });

  it('a scheduled edit does not show before its date', async () => {
    const later = await stack.queryAs(operator, SET, {
      t: 'REGULAR',
      b: 'PRIORITY_SERVICE',
      l: 'priority line',
      from: '2099-01-01T00:00:00Z',
      r: 'next year',
    });
    expect(later.errors).toBeUndefined();
    const benefits = (await stack.queryAs(member.token, TIER)).data.me.tier.benefits;
    expect(benefits.find((b: { code: string }) => b.code === 'PRIORITY_SERVICE').level).toBe('basic');
  });

  it('only ADMIN and OPERATOR edit; members read no revisions; bad edits are coded and write nothing', async () => {
    const cells = () => stack.services.benefits.dataSource.getRepository(BenefitCell).count();
    const count = await cells();
    expect(codeOf(await stack.queryAs(analyst, SET, { t: 'GOLD', b: 'DISCOUNT', l: '50% off', p: 50, r: 'analyst try' }))).toBe(
      'FORBIDDEN',
    );
    expect(codeOf(await stack.queryAs(member.token, SET, { t: 'REGULAR', b: 'DISCOUNT', l: '90% off', p: 90, r: 'member try' }))).toBe(
      'FORBIDDEN',
    );
    expect(codeOf(await stack.queryAs(null, SET, { t: 'REGULAR', b: 'DISCOUNT', l: '90% off', p: 90, r: 'anonymous' }))).toBe(
      'UNAUTHENTICATED',
    );
    expect(codeOf(await stack.queryAs(member.token, REVISIONS, { t: 'REGULAR', b: 'DISCOUNT' }))).toBe('FORBIDDEN');
    expect(codeOf(await stack.queryAs(operator, SET, { t: 'GOLD', b: 'POINTS_ACCELERATION', l: '5×', r: 'faster points' }))).toBe(
      'BAD_USER_INPUT',
    );
    expect(codeOf(await stack.queryAs(operator, SET, { t: 'GOLD', b: 'NO_SUCH', l: 'x', r: 'unknown benefit' }))).toBe('NOT_FOUND');
    expect(codeOf(await stack.queryAs(operator, SET, { t: 'GOLD', b: 'DISCOUNT', l: '30% off', r: 'no percent given' }))).toBe(
      'BAD_USER_INPUT',
    );
    expect(await cells()).toBe(count);
  });

  it('staff add a benefit to the catalogue and give it to a tier', async () => {
    const defined = await stack.queryAs(
      operator,
      'mutation { defineBenefit(code: "FREE_SHIPPING", name: "Free shipping 包郵", type: FREE_SHIPPING) { code type position } }',
    );
    expect(defined.data.defineBenefit).toEqual({ code: 'FREE_SHIPPING', type: 'FREE_SHIPPING', position: 6 });
    expect(
      (await stack.queryAs(operator, SET, { t: 'REGULAR', b: 'FREE_SHIPPING', l: 'orders over 99', r: 'new benefit' })).errors,
    ).toBeUndefined();
    const benefits = (await stack.queryAs(member.token, TIER)).data.me.tier.benefits;
    expect(benefits.at(-1)).toEqual({ code: 'FREE_SHIPPING', type: 'FREE_SHIPPING', level: 'orders over 99', discountPercent: null });
  });
});
