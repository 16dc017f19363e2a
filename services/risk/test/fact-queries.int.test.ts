import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { createDataSource, QueryCounter } from '../../kit/src';
import { assess } from '../src/commands/assess';
import { riskSchema } from '../src/db/data-source';

/*
 * The facts every rule reads are index searches on risk_events, never scans: checked with
 * SQLite's query plans (the schema and the statements are the same on MySQL), and the number of
 * statements an assessment takes does not grow with the history.
 */

/** Every kind of fact, as its search reads in the statements (db/facts.ts). */
const FACT_SEARCHES = {
  COUNT: /COUNT\(\*\)/,
  MEMBERS: /COUNT\(DISTINCT member_id\)/,
  AMOUNTS: /ORDER BY created_at DESC LIMIT/,
  LAST_REGISTERED: /MAX\(created_at\)/,
  REFUNDS: /SUM\(CASE WHEN action = 'REFUND'/,
  REFERRAL_SHARED: /JOIN risk_events b ON b.device_id = a.device_id/,
  REFERRAL_SHARING: /r.invitee_member_id <> /,
  REFERRAL_WALK: /WHERE member_id IN \([^)]*\) AND action = 'REFERRAL_REWARD'/,
};

class RecordingCounter extends QueryCounter {
  statements: Array<{ sql: string; parameters: unknown[] }> = [];
  override logQuery(query?: string, parameters?: unknown[]): void {
    super.logQuery();
    if (query) this.statements.push({ sql: query, parameters: parameters ?? [] });
  }
}

const dir = mkdtempSync(join(tmpdir(), 'risk-facts-'));
const recorder = new RecordingCounter();
let dataSource: DataSource;
const NOW = new Date('2026-11-30T08:00:00Z');
const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

/** One call of every action with all of its context, so every seeded rule runs. */
const everyAction = (n: number) => [
  { action: 'REGISTER', memberId: `m-${n}`, amountFen: 0, channel: 'WEB', deviceId: `d-${n % 7}`, ip: `10.0.0.${n % 9}` },
  { action: 'LOGIN', memberId: `m-${n}`, amountFen: 0, channel: 'WEB', deviceId: `d-${n % 7}`, ip: `10.0.0.${n % 9}` },
  { action: 'EARN', memberId: `m-${n}`, amountFen: 1000 + n, channel: 'WEB', deviceId: `d-${n % 7}`, ip: `10.0.1.${n % 9}` },
  { action: 'BURN', memberId: `m-${n}`, amountFen: 0, points: 100, channel: 'WEB', deviceId: `d-${n % 7}`, ip: `10.0.2.${n % 9}` },
  { action: 'REDEEM', memberId: `m-${n}`, amountFen: 0, points: 100, channel: 'WEB', deviceId: `d-${n % 7}`, ip: `10.0.2.${n % 9}` },
  { action: 'REFUND', memberId: `m-${n}`, amountFen: 500, channel: 'WEB', deviceId: `d-${n % 7}`, ip: `10.0.1.${n % 9}` },
  { action: 'REFERRAL_REWARD', memberId: `m-${n}`, amountFen: 0, channel: 'WEB', inviteeMemberId: `m-${n + 1}` },
];

/**
 * The statements each action's assessment takes. The rules are left out: they are a shared value
 * read at most once a second (sharedEnabledRules), so whether an assessment reads them depends on
 * the clock, not on the history.
 */
async function statementsOfRound(n: number, minute: number): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const [i, input] of everyAction(n).entries()) {
    const before = recorder.statements.length;
    await assess(dataSource, { ...input, idempotencyKey: `${input.action}:${n}:${i}` }, at(minute));
    counts.set(input.action, recorder.statements.slice(before).filter(({ sql }) => !/risk_rules/.test(sql)).length);
  }
  return counts;
}

beforeAll(async () => {
  dataSource = createDataSource({ kind: 'sqlite', file: join(dir, 'risk.sqlite') }, riskSchema, recorder);
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
});
afterAll(async () => {
  await dataSource.destroy();
  rmSync(dir, { recursive: true, force: true });
});

describe('the facts of the rules', () => {
  it('are read by index searches only', async () => {
    for (let n = 0; n < 20; n++) await statementsOfRound(n, n);
    recorder.statements = [];
    await statementsOfRound(100, 30);
    const reads = recorder.statements.filter(({ sql }) => /^\s*SELECT/i.test(sql) && /risk_events/.test(sql));
    expect(Object.entries(FACT_SEARCHES).filter(([, search]) => !reads.some(({ sql }) => search.test(sql)))).toEqual([]);
    for (const { sql, parameters } of reads) {
      const plan: Array<{ detail: string }> = await dataSource.query(`EXPLAIN QUERY PLAN ${sql}`, parameters);
      if (process.env.SHOW_PLANS)
        console.info(
          sql,
          plan.map((p) => p.detail),
        );
      // A derived table (`latest<n>`, `sample<n>`) is scanned: it holds the few rows (a LIMIT) of an index search.
      const scans = plan.filter(
        (step) => /^SCAN /.test(step.detail) && !/^SCAN (\w+ USING (COVERING )?INDEX idx_|(latest|sample)\d+$)/.test(step.detail),
      );
      expect({ sql, scans }).toEqual({ sql, scans: [] });
    }
  });

  it('take as many statements after a long history as after a short one', async () => {
    const early = await statementsOfRound(200, 40);
    for (let n = 201; n < 260; n++) await statementsOfRound(n, 41);
    const late = await statementsOfRound(300, 50);
    expect(late).toEqual(early);
    // The decision already recorded, every fact in one statement, the decision recorded; a referral's
    // facts are its walk: the shared devices, the other invitees on them, one step of the referral graph.
    expect(Object.fromEntries(late)).toEqual({ REGISTER: 3, LOGIN: 3, EARN: 3, BURN: 3, REDEEM: 3, REFUND: 3, REFERRAL_REWARD: 5 });
  });
});
