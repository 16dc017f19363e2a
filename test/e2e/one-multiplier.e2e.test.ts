import { randomUUID } from 'node:crypto';
import { RECORD_ORDER } from '../harness/operations';
import { startStack, type Stack } from '../harness/startStack';

/**
 * One multiplier (issue 13, shared/DOMAIN.md §2, §4) through the real gateway: the member card's
 * points acceleration is the tier's γ in force, brought from the member service (@requires), not a
 * figure of the benefit matrix; so staff editing γ (`updateTier`) changes what the card shows and
 * what an order earns at once. The seed's source table names other tiers: its Gold ("1.5×") is our
 * SILVER, its Platinum ("2×") our GOLD, whose γ is 1.5.
 */
let stack: Stack;
let gold: { token: string; id: string };

const CARD = `{ me {
  tier { id multiplier benefits { code type level } }
  benefits { code level score }
} }`;
const acceleration = (benefits: Array<{ code: string; level: string }>) => benefits.find((b) => b.code === 'POINTS_ACCELERATION')?.level;

beforeAll(async () => {
  stack = await startStack();
  const signedIn = await stack.loginMember('13866660013');
  gold = { token: signedIn.accessToken, id: signedIn.memberId! };
  const granted = await stack.query(
    'mutation($m: ID!) { grantTier(memberId: $m, tierId: "GOLD", reason: "one multiplier e2e") { tier { id } } }',
    {
      m: gold.id,
    },
  );
  expect(granted.errors).toBeUndefined();
});
afterAll(() => stack?.stop());

async function card() {
  const response = await stack.queryAs(gold.token, CARD);
  expect(response.errors).toBeUndefined();
  return response.data.me;
}

const order = async (amount: string) => {
  const response = await stack.query(RECORD_ORDER, { memberId: gold.id, orderNo: `ONE-${randomUUID()}`, amount, channel: 'WEB' });
  expect(response.errors).toBeUndefined();
  return response.data.recordOrder.pointsEarned;
};

describe('one multiplier: the card shows the γ the ledger earns with', () => {
  it("a Gold member's card shows Gold's γ (1.5×), and an order earns with it", async () => {
    const me = await card();
    expect(me.tier).toMatchObject({ id: 'GOLD', multiplier: 1.5 });
    expect(acceleration(me.tier.benefits)).toBe('1.5×');
    expect(acceleration(me.benefits)).toBe('1.5×');
    expect(await order('200.00')).toBe(300);
  });

  it('the rest of the matrix is mapped by tier code: Gold shows the source’s Platinum column', async () => {
    const levels = Object.fromEntries((await card()).tier.benefits.map((b: { code: string; level: string }) => [b.code, b.level]));
    expect(levels).toEqual({
      DISCOUNT: '25% off',
      BIRTHDAY: 'gift box + event invite',
      PRIORITY_SERVICE: '1:1 concierge',
      EXCLUSIVE_EVENTS: 'launch events',
      POINTS_ACCELERATION: '1.5×',
      COMMUNITY: 'expert sessions',
    });
  });

  it('staff edit γ to 1.6: the card shows 1.6× and 200.00 CNY earns 320 points, at once', async () => {
    const edit = await stack.query(
      'mutation { updateTier(id: "GOLD", input: { multiplier: "1.6" }, reason: "autumn programme review") { id multiplier } }',
    );
    expect(edit.errors).toBeUndefined();
    expect(edit.data.updateTier).toEqual({ id: 'GOLD', multiplier: 1.6 });

    const me = await card();
    expect(acceleration(me.tier.benefits)).toBe('1.6×');
    expect(acceleration(me.benefits)).toBe('1.6×');
    // floor(200.00 × 1 point per CNY × γ 1.6 × no campaign)
    expect(await order('200.00')).toBe(320);
  });

  it('Diamond shows its γ and that its points never expire; the matrix refuses an acceleration figure', async () => {
    const tiers = await stack.query('{ tiers { id benefits { code level } } }');
    expect(tiers.errors).toBeUndefined();
    const shown = Object.fromEntries(
      tiers.data.tiers.map((t: { id: string; benefits: Array<{ code: string; level: string }> }) => [t.id, acceleration(t.benefits)]),
    );
    expect(shown).toEqual({ REGULAR: '1×', SILVER: '1.2×', GOLD: '1.6×', DIAMOND: '2× + never expire' });
    const refused = await stack.query(
      'mutation { setTierBenefit(tierId: "GOLD", benefitCode: "POINTS_ACCELERATION", level: "2×", reason: "match the brochure") { revision } }',
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
