import fc from 'fast-check';
import { Like, type DataSource } from 'typeorm';
import { createDataSource, DomainError, ensureDatabase, QueryCounter, readCommonConfig, resolveDatabaseTarget } from '../../kit/src';
import { testDatabaseEnv } from '../../../test/harness/startStack';
import { assess, assessBatch, type Assessment, type BatchAnswer } from '../src/commands/assess';
import { saveRiskRule } from '../src/commands/saveRiskRule';
import { riskSchema } from '../src/db/data-source';
import { RiskEvent } from '../src/db/entities/RiskEvent';
import type { AssessInput } from '../src/domain/action';

/*
 * AssessBatch against one Assess after another, on the database the suite runs on (SQLite, or
 * MySQL with DATABASE_URL): random histories and random batches get the same decisions, scores,
 * reasons and findings, and record the same rows; a batch's statements do not grow with it; and an
 * action delivered twice at once (Assess or AssessBatch) is recorded once, both answering its decision.
 */

/** Counts like the service's counter, and keeps the text, so the rules' reads (a shared value, read by the clock) can be left out. */
class RecordingCounter extends QueryCounter {
  statements: string[] = [];
  override logQuery(query = ''): void {
    super.logQuery(query);
    this.statements.push(query);
  }
}

interface Database {
  dataSource: DataSource;
  recorder: RecordingCounter;
}

async function openRisk(): Promise<Database & { stop(): Promise<void> }> {
  const database = testDatabaseEnv();
  const target = resolveDatabaseTarget(readCommonConfig('risk', database.env));
  await ensureDatabase(target);
  const recorder = new RecordingCounter();
  const dataSource = createDataSource(target, riskSchema, recorder);
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  return {
    dataSource,
    recorder,
    stop: async () => {
      await dataSource.destroy();
      await database.cleanup();
    },
  };
}

/** Rules tight enough that a few actions make each kind of rule fire, beside the seeded ones. */
const TIGHT_RULES = [
  {
    id: 't-earn-velocity',
    outcome: 'REVIEW',
    score: 20,
    definition: { kind: 'VELOCITY', actions: ['EARN'], by: 'MEMBER', windowSeconds: 600, max: 2 },
  },
  {
    id: 't-device-velocity',
    outcome: 'DENY',
    score: 60,
    definition: { kind: 'VELOCITY', actions: ['EARN', 'BURN', 'REDEEM'], by: 'DEVICE', windowSeconds: 3_600, max: 3 },
  },
  {
    id: 't-ip-velocity',
    outcome: 'REVIEW',
    score: 15,
    definition: { kind: 'VELOCITY', actions: ['EARN', 'LOGIN'], by: 'IP', windowSeconds: 1_800, max: 2 },
  },
  {
    id: 't-device-fan-out',
    outcome: 'REVIEW',
    score: 25,
    definition: { kind: 'FAN_OUT', actions: ['REGISTER', 'LOGIN', 'EARN'], by: 'DEVICE', windowSeconds: 3_600, maxMembers: 2 },
  },
  {
    id: 't-ip-fan-out',
    outcome: 'DENY',
    score: 50,
    definition: { kind: 'FAN_OUT', actions: ['EARN', 'BURN'], by: 'IP', windowSeconds: 7_200, maxMembers: 2 },
  },
  {
    id: 't-earn-outlier',
    outcome: 'REVIEW',
    score: 10,
    definition: { kind: 'AMOUNT_OUTLIER', actions: ['EARN', 'REFUND'], factor: 2, minHistory: 2, historySize: 4 },
  },
  {
    id: 't-burn-outlier',
    outcome: 'REVIEW',
    score: 10,
    definition: { kind: 'AMOUNT_OUTLIER', actions: ['BURN', 'REDEEM'], factor: 1.5, minHistory: 1, historySize: 3 },
  },
  {
    id: 't-soon',
    outcome: 'REVIEW',
    score: 5,
    definition: { kind: 'SOON_AFTER_REGISTER', actions: ['EARN', 'BURN'], withinSeconds: 3_600 },
  },
  {
    id: 't-refunds',
    outcome: 'DENY',
    score: 30,
    definition: { kind: 'REFUND_FARMING', actions: ['EARN', 'REFUND'], windowSeconds: 3_600, minRefunds: 1, minRefundRatio: 0.3 },
  },
  { id: 't-ring', outcome: 'REVIEW', score: 35, definition: { kind: 'REFERRAL_RING', maxDepth: 3, maxSharedInvitees: 1 } },
];

let single: Database & { stop(): Promise<void> };
let batched: Database & { stop(): Promise<void> };
/** With the seeded rules only, as deployed: for the statement counts. */
let seeded: Database & { stop(): Promise<void> };
beforeAll(async () => {
  [single, batched, seeded] = await Promise.all([openRisk(), openRisk(), openRisk()]);
  for (const { dataSource } of [single, batched]) {
    for (const rule of TIGHT_RULES) {
      await saveRiskRule(
        dataSource,
        { ...rule, description: `test rule ${rule.id}`, enabled: true, definition: JSON.stringify(rule.definition) },
        'staff:test',
      );
    }
  }
});
afterAll(async () => {
  await single?.stop();
  await batched?.stop();
  await seeded?.stop();
});

const NOW = new Date('2026-11-30T08:00:00Z');

/** An action as fast-check draws it: members, devices and IPs from small pools so histories overlap. */
interface Draft {
  action: string;
  member: number;
  invitee: number;
  device: number | null;
  ip: number | 'loopback' | null;
  amountFen: number;
  points: number;
  minutesAgo: number;
  /** Reuse the idempotency key of an earlier action of the run (a retry, or a key reused for another action). */
  reuseKey: number | null;
  failOpen: boolean;
  afterCommit: boolean;
}

const draftOf = (actions: readonly string[], members = 4): fc.Arbitrary<Draft> =>
  fc
    .record({
      action: fc.constantFrom(...actions),
      member: fc.nat(members - 1),
      // Counted on from the member: a referral names someone else.
      invitee: fc.integer({ min: 1, max: members - 1 }),
      device: fc.option(fc.nat(2), { freq: 4 }),
      ip: fc.option(fc.oneof(fc.nat(2), fc.constant('loopback' as const))),
      // A zero amount or points is refused (BAD_USER_INPUT): now and then.
      amountFen: fc.constantFrom(0, 100, 150, 200, 200, 1_000, 5_000),
      points: fc.constantFrom(0, 50, 100, 100, 400),
      minutesAgo: fc.nat(90),
      reuseKey: fc.oneof({ weight: 7, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.nat(40) }),
      failOpen: fc.boolean(),
      afterCommit: fc.boolean(),
    })
    .map((d) => ({ ...d, invitee: (d.member + d.invitee) % members }));

/**
 * Histories and batches of every action, or of referrals and sign-ins only: a referral's facts
 * read other members' history, which only a history of referrals and devices makes likely to matter.
 */
const histories = fc
  .constantFrom(
    draftOf(['EARN', 'EARN', 'EARN', 'REFUND', 'BURN', 'REDEEM', 'REGISTER', 'LOGIN', 'LOGIN', 'REFERRAL_REWARD']),
    draftOf(['LOGIN', 'REFERRAL_REWARD', 'REFERRAL_REWARD', 'EARN']),
    draftOf(['LOGIN', 'REFERRAL_REWARD', 'REFERRAL_REWARD', 'EARN'], 3),
  )
  .chain((draft) => fc.tuple(fc.array(draft, { maxLength: 8 }), fc.array(draft, { minLength: 1, maxLength: 8 })));

let run = 0;

/** The run's actions as a caller sends them; ids, devices and IPs of this run only, every instant distinct. */
function inputsOf(drafts: readonly Draft[], runId: number): AssessInput[] {
  const keys: string[] = [];
  return drafts.map((d, i) => {
    const key = d.reuseKey !== null && i > 0 ? keys[d.reuseKey % i] : `K${runId}-${i}`;
    keys.push(key);
    const ip = d.ip === null ? undefined : d.ip === 'loopback' ? '127.0.0.1' : `10.${(runId >> 8) & 255}.${runId & 255}.${d.ip + 1}`;
    return {
      action: d.action,
      memberId: `m${runId}-${d.member}`,
      amountFen: d.action === 'EARN' || d.action === 'REFUND' ? d.amountFen : 0,
      points: d.action === 'BURN' || d.action === 'REDEEM' ? d.points : 0,
      channel: 'POS',
      idempotencyKey: key,
      deviceId: d.device === null ? undefined : `d${runId}-${d.device}`,
      ip,
      inviteeMemberId: d.action === 'REFERRAL_REWARD' ? `m${runId}-${d.invitee}` : undefined,
      // Distinct instants: which of a member's actions are the latest never depends on how ties are broken.
      occurredAtEpochMs: NOW.getTime() - d.minutesAgo * 60_000 + i,
      failOpen: d.failOpen,
      afterCommit: d.afterCommit,
    };
  });
}

/** What a caller learns of an answer (the event id differs between the two databases). */
const outcomeOf = (answer: BatchAnswer) =>
  'error' in answer
    ? { error: answer.error.code, message: answer.error.message }
    : { decision: answer.decision, score: answer.score, reason: answer.reason, findings: answer.findings };

async function oneByOne(dataSource: DataSource, inputs: readonly AssessInput[]): Promise<BatchAnswer[]> {
  const answers: BatchAnswer[] = [];
  for (const input of inputs) {
    try {
      answers.push(await assess(dataSource, input, NOW));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      answers.push({ error });
    }
  }
  return answers;
}

/** The run's recorded rows, as the rules and staff see them. */
async function recorded(dataSource: DataSource, runId: number) {
  const rows = await dataSource.getRepository(RiskEvent).find({ where: { idempotencyKey: Like(`K${runId}-%`) } });
  return rows
    .map(({ id: _id, ...row }) => ({ ...row, createdAt: row.createdAt.getTime() }))
    .sort((a, b) => a.idempotencyKey.localeCompare(b.idempotencyKey));
}

describe('assessBatch decides as one Assess after another', () => {
  it('on random histories and random batches: the same decisions, findings and recorded rows', async () => {
    const seen = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(histories, async ([history, batch]) => {
        const runId = ++run;
        const inputs = inputsOf([...history, ...batch], runId);
        const [past, now] = [inputs.slice(0, history.length), inputs.slice(history.length)];
        // The same history in both databases, then the batch: one by one in one, as one AssessBatch in the other.
        await Promise.all([oneByOne(single.dataSource, past), oneByOne(batched.dataSource, past)]);
        const expected = (await oneByOne(single.dataSource, now)).map(outcomeOf);
        const actual = (await assessBatch(batched.dataSource, now, NOW)).map(outcomeOf);
        expect(actual).toEqual(expected);
        expect(await recorded(batched.dataSource, runId)).toEqual(await recorded(single.dataSource, runId));
        for (const outcome of expected) {
          const label = 'error' in outcome ? 'error' : outcome.decision;
          seen.set(label, (seen.get(label) ?? 0) + 1);
        }
      }),
      // Fewer on MySQL, where a run's statements take longer. (A referral judged in a shared round was
      // found in 3 of 4 SQLite runs; the example below finds it every time.)
      { numRuns: process.env.DATABASE_URL ? 100 : 200 },
    );
    // The property is not vacuous: the batches met every kind of answer.
    console.info(`answers compared: ${JSON.stringify(Object.fromEntries(seen))}`);
    for (const label of ['ALLOW', 'REVIEW', 'DENY', 'error']) expect(seen.get(label)).toBeGreaterThan(0);
  }, 240_000);

  it('judges a referral with every earlier action of the batch, of other members too', async () => {
    // A referral's facts read other members' history: m-2, an earlier invitee of m-0, signing in
    // on the device the new invitee m-3 uses makes the referral m-0 → m-3 a ring, though the
    // referral and the sign-in have no member, device or IP in common.
    const runId = ++run;
    const m = (i: number) => `m${runId}-${i}`;
    const action = (i: number, fields: Partial<AssessInput>): AssessInput => ({
      action: 'LOGIN',
      memberId: m(0),
      amountFen: 0,
      channel: 'WEB',
      idempotencyKey: `K${runId}-${i}`,
      occurredAtEpochMs: NOW.getTime() - 60_000 + i,
      ...fields,
    });
    const history = [
      action(0, { action: 'REFERRAL_REWARD', memberId: m(0), inviteeMemberId: m(2) }),
      action(1, { memberId: m(3), deviceId: `d${runId}` }),
    ];
    const batch = [
      action(2, { memberId: m(2), deviceId: `d${runId}` }),
      action(3, { action: 'REFERRAL_REWARD', memberId: m(0), inviteeMemberId: m(3) }),
    ];
    await Promise.all([oneByOne(single.dataSource, history), oneByOne(batched.dataSource, history)]);
    const expected = (await oneByOne(single.dataSource, batch)).map(outcomeOf);
    expect(expected[1]).toMatchObject({
      decision: 'DENY',
      findings: [expect.objectContaining({ rule: 'referral-ring' }), expect.anything()],
    });
    expect((await assessBatch(batched.dataSource, batch, NOW)).map(outcomeOf)).toEqual(expected);
  });
});

describe('the statements of a batch', () => {
  let n = 0;
  const earn = (member: string): AssessInput => ({
    action: 'EARN',
    memberId: member,
    amountFen: 8_800,
    channel: 'POS',
    idempotencyKey: `EARN:COUNT-${++n}`,
    occurredAtEpochMs: NOW.getTime() - 60_000 + n,
    afterCommit: true,
  });
  /** Statements of one AssessBatch, less the rules' read (a shared value, read at most once a second by the clock). */
  async function statementsOf(inputs: AssessInput[]): Promise<number> {
    const { recorder, dataSource } = seeded;
    const before = recorder.statements.length;
    const answers = await assessBatch(dataSource, inputs, NOW);
    expect(answers.every((a) => !('error' in a) && (a as Assessment).decision === 'ALLOW')).toBe(true);
    return recorder.statements.slice(before).filter((sql) => !/risk_rules/.test(sql)).length;
  }
  const members = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}-${i}`);

  it('do not grow with the number of earns of different members', async () => {
    const counts: Record<number, number> = {};
    for (const size of [1, 5, 20]) counts[size] = await statementsOf(members(`count-${size}`, size).map(earn));
    console.info(`statements per AssessBatch of N earns: ${JSON.stringify(counts)}`);
    // The decisions already recorded, the facts of every earn, the decisions (one multi-row INSERT).
    expect(counts).toEqual({ 1: 3, 5: 3, 20: 3 });
  });

  it('grow with the rounds only: a member’s second earn is judged after its first is recorded', async () => {
    const five = members('rounds', 5);
    // Two rounds: the facts and the INSERT twice, the recorded decisions once.
    expect(await statementsOf([...five.map(earn), ...five.map(earn)])).toBe(5);
  });
});

describe('a decision recorded meanwhile (the same action delivered twice at once)', () => {
  const earn = (key: string, member: string): AssessInput => ({
    action: 'EARN',
    memberId: member,
    amountFen: 8_800,
    channel: 'POS',
    idempotencyKey: key,
    occurredAtEpochMs: NOW.getTime() - 60_000,
    afterCommit: true,
  });
  const idOf = (answer: BatchAnswer) => (answer as Assessment).eventId;
  // On MySQL, with the pool's connections open already, so the calls run side by side instead of one
  // after the other while the pool opens a connection for each (which would leave no race to test).
  beforeAll(() => Promise.all(Array.from({ length: 4 }, () => seeded.dataSource.query('SELECT 1'))));
  const rowsUnder = (keys: string[]) =>
    seeded.dataSource.getRepository(RiskEvent).find({ where: keys.map((idempotencyKey) => ({ idempotencyKey })) });

  it('Assess: the insert that meets the other’s key answers the decision recorded, recording once', async () => {
    const answers = await Promise.all([1, 2, 3].map(() => assess(seeded.dataSource, earn('RACE-A', 'race-a'), NOW)));
    const rows = await rowsUnder(['RACE-A']);
    expect(rows).toHaveLength(1);
    expect(answers.map((a) => a.eventId)).toEqual([rows[0].id, rows[0].id, rows[0].id]);
  });

  it('AssessBatch: the round whose insert meets them is recorded one by one, each key once', async () => {
    const keys = ['RACE-B1', 'RACE-B2', 'RACE-B3'];
    const [one, other] = await Promise.all([
      assessBatch(seeded.dataSource, [earn(keys[0], 'race-b1'), earn(keys[1], 'race-b2')], NOW),
      assessBatch(seeded.dataSource, [earn(keys[1], 'race-b2'), earn(keys[2], 'race-b3'), earn(keys[0], 'race-b1')], NOW),
    ]);
    const rows = new Map((await rowsUnder(keys)).map((row) => [row.idempotencyKey, row.id]));
    expect(rows.size).toBe(3);
    expect(one.map(idOf)).toEqual([rows.get(keys[0]), rows.get(keys[1])]);
    expect(other.map(idOf)).toEqual([rows.get(keys[1]), rows.get(keys[2]), rows.get(keys[0])]);
  });
});
