import type { DataSource } from 'typeorm';
import { ChaosProcess } from '../../scripts/chaos/child-process';
import { openDatabase, readCommonConfig, resolveDatabaseTarget, signIdentity, type Identity } from '../../services/kit/src';
import { benefitsSchema } from '../../services/benefits/src/db/data-source';
import { freePort } from '../harness/freePort';
import { RECORD_ORDER, REGISTER, uniquePhone } from '../harness/operations';
import { postGraphQL, startStack, TEST_ADMIN, type Stack } from '../harness/startStack';

/*
 * The reward saga survives a crash: the benefits process — a real, separate process, launched as
 * the chaos harness launches services (scripts/chaos/child-process.ts) — is SIGKILLed in the
 * middle of 200 concurrent redemptions and started again on the same database (a SQLite file, or
 * MySQL with DATABASE_URL). The client sends every redemption it got no answer for again with its
 * key. Afterwards every saga is COMPLETED or COMPENSATED, Σ ledger == balance for every member,
 * stock left + rewards handed out == the initial stock, and no member was charged for a reward
 * they did not get. Points, member and risk run in this process; their databases are read directly.
 */

const MEMBERS = 40;
const REDEMPTIONS = 200;
const PRICE = 150;
const STOCK = 170;
/**
 * The reward's coupon template has fewer coupons than the reward has stock: the sagas past them
 * fail at the issue (out of coupons, after their points were held) and compensate.
 */
const COUPONS = 120;
/** Early in the burst: answers arrive in bursts, and after a later one every saga may already be done. */
const KILL_AFTER_ANSWERS = 10;

let stack: Stack;
let benefits: ChaosProcess;
let benefitsDb: DataSource | undefined;
let secret: string;

beforeAll(async () => {
  stack = await startStack({ withGateway: false });
  // The benefits service runs as a child process instead of in this one, on the stack's database
  // and gRPC port, with a fixed HTTP port so it comes back at the same address.
  await stack.services.benefits.stop();
  stack.services.benefits = { ...stack.services.benefits, stop: async () => undefined };
  secret = readCommonConfig('member', stack.env).identitySecret;
  benefits = new ChaosProcess('benefits', 'services/benefits/src/index.ts', {
    ...stack.env,
    BENEFITS_HTTP_PORT: String(await freePort()),
    LOG_LEVEL: 'info',
    // The dispatcher is what resumes the sagas after the restart.
    OUTBOX_INTERVAL_MS: '200',
  });
  await benefits.start();
}, 180_000);

afterAll(async () => {
  await benefits?.stop();
  await benefitsDb?.destroy();
  await stack?.stop();
});

const asIdentity = (identity: Identity) => (body: string) => signIdentity(identity, secret, body);
const toBenefits = <T = any>(query: string, variables: Record<string, unknown>, identity: Identity = TEST_ADMIN) =>
  postGraphQL<T>(benefits.url, query, variables, asIdentity(identity));

const REDEEM = /* GraphQL */ `
  mutation Redeem($rewardId: ID!, $key: String!) {
    redeemReward(rewardId: $rewardId, idempotencyKey: $key) {
      id
      state
    }
  }
`;

interface Attempt {
  memberId: string;
  key: string;
  /** Answered: a redemption, or a refusal with a code (e.g. OUT_OF_STOCK once the stock is gone). */
  answered: boolean;
  redemptionId?: string;
  refusal?: string;
}

async function send(attempt: Attempt): Promise<void> {
  try {
    const { status, body } = await toBenefits(
      REDEEM,
      { rewardId: 'CRASH_MUG', key: attempt.key },
      { kind: 'MEMBER', subject: attempt.memberId },
    );
    const redemption = body.data?.redeemReward;
    const code = body.errors?.[0]?.extensions?.code as string | undefined;
    if (status === 200 && redemption) Object.assign(attempt, { answered: true, redemptionId: redemption.id });
    // A signature is good for a few seconds: a request that waited longer in a busy process's queue
    // is refused as UNAUTHENTICATED before anything runs — send it again, as for no answer.
    else if (code && !['INTERNAL_SERVER_ERROR', 'UNAVAILABLE', 'UNAUTHENTICATED'].includes(code))
      Object.assign(attempt, { answered: true, refusal: code });
  } catch {
    // No answer (the process was killed): not answered.
  }
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 120_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}\n${benefits.recentOutput()}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

it('SIGKILL in the middle of 200 concurrent redemptions: after a restart every saga is COMPLETED or COMPENSATED, and every point and item is accounted for', async () => {
  // Members with 1,000 points each (an order of 1,000 CNY at 1 point per CNY); every fourth has
  // 700, enough for four of their five redemptions: the fifth passes the balance check with the
  // others, its hold is refused, and it compensates.
  const memberIds: string[] = [];
  const earned = new Map<string, number>();
  for (let i = 0; i < MEMBERS; i += 1) {
    const registered = await stack.querySubgraph('member', REGISTER, { phone: uniquePhone(), channel: 'POS' });
    const id = registered.data.registerMember.id as string;
    memberIds.push(id);
    earned.set(id, i % 4 === 0 ? 700 : 1000);
    const order = await stack.querySubgraph('points', RECORD_ORDER, {
      memberId: id,
      orderNo: `CRASH-EARN-${i}`,
      amount: `${earned.get(id)}.00`,
      channel: 'POS',
    });
    expect(order.errors).toBeUndefined();
  }
  const template = await toBenefits(
    `mutation { defineCouponTemplate(input: { code: "CRASH_MUG_COUPON", name: "Mug", kind: NO_THRESHOLD, amount: "5.00",
      validDays: 30, perMemberLimit: 10, stock: ${COUPONS} }) { code } }`,
    {},
  );
  expect(template.body.errors).toBeUndefined();
  const reward = await toBenefits(
    `mutation { defineReward(input: { code: "CRASH_MUG", name: "A mug", kind: COUPON, templateCode: "CRASH_MUG_COUPON",
      pointsPrice: ${PRICE}, stock: ${STOCK}, perMemberLimit: 10 }) { id stockLeft } }`,
    {},
  );
  expect(reward.body.data?.defineReward).toEqual({ id: 'CRASH_MUG', stockLeft: STOCK });

  // 200 redemptions at once, 5 per member (750 of their 1,000 points); the kill goes out mid-burst.
  const attempts: Attempt[] = Array.from({ length: REDEMPTIONS }, (_, i) => ({
    memberId: memberIds[i % MEMBERS],
    key: `crash-redeem-${i}-${Date.now().toString(36)}`,
    answered: false,
  }));
  let answers = 0;
  let killed: Promise<number> | undefined;
  await Promise.all(
    attempts.map(async (attempt) => {
      await send(attempt);
      answers += 1;
      if (answers === KILL_AFTER_ANSWERS) killed = benefits.kill();
    }),
  );
  await killed;
  const answeredBeforeKill = attempts.filter((a) => a.answered).length;
  expect(answeredBeforeKill).toBeGreaterThan(0);
  expect(answeredBeforeKill).toBeLessThan(REDEMPTIONS);

  // The kill landed mid-saga: sagas stand unfinished in the database of the dead process.
  ({ dataSource: benefitsDb } = await openDatabase(resolveDatabaseTarget(readCommonConfig('benefits', stack.env)), benefitsSchema));
  const db = benefitsDb!;
  const [{ unfinished }] = await db.query(
    "SELECT COUNT(*) AS unfinished FROM reward_redemptions WHERE state NOT IN ('COMPLETED', 'COMPENSATED')",
  );
  expect(Number(unfinished)).toBeGreaterThan(0);

  // Restarted on the same database; the client sends what it got no answer for again, same keys.
  await benefits.start();
  for (let round = 0; round < 20 && attempts.some((a) => !a.answered); round += 1) {
    await Promise.all(attempts.filter((a) => !a.answered).map(send));
  }
  expect(attempts.filter((a) => !a.answered)).toEqual([]);
  // Refusals are coded: for want of stock, or of points.
  for (const attempt of attempts.filter((a) => a.refusal)) expect(['CONFLICT', 'INSUFFICIENT_POINTS']).toContain(attempt.refusal);

  const sagas = await waitFor('every saga to finish', async () => {
    const rows: Array<{ id: string; member_id: string; state: string; coupon_id: string | null }> = await db.query(
      'SELECT id, member_id, state, coupon_id FROM reward_redemptions',
    );
    return rows.every((r) => r.state === 'COMPLETED' || r.state === 'COMPENSATED') ? rows : undefined;
  });
  // Every answered redemption is a saga (and no saga is without its request).
  expect(new Set(sagas.map((s) => s.id))).toEqual(new Set(attempts.flatMap((a) => (a.redemptionId ? [a.redemptionId] : []))));
  const completed = sagas.filter((s) => s.state === 'COMPLETED');
  if (process.env.REWARD_CRASH_REPORT) {
    console.log({
      answeredBeforeKill,
      unfinishedAtKill: Number(unfinished),
      sagas: sagas.length,
      completed: completed.length,
      compensated: sagas.length - completed.length,
      refused: attempts.filter((a) => a.refusal).length,
      failures: await db.query(
        'SELECT failed_step, failure_code, MIN(failure_message) AS example, COUNT(*) AS n FROM reward_redemptions GROUP BY failed_step, failure_code',
      ),
    });
  }

  // Stock: what is left plus what was handed out is what there was.
  const [{ stock_left: stockLeft }] = await db.query("SELECT stock_left FROM rewards WHERE code = 'CRASH_MUG'");
  expect(Number(stockLeft) + completed.length).toBe(STOCK);
  expect(completed.length).toBeLessThanOrEqual(COUPONS);
  // Each completed saga's coupon is the member's and usable; no other reward coupon is.
  const coupons: Array<{ id: string; member_id: string; status: string }> = await db.query(
    "SELECT id, member_id, status FROM coupons WHERE template_code = 'CRASH_MUG_COUPON' AND status = 'AVAILABLE'",
  );
  expect(coupons.map((c) => c.id).sort()).toEqual(completed.map((s) => s.coupon_id).sort());

  // Points: Σ ledger == balance for every member, nothing left held, and each member charged
  // exactly the price of the redemptions that completed — by the saga's own key, once each.
  const points = stack.services.points.dataSource;
  const accounts: Array<{ member_id: string; balance: string | number; held: string | number }> = await points.query(
    'SELECT member_id, balance, held FROM points_accounts',
  );
  const sums: Array<{ member_id: string; total: string | number }> = await points.query(
    'SELECT member_id, SUM(points) AS total FROM points_ledger GROUP BY member_id',
  );
  const sumOf = new Map(sums.map((s) => [s.member_id, Number(s.total)]));
  for (const account of accounts) {
    expect({ member: account.member_id, balance: Number(account.balance) }).toEqual({
      member: account.member_id,
      balance: sumOf.get(account.member_id) ?? 0,
    });
    expect(Number(account.held)).toBe(0);
  }
  const charges: Array<{ idempotency_key: string; member_id: string; points: number }> = await points.query(
    "SELECT idempotency_key, member_id, points FROM points_ledger WHERE source = 'REDEMPTION'",
  );
  expect(charges.map((c) => c.idempotency_key).sort()).toEqual(completed.map((s) => `HOLD:REWARD:${s.id}`).sort());
  expect(charges.every((c) => Number(c.points) === -PRICE)).toBe(true);
  for (const memberId of memberIds) {
    const own = completed.filter((s) => s.member_id === memberId).length;
    expect({ memberId, balance: sumOf.get(memberId) }).toEqual({ memberId, balance: earned.get(memberId)! - PRICE * own });
  }
  const [{ open }] = await points.query("SELECT COUNT(*) AS open FROM points_holds WHERE state = 'HELD'");
  expect(Number(open)).toBe(0);
}, 300_000);
