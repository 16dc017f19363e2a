import type { DataSource } from 'typeorm';
import { openServiceTestDatabase } from '../../../test/harness/serviceTestDatabase';
import { DEFAULT_TIER_RULES, recordActivity, type TierRules } from '../src/commands/recordActivity';
import { fillTopTierSeats } from '../src/commands/topTier';
import { memberSchema } from '../src/db/data-source';
import { newMember } from '../src/commands/__tests__/memberFixture';

/**
 * The capped top tier (TOP_TIER_MAX_SHARE) under a race, on the database the suite runs on (SQLite
 * by default, MySQL with DATABASE_URL, where the reports really run side by side on a pool of
 * connections): many members crossing the top tier's thresholds at once, with seat sweeps running
 * between them, never hold more seats than the cap gives. Nothing in the race lowers a tier, so a
 * final count within the cap means it was never exceeded on the way; the history says the same.
 */
let dataSource: DataSource;
let stop: () => Promise<void>;
beforeAll(async () => {
  ({ dataSource, close: stop } = await openServiceTestDatabase(memberSchema));
});
afterAll(() => stop?.());

const T0 = new Date('2026-06-01T02:00:00Z');
const MEMBERS = 60;
const QUALIFYING = 40;
const CAPPED: TierRules = { ...DEFAULT_TIER_RULES, topTier: { maxSharePpm: 100_000, invitationOnly: false } }; // 10%: 6 seats of 60
const SEATS = 6;
const noMilestones = async () => undefined;
const report = (memberId: string, cny: number, purchases: number, at: Date, refundedOrdersAt?: Date[]) =>
  recordActivity(dataSource, { memberId, spendFen: cny * 100, purchases, asOf: at, refundedOrdersAt }, noMilestones, at, CAPPED);
const count = async (sql: string, parameters: unknown[] = []) => Number((await dataSource.query(sql, parameters))[0].n);
const holders = () => count("SELECT COUNT(*) AS n FROM members WHERE tier_id = 'DIAMOND'");

it(`${QUALIFYING} members qualifying for a top tier capped at ${SEATS} seats at once never take more than ${SEATS}`, async () => {
  const ids: string[] = [];
  for (let i = 0; i < MEMBERS; i += 1) ids.push((await newMember(dataSource)).id);
  const qualifying = ids.slice(0, QUALIFYING);

  // Everyone crosses Diamond's thresholds at the same moment, distinct spends; sweeps run alongside.
  await Promise.all([
    ...qualifying.map((id, i) => report(id, 30_000 + i * 100, 30, T0)),
    ...Array.from({ length: 5 }, () => fillTopTierSeats(dataSource, CAPPED.topTier, T0)),
  ]);
  expect(await holders()).toBe(SEATS);
  expect(await count("SELECT COUNT(*) AS n FROM tier_history WHERE to_tier = 'DIAMOND'")).toBe(SEATS);
  // The others wait one step below.
  expect(await count("SELECT COUNT(*) AS n FROM members WHERE tier_id = 'GOLD'")).toBe(QUALIFYING - SEATS);

  // The holders' qualifying orders are refunded while everyone waiting reports more: the freed
  // seats go to the line, and still no more than the cap hold the top tier.
  const seated: string[] = (await dataSource.query("SELECT id FROM members WHERE tier_id = 'DIAMOND'")).map((r: { id: string }) => r.id);
  const waiting = qualifying.filter((id) => !seated.includes(id));
  const later = new Date(T0.getTime() + 86_400_000);
  await Promise.all([
    ...seated.map((id) => report(id, 0, 0, later, [T0])),
    ...waiting.map((id, i) => report(id, 31_000 + i * 100, 31, later)),
    ...Array.from({ length: 5 }, () => fillTopTierSeats(dataSource, CAPPED.topTier, later)),
  ]);
  await fillTopTierSeats(dataSource, CAPPED.topTier, later);
  expect(await holders()).toBe(SEATS);
  const now: string[] = (await dataSource.query("SELECT id FROM members WHERE tier_id = 'DIAMOND'")).map((r: { id: string }) => r.id);
  expect(now.filter((id) => seated.includes(id))).toEqual([]);
});
