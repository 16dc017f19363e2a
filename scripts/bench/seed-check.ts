/**
 * Proves the seeder: `node scripts/run-ts.js scripts/bench/seed-check.ts [--members 300] [--orders 3000] [--seed 42]`
 * (DATABASE_URL for MySQL). Seeds a fresh stack, then checks what the services themselves
 * promise about the data — balance == Σ ledger == Σ open lots, nothing due left unexpired, Diamond
 * lots never expire, every tier what the tier engine makes of the member's own orders — reads a
 * seeded member's card through the gateway as staff and with the member's own token, records a
 * new order for them through the gateway (the services carry on from the seeded state), and checks
 * that the replay is deterministic. Prints the timings and the tier distribution; exits 1 on a failure.
 */
import { deepStrictEqual, equal, ok } from 'node:assert/strict';
import type { DataSource } from 'typeorm';
import { readPiiCipher, SERVICE_NAMES } from '../../services/kit/src';
import { outboxDrained } from './metrics';
import { loadMemberConfig } from '../../services/member/src/config';
import { maskPhone } from '../../services/member/src/domain/phone';
import { ladderAsOf, qualifyingTier, type TierVersion } from '../../services/member/src/domain/tierEngine';
import { findSpendWindows } from '../../services/benefits/src/db/memberSpend';
import { spendAt } from '../../services/benefits/src/domain/spendWindow';
import { PointsLot } from '../../services/points/src/db/entities/PointsLot';
import { spendStats } from '../../services/points/src/db/spendStats';
import { combineCoefficients, isLive } from '../../services/campaign/src/domain/coefficient';
import { earnPoints } from '../../services/points/src/domain/earn';
import { MEMBER_CARD, RECORD_ORDER } from '../../test/harness/operations';
import { startStack, type Stack } from '../../test/harness/startStack';
import { memberHistory, type SeedRules } from './seed-history';
import { planProgramme } from './seed-plan';
import { memberTokens, readRules, seedProgramme, type SeedResult } from './seed';

const YEAR_MS = 365 * 86_400_000;

function argument(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
}

async function scalar(db: DataSource, sql: string, parameters: unknown[] = []): Promise<number> {
  const [row] = await db.query(sql, parameters);
  return Number(Object.values(row as object)[0] ?? 0);
}

/** The points service's invariants, over every account at once. */
async function checkLedger(stack: Stack, seeded: SeedResult): Promise<void> {
  const db = stack.services.points.dataSource;
  const ledgerSums = 'SELECT member_id, SUM(points) AS s FROM points_ledger GROUP BY member_id';
  const lotSums = 'SELECT member_id, SUM(remaining) AS s FROM points_lots GROUP BY member_id';
  equal(
    await scalar(
      db,
      `SELECT COUNT(*) FROM points_accounts a LEFT JOIN (${ledgerSums}) l ON l.member_id = a.member_id WHERE a.balance <> COALESCE(l.s, 0)`,
    ),
    0,
    'balance == Σ ledger',
  );
  equal(
    await scalar(
      db,
      `SELECT COUNT(*) FROM points_accounts a LEFT JOIN (${lotSums}) l ON l.member_id = a.member_id WHERE a.balance <> COALESCE(l.s, 0)`,
    ),
    0,
    'balance == Σ lots remaining',
  );
  equal(
    await scalar(
      db,
      `SELECT COUNT(*) FROM (${ledgerSums}) l LEFT JOIN points_accounts a ON a.member_id = l.member_id WHERE a.member_id IS NULL`,
    ),
    0,
    'no ledger without an account',
  );
  equal(await scalar(db, 'SELECT COUNT(*) FROM points_accounts WHERE balance < 0 OR debt <> 0'), 0, 'no negative balance, no debt');
  // Every account with orders knows the bound of its 12-month figures, and it covers every order
  // placed from its bound_since on (activityBound.ts): the seeder's over all the orders, a refresh's over its 12 months.
  equal(
    await scalar(
      db,
      'SELECT COUNT(*) FROM points_accounts a WHERE a.bound_spend_fen IS NULL AND EXISTS (SELECT 1 FROM orders o WHERE o.member_id = a.member_id)',
    ),
    0,
    'a bound of the 12-month figures on every account with orders',
  );
  const counted = (what: string) =>
    `(SELECT COALESCE(SUM(${what}), 0) FROM orders o WHERE o.member_id = a.member_id AND o.ordered_at >= a.bound_since)`;
  equal(
    await scalar(
      db,
      `SELECT COUNT(*) FROM points_accounts a WHERE a.bound_spend_fen IS NOT NULL
       AND (a.bound_spend_fen < ${counted('o.amount_fen - o.refunded_fen')} OR a.bound_purchases < ${counted('CASE WHEN o.refunded_fen < o.amount_fen THEN 1 ELSE 0 END')})`,
    ),
    0,
    'the bound ≥ the orders it counts',
  );
  equal(await scalar(db, 'SELECT COUNT(*) FROM points_lots WHERE remaining < 0 OR remaining > points'), 0, 'lots within bounds');
  // Every point taken from a lot is a debit in the ledger, and every lot an earn.
  const consumed = await scalar(db, 'SELECT SUM(points - remaining) FROM points_lots');
  const debited = await scalar(db, 'SELECT -SUM(points) FROM points_ledger WHERE points < 0');
  equal(consumed, debited, 'Σ consumed of lots == Σ debits');
  equal(
    await scalar(db, 'SELECT SUM(points) FROM points_lots'),
    await scalar(db, 'SELECT SUM(points) FROM points_ledger WHERE points > 0'),
    'Σ lots == Σ credits',
  );
  // The date as the driver stores it (SQLite binds no Date objects).
  const expiresAt = db.getMetadata(PointsLot).findColumnWithPropertyName('expiresAt')!;
  const now = db.driver.preparePersistentValue(new Date(), expiresAt);
  equal(
    await scalar(db, 'SELECT COUNT(*) FROM points_lots WHERE expires_at <= ? AND remaining > 0', [now]),
    0,
    'nothing due is left unexpired',
  );
  equal(await scalar(db, 'SELECT COUNT(*) FROM orders'), seeded.orders, 'orders');
  equal(
    await scalar(db, "SELECT COUNT(*) FROM points_ledger WHERE entry_type = 'EARN' AND source = 'ORDER'"),
    seeded.orders,
    'one EARN per order',
  );
  equal(
    await scalar(db, 'SELECT SUM(points_earned) FROM orders'),
    await scalar(db, "SELECT SUM(points) FROM points_ledger WHERE entry_type = 'EARN' AND source = 'ORDER'"),
    'orders earned what the ledger says',
  );
  equal(await scalar(db, 'SELECT COUNT(*) FROM outbox_events WHERE delivered_at IS NULL'), 0, 'no undelivered tier activity');
  equal(await scalar(stack.services.risk.dataSource, 'SELECT COUNT(*) FROM risk_events'), seeded.orders, 'one risk assessment per order');
  equal(
    await scalar(stack.services.member.dataSource, 'SELECT COUNT(*) FROM outbox_events WHERE delivered_at IS NULL'),
    0,
    'no undelivered member events',
  );
}

/**
 * The engagement the risk models read: check-ins in points' ledger (one a member and programme
 * day, each the configured bonus) and referral shares in campaign's tables, as many as were seeded.
 */
async function checkEngagement(stack: Stack, seeded: SeedResult, rules: SeedRules): Promise<void> {
  const points = stack.services.points.dataSource;
  const checkIns = await scalar(points, "SELECT COUNT(*) FROM points_ledger WHERE source = 'CHECK_IN'");
  ok(checkIns > 0, 'seeded check-ins');
  equal(
    await scalar(points, "SELECT COUNT(*) FROM (SELECT DISTINCT member_id, source_ref FROM points_ledger WHERE source = 'CHECK_IN') d"),
    checkIns,
    'one check-in a member and day',
  );
  equal(
    await scalar(points, "SELECT COUNT(*) FROM points_ledger WHERE source = 'CHECK_IN' AND (entry_type <> 'EARN' OR points <> ?)", [
      rules.points.checkInPoints,
    ]),
    0,
    'every check-in earns the configured bonus',
  );
  const shares = await scalar(stack.services.campaign.dataSource, 'SELECT COUNT(*) FROM referral_invitations');
  ok(shares > 0, 'seeded referral shares');
  equal(shares, seeded.rows['campaign.referral_invitations'], 'referral shares as seeded');
}

interface MemberRow {
  id: string;
  tier_id: string;
  tier_since: Date | string;
  spend_12m_fen: string | number;
  purchases_12m: number;
  activity_as_of: Date | string | null;
  tier_version: string | number;
}

const time = (value: Date | string) => (value instanceof Date ? value : new Date(`${value.replace(' ', 'T')}Z`)).getTime();

/**
 * Tiers from the data alone: the stored 12-month figures are the rolling figures of the member's
 * orders at their last order, and the tier is the highest the engine qualified them for at any
 * order (upgrades are immediate, and no yearly re-evaluation has run), never below what the
 * stored figures qualify for. Points' copy of each tier is the member's, at the member's version.
 */
async function checkTiers(stack: Stack, versions: readonly TierVersion[]): Promise<void> {
  const members: MemberRow[] = await stack.services.member.dataSource.query(
    'SELECT id, tier_id, tier_since, spend_12m_fen, purchases_12m, activity_as_of, tier_version FROM members',
  );
  const copies: Array<{ member_id: string; tier_id: string; tier_version: string | number }> = await stack.services.points.dataSource.query(
    'SELECT member_id, tier_id, tier_version FROM member_tier_copies',
  );
  const copyOf = new Map(copies.map((c) => [c.member_id, { tierId: c.tier_id, version: Number(c.tier_version) }]));
  equal(copies.length, members.length, "points' tier copies");
  const orders: Array<{ member_id: string; amount_fen: string | number; created_at: Date | string }> =
    await stack.services.points.dataSource.query('SELECT member_id, amount_fen, created_at FROM orders ORDER BY member_id, created_at');
  const byMember = new Map<string, Array<{ at: number; fen: number }>>();
  for (const o of orders) {
    const list = byMember.get(o.member_id) ?? [];
    list.push({ at: time(o.created_at), fen: Number(o.amount_fen) });
    byMember.set(o.member_id, list);
  }
  const ladder = ladderAsOf(versions, new Date());
  for (const member of members) {
    const history = byMember.get(member.id) ?? [];
    let best = ladder[0];
    let stats = { spendFen: 0, purchases: 0 };
    for (const [i, order] of history.entries()) {
      const window = history.slice(0, i + 1).filter((o) => o.at >= order.at - YEAR_MS);
      stats = { spendFen: window.reduce((s, o) => s + o.fen, 0), purchases: window.length };
      const qualified = qualifyingTier(ladder, stats);
      if (qualified.rank > best.rank) best = qualified;
    }
    const context = `member ${member.id}`;
    deepStrictEqual(
      { spendFen: Number(member.spend_12m_fen), purchases: member.purchases_12m },
      stats,
      `${context}: stored 12-month figures`,
    );
    equal(member.tier_id, best.id, `${context}: tier`);
    deepStrictEqual(
      copyOf.get(member.id),
      { tierId: member.tier_id, version: Number(member.tier_version) },
      `${context}: points' tier copy`,
    );
    const stored = qualifyingTier(ladder, stats);
    ok(ladder.findIndex((t) => t.id === member.tier_id) >= ladder.indexOf(stored), `${context}: tier below its 12-month figures`);
    if (history.length) equal(time(member.activity_as_of!), history[history.length - 1].at, `${context}: activity as of its last order`);
  }
}

/**
 * Every lot carries its calendar expiry, and none of a member's lots expired while they were
 * Diamond (the seeded history only upgrades, so a Diamond member's lots past their date are all held).
 */
async function checkDiamondLots(stack: Stack): Promise<void> {
  const diamonds: Array<{ id: string; tier_since: Date | string }> = await stack.services.member.dataSource.query(
    "SELECT id, tier_since FROM members WHERE tier_id = 'DIAMOND'",
  );
  const since = new Map(diamonds.map((d) => [d.id, time(d.tier_since)]));
  const lots: Array<{ id: string; member_id: string; expires_at: Date | string | null }> = await stack.services.points.dataSource.query(
    'SELECT id, member_id, expires_at FROM points_lots',
  );
  const expiredAt = new Map<string, number>(
    (await stack.services.points.dataSource.query("SELECT source_ref, created_at FROM points_ledger WHERE entry_type = 'EXPIRE'")).map(
      (e: { source_ref: string; created_at: Date | string }) => [e.source_ref, time(e.created_at)],
    ),
  );
  for (const lot of lots) {
    ok(lot.expires_at !== null, `lot ${lot.id} carries its calendar expiry`);
    const diamondFrom = since.get(lot.member_id);
    const expired = expiredAt.get(lot.id);
    if (diamondFrom !== undefined && expired !== undefined) {
      ok(expired < diamondFrom, `lot ${lot.id} of ${lot.member_id}: expired while the member was Diamond`);
    }
  }
}

/** The parts of the MemberCard answer that the checks read. */
interface MemberCardView {
  maskedPhone: string;
  tier: { id: string; benefits: unknown[] };
  points: { balance: number };
  liveCampaigns: unknown[];
  risk: { assessments: number };
}

/** The member card through the gateway, as staff and as the member with a token from memberTokens(). */
async function checkCard(stack: Stack, memberIds: readonly string[]): Promise<{ id: string; card: MemberCardView; tokenSeconds: number }> {
  const [pick]: Array<{ id: string; tier_id: string }> = await stack.services.member.dataSource.query(
    "SELECT id, tier_id FROM members WHERE tier_id = 'GOLD' ORDER BY id LIMIT 1",
  );
  const id = pick?.id ?? memberIds[0];
  const [account] = await stack.services.points.dataSource.query('SELECT balance FROM points_accounts WHERE member_id = ?', [id]);
  const orders = await scalar(stack.services.points.dataSource, 'SELECT COUNT(*) FROM orders WHERE member_id = ?', [id]);
  const [member] = await stack.services.member.dataSource.query('SELECT tier_id, phone_enc FROM members WHERE id = ?', [id]);
  const asStaff = await stack.query(MEMBER_CARD, { id });
  equal(asStaff.errors, undefined, JSON.stringify(asStaff.errors));
  const card: MemberCardView = asStaff.data.member;
  equal(card.tier.id, member.tier_id, 'card tier');
  equal(card.points.balance, Number(account?.balance ?? 0), 'card balance');
  equal(card.maskedPhone, maskPhone(loadMemberConfig(stack.env).pii.decrypt(member.phone_enc)), 'card masked phone');
  equal(card.risk.assessments, orders, 'card risk assessments');
  ok(card.liveCampaigns.length >= 2, 'live campaigns on the card');
  ok(card.tier.benefits.length > 0, 'tier benefits on the card');

  const started = performance.now();
  const tokens = await memberTokens(stack, [id, ...memberIds.slice(0, 199)]);
  const tokenSeconds = (performance.now() - started) / 1000;
  const asMember = await stack.queryAs(tokens[0], MEMBER_CARD, { id });
  equal(asMember.errors, undefined, JSON.stringify(asMember.errors));
  deepStrictEqual(asMember.data.member, card, 'the member reads the same card with their own token');
  const other = memberIds.find((m) => m !== id)!;
  const refused = await stack.queryAs(tokens[0], MEMBER_CARD, { id: other });
  ok(refused.errors?.length, "a member's token does not read another member's card");
  return { id, card, tokenSeconds };
}

/**
 * The services carry on from the seeded data: a new order for the member earns at their seeded
 * tier's γ and today's campaigns, on top of their seeded balance.
 */
async function checkNewOrder(
  stack: Stack,
  rules: SeedRules,
  id: string,
  card: { tier: { id: string }; points: { balance: number } },
): Promise<void> {
  const now = new Date();
  const expected = earnPoints({
    amountFen: 10_000,
    baseRateMilli: rules.points.baseRateMilli,
    multiplierMilli: ladderAsOf(rules.tierVersions, now).find((t) => t.id === card.tier.id)!.multiplierMilli,
    coefficientMilli: combineCoefficients(
      rules.campaigns.filter((c) => isLive(c, now)).map((c) => c.coefficientMilli),
      rules.combination,
    ),
  });
  const order = await stack.query(RECORD_ORDER, { memberId: id, orderNo: `CHECK-${Date.now()}`, amount: '100.00', channel: 'WEB' });
  equal(order.errors, undefined, JSON.stringify(order.errors));
  deepStrictEqual(
    { points: order.data.recordOrder.pointsEarned, balance: order.data.recordOrder.member.points.balance },
    { points: expected, balance: card.points.balance + expected },
    'a new order on a seeded member',
  );
}

/** Same seed and `now`: the same rows (sealed phones aside, which take a fresh IV each time). */
function checkDeterminism(rules: SeedRules, options: { members: number; orders: number; seed: number }): void {
  const pii = readPiiCipher({ NODE_ENV: 'test' });
  const replay = () =>
    planProgramme({ ...options, now: rules.now })
      .members.slice(0, 200)
      .map((m) => {
        const rows = memberHistory(m, rules, options.seed, pii);
        return { ...rows, member: { ...rows.member, phoneEnc: '' } };
      });
  deepStrictEqual(replay(), replay(), 'two replays of one seed differ');
  const other = planProgramme({ ...options, seed: options.seed + 1, now: rules.now }).members[0].id;
  ok(other !== planProgramme({ ...options, now: rules.now }).members[0].id, 'another seed gives other members');
}

/**
 * The spend benefits ranks by: a window for every member with orders, delivered from points' outbox
 * after the seeding, giving exactly points' own figures (a sample of members, one statement each side).
 */
async function checkSpend(stack: Stack, seeded: SeedResult): Promise<void> {
  const points = stack.services.points.dataSource;
  const benefits = stack.services.benefits.dataSource;
  equal(
    await scalar(benefits, 'SELECT COUNT(*) FROM member_spend'),
    await scalar(points, 'SELECT COUNT(DISTINCT member_id) FROM orders'),
    'a spend window in benefits for every member with orders',
  );
  const sample = seeded.memberIds.filter((_, i) => i % Math.max(1, Math.floor(seeded.memberIds.length / 200)) === 0);
  const now = new Date();
  const windows = await findSpendWindows(benefits, sample);
  const figures = await spendStats(points, sample, now);
  deepStrictEqual(
    windows.map((w) => (w ? spendAt(w, now) : { spendFen: 0, purchases: 0, lastPurchaseAt: null })),
    figures,
    "benefits' windows give points' figures",
  );
}

/** Every check above, on a stack just seeded with `seeded` (as of `now`). Throws on the first failure. */
export async function checkSeededProgramme(
  stack: Stack,
  seeded: SeedResult,
  options: { members: number; orders: number; seed: number; now: Date },
  log: (...line: unknown[]) => void = () => {},
): Promise<void> {
  await checkLedger(stack, seeded);
  await checkSpend(stack, seeded);
  const rules = await readRules(stack, options.now);
  await checkEngagement(stack, seeded, rules);
  await checkTiers(stack, rules.tierVersions);
  await checkDiamondLots(stack);
  const { id, card, tokenSeconds } = await checkCard(stack, seeded.memberIds);
  log(`card of ${id}:`, JSON.stringify(card));
  log(`200 member tokens in ${tokenSeconds.toFixed(2)} s`);
  await checkNewOrder(stack, rules, id, card);
  // The new order's risk assessment leaves after its commit, in the background (EARN_RISK_CHECK=after-commit).
  ok(
    await outboxDrained(
      SERVICE_NAMES.map((name) => stack.services[name].httpUrl),
      30,
    ),
    "the new order's events delivered",
  );
  await checkLedger(stack, { ...seeded, orders: seeded.orders + 1 });
  checkDeterminism(rules, options);
}

async function main(): Promise<void> {
  const options = { members: argument('members', 300), orders: argument('orders', 3000), seed: argument('seed', 42), now: new Date() };
  const database = process.env.DATABASE_URL ? 'MySQL/MariaDB' : 'SQLite';
  const stack = await startStack({ env: { POINTS_EXPIRY_INTERVAL_MS: '0', OUTBOX_INTERVAL_MS: '1000', DATABASE_POOL_SIZE: '20' } });
  try {
    const seeded = await seedProgramme(stack, options);
    console.log(`${database}: seeded ${options.members} members and ${seeded.orders} orders in ${seeded.seconds.toFixed(1)} s`);
    console.log('tiers:', seeded.tierCounts);
    console.log('rows:', seeded.rows);
    const checking = performance.now();
    await checkSeededProgramme(stack, seeded, options, console.log);
    console.log(`all checks passed (${((performance.now() - checking) / 1000).toFixed(1)} s)`);
  } finally {
    await stack.stop();
  }
}

// A script when run, a library for the test that runs the same checks (test/e2e/bench-seed.e2e.test.ts).
if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
