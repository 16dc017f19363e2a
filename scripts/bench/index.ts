/**
 * `npm run bench` (`-- --quick` for the one-minute smoke run CI does, `-- --card` for the member card alone): starts the five services and
 * our gateway each in its own process, as production runs them (on MySQL when DATABASE_URL is set,
 * the embedded SQLite otherwise), and Hive Gateway in one more, seeds a programme with a fixed seed,
 * and drives load from a separate process with autocannon after a discarded warm-up. Counters come
 * from the services' /metrics, CPU and memory from /proc per process. Prints markdown tables with
 * the ratios and writes bench/results/<timestamp>.json. No thresholds: it measures.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { readCommonConfig, SERVICE_NAMES } from '../../services/kit/src';
import { outboxDrained } from './metrics';
import { startBenchCluster } from './cluster';
import { compareGateways } from './compare';
import { load, measure, type Job, type WorkloadRow } from './measure';
import { runningGateway, startHiveGateway } from './peers';
import { localDatabasePid } from './processes';
import { settleRawEvents } from './raw-earn';
import { COUPONS_PER_MEMBER, seedCoupons } from './coupons';
import { benchModels, modelTable } from './models';
import { riskOutcomes, riskTable } from './risk';
import { memberTokens, seedProgramme } from './seed';
import { jobTable, measureSegmentJobs } from './segments';
import { tables } from './report';

const quick = process.argv.includes('--quick');
/**
 * `--card`: the varied-member card alone (ours, Hive, direct), after seeding: no other workload,
 * segment job, model training, risk report, same-member or fixed-rate card. For work on the card's
 * cost, where a run's other rows only take time; the targets table then shows the card's figures
 * and dashes for the rest.
 */
const cardOnly = process.argv.includes('--card');
/**
 * Measures workload rows: each after a discarded warm-up, and each starting in its member list
 * where the previous run on that list stopped, so the runs' earns, burns and redemptions spread
 * over the members as a programme's do (a member earning 40 times in a minute is what risk's
 * velocity rules are there to catch).
 */
function rowRunner(
  stack: Awaited<ReturnType<typeof startBenchCluster>>,
  ours: ReturnType<typeof runningGateway>,
  databasePid: ReturnType<typeof localDatabasePid>,
) {
  const cursors = new Map<string[], number>();
  return async (workload: string, job: Job, throughGateway = false): Promise<WorkloadRow> => {
    const warmup = await load({ ...job, memberOffset: cursors.get(job.memberIds) ?? 0, durationSeconds: WARMUP });
    const at = (cursors.get(job.memberIds) ?? 0) + warmup.requests;
    const sample = await measure(stack, { ...job, memberOffset: at }, { gateway: throughGateway ? ours : undefined, databasePid });
    cursors.set(job.memberIds, at + sample.result.requests);
    return { workload, sample };
  };
}

/** `--earn-only`: just the earn rows (gateway, direct, raw mysql2) after the seed, to measure a change to the earn path quickly. */
const earnOnly = process.argv.includes('--earn-only');
/**
 * Seconds per measured round and per discarded warm-up; BENCH_ROUND_SECONDS and BENCH_WARMUP_SECONDS
 * override them (a `--card` run has no earlier rows to warm the servers' JIT: a quick one wants longer).
 */
const DURATION = Number(process.env.BENCH_ROUND_SECONDS ?? (quick ? 3 : 15));
const WARMUP = Number(process.env.BENCH_WARMUP_SECONDS ?? (quick ? 1 : 5));
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const SEED = 20_261_125;
const PROGRAMME = quick ? { members: 2_000, orders: 20_000 } : { members: 20_000, orders: 200_000 };
/** Members whose tokens the card workloads use (spread over the whole programme). */
const SAMPLE = quick ? 100 : 1_000;
/** Members of the checkout workload, each holding COUPONS_PER_MEMBER coupons. */
const CHECKOUT_MEMBERS = quick ? 20 : 200;
/** Voucherify's published validation latency, p50 / p95 ms, to set ours beside. */
const VOUCHERIFY = { p50: 100, p95: 220 };
/** Members with points who redeem in the redemption workload (tokens issued for each). */
const REDEEMERS = quick ? 1_000 : 5_000;

async function main(): Promise<void> {
  const started = Date.now();
  // Tokens are issued once at the start; a full run outlasts the default 15-minute access token.
  const stack = await startBenchCluster({
    OUTBOX_INTERVAL_MS: '1000',
    DATABASE_POOL_SIZE: '20',
    AUTH_ACCESS_TTL_SECONDS: '7200',
    // The segment job runs as the staff mutation through the gateway, and on 20,000 members it can
    // outlast the default 5 s subgraph timeout; no other request comes near it, so the rows are unchanged.
    SUBGRAPH_TIMEOUT_MS: '60000',
    // Counted exactly, as the test stack does: no welcome bonuses, no per-address sign-in limits.
    POINTS_REGISTRATION_BONUS: '0',
    POINTS_PROFILE_COMPLETION_BONUS: '0',
    LOGIN_MAX_CODES_PER_HOUR_PER_ADDRESS: '100000',
    LOGIN_MAX_FAILURES_PER_HOUR_PER_ADDRESS: '100000',
  });
  const databasePid = localDatabasePid(process.env.DATABASE_URL);
  try {
    const seeded = await seedProgramme(stack, { ...PROGRAMME, seed: SEED });
    console.log(
      `seeded ${seeded.memberIds.length} members (${JSON.stringify(seeded.tierCounts)}), ${seeded.orders} orders in ${seeded.seconds.toFixed(1)} s`,
    );
    // Risk decisions from here on are the load rounds' (the seeded history is written before).
    const loadStarted = new Date();
    if (earnOnly) return await earnRows(stack, seeded.memberIds, databasePid);
    // Before any load: the job's peak memory is then its own, not the load's.
    const jobs = cardOnly ? [] : await measureSegmentJobs(stack);
    // Before the load rounds too: their orders are all placed now, across every member, and would
    // leave no churned member in the history the models learn from (training then refuses).
    const models = cardOnly ? undefined : await benchModels(stack);
    const step = Math.max(1, Math.floor(seeded.memberIds.length / SAMPLE));
    const memberIds = seeded.memberIds.filter((_, i) => i % step === 0).slice(0, SAMPLE);
    const tokens = await memberTokens(stack, memberIds);
    const config = readCommonConfig('points', stack.env);
    const ours = runningGateway('ours', stack.gateway.url, stack.gateway.pid);
    const hive = await startHiveGateway(stack);
    try {
      const row = rowRunner(stack, ours, databasePid);
      const base = { connections: CONNECTIONS, durationSeconds: DURATION };
      const pointsDatabase = stack.services.points.dataSource.options;
      const workloadRows = async (): Promise<WorkloadRow[]> => {
        // Members who can spend (a burn or a redemption takes 1 point; without points it is refused after risk).
        const spenders = (
          await stack.services.points.dataSource.query<Array<{ member_id: string }>>(
            'SELECT member_id FROM points_accounts WHERE balance >= 100 ORDER BY member_id',
          )
        ).map((r) => r.member_id);
        const redeemers = spenders.filter((_, i) => i % Math.max(1, Math.floor(spenders.length / REDEEMERS)) === 0).slice(0, REDEEMERS);
        const redeemerTokens = await memberTokens(stack, redeemers);
        await stack.query(
          'mutation { createStaff(input: { username: "bench-cashier", password: "bench-cashier-passphrase", roles: [OPERATOR], store: "BENCH-01" }) { id } }',
        );
        const cashier = await stack.loginStaff('bench-cashier', 'bench-cashier-passphrase');
        // A reward cheap and plentiful enough that every sampled member can redeem it throughout a run.
        await stack.query(
          'mutation { defineCouponTemplate(input: { code: "BENCH_REWARD_COUPON", name: "Bench", kind: NO_THRESHOLD, amount: "1.00", validDays: 30, perMemberLimit: 1000, stock: 10000000 }) { code } }',
        );
        await stack.query(
          'mutation { defineReward(input: { code: "BENCH_REWARD", name: "Bench reward", kind: COUPON, templateCode: "BENCH_REWARD_COUPON", pointsPrice: 1, stock: 10000000, perMemberLimit: 1000 }) { id } }',
        );
        const checkoutMembers = memberIds.slice(0, CHECKOUT_MEMBERS);
        const chosenCoupons = await seedCoupons(stack, checkoutMembers);
        return [
          // The card with and without the member's ranked benefits, back to back: what ranking per member costs.
          await row(
            'member card, varied member, ranked Member.benefits (as the comparison below), our gateway, member tokens',
            { ...base, url: ours.url, kind: 'card', memberIds, memberTokens: tokens },
            true,
          ),
          await row(
            'member card, varied member, without Member.benefits (the card before per-member ranking), our gateway, member tokens',
            { ...base, url: ours.url, kind: 'card-unranked', memberIds, memberTokens: tokens },
            true,
          ),
          // The same list at two lengths: SQL statements per request must not grow with it.
          await row(
            'member list (staff), 10 members',
            { ...base, url: ours.url, kind: 'list', listSize: 10, memberIds: seeded.memberIds, token: cashier.accessToken },
            true,
          ),
          await row(
            'member list (staff), 50 members',
            { ...base, url: ours.url, kind: 'list', listSize: 50, memberIds: seeded.memberIds, token: cashier.accessToken },
            true,
          ),
          await row('gRPC tier look-up (member GetMemberTiers), one member a call', {
            ...base,
            url: '',
            kind: 'grpc-tiers',
            memberIds,
            grpc: { address: stack.services.member.grpcAddress, serviceToken: config.serviceToken },
          }),
          await row('risk Assess (gRPC), a burn: member, device, IP, channel, points; each member from its own device and IP', {
            ...base,
            url: '',
            kind: 'grpc-assess',
            memberIds: seeded.memberIds,
            grpc: { address: stack.services.risk.grpcAddress, serviceToken: config.serviceToken },
          }),
          await row('campaign GetActivityCoefficient (gRPC), an earn: tier, channel, store, order ref and figures, as points asks it', {
            ...base,
            url: '',
            kind: 'grpc-coefficient',
            memberIds: seeded.memberIds,
            grpc: { address: stack.services.campaign.grpcAddress, serviceToken: config.serviceToken },
          }),
          await row(
            'earn (recordOrder), our gateway, POS staff token',
            { ...base, url: ours.url, kind: 'earn', memberIds: seeded.memberIds, token: cashier.accessToken },
            true,
          ),
          await row(
            'reward redemption (redeemReward, the whole saga), our gateway, member tokens',
            { ...base, url: ours.url, kind: 'redeem', rewardId: 'BENCH_REWARD', memberIds: redeemers, memberTokens: redeemerTokens },
            true,
          ),
          await row('earn (recordOrder), points subgraph direct', {
            ...base,
            url: stack.services.points.httpUrl,
            kind: 'earn',
            memberIds: seeded.memberIds,
            signWith: config.identitySecret,
            signAs: { kind: 'STAFF', subject: 'bench-cashier', roles: ['OPERATOR'], store: 'BENCH-01' },
          }),
          await row(
            `checkout (validateCoupons), 5-item cart, member holding ${COUPONS_PER_MEMBER} coupons, 2 chosen, member token`,
            {
              ...base,
              url: ours.url,
              kind: 'validate',
              memberIds: checkoutMembers,
              memberTokens: tokens.slice(0, CHECKOUT_MEMBERS),
              couponIds: chosenCoupons,
            },
            true,
          ),
          await row('burn (points Debit over gRPC, 1 point, risk asked first: fails closed)', {
            ...base,
            url: '',
            kind: 'grpc-debit',
            memberIds: spenders,
            grpc: { address: stack.services.points.grpcAddress, serviceToken: config.serviceToken },
          }),
          ...(pointsDatabase.type === 'mysql'
            ? [
                await row('the same ledger transaction, raw mysql2 (the database limit)', {
                  ...base,
                  url: '',
                  kind: 'raw-earn',
                  memberIds,
                  rawDatabaseUrl: pointsDatabase.url!,
                }),
              ]
            : []),
        ];
      };
      const rows = cardOnly ? [] : await workloadRows();
      if (!cardOnly && pointsDatabase.type === 'mysql') await settleRawEvents(pointsDatabase.url!);
      // What the rows before left to deliver (their outbox events, unannounced orders) is delivered
      // before the comparison starts, or its statements and CPU would be billed to the first cards.
      if (!(await outboxDrained(SERVICE_NAMES.map((name) => stack.services[name].httpUrl)))) {
        console.log('outbox events still pending after 3 min; comparing the gateways anyway');
      }
      const comparison = await compareGateways(
        stack,
        { ours, hive },
        {
          memberIds,
          memberTokens: tokens,
          connections: CONNECTIONS,
          durationSeconds: DURATION,
          warmupSeconds: WARMUP,
          rounds: quick ? 1 : 3,
          databasePid,
          variedOnly: cardOnly,
        },
      );
      // Every assessment of the load rounds is in now (earns and redemptions ask risk before answering).
      const risk = cardOnly ? undefined : await riskOutcomes(stack.services.risk.dataSource, loadStarted);
      const database = process.env.DATABASE_URL ? 'MySQL/MariaDB' : 'SQLite (embedded)';
      const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
      const table = tables({
        header: `Database: ${database}; ${seeded.memberIds.length} members (${Object.entries(seeded.tierCounts)
          .map(([tier, n]) => `${tier} ${n}`)
          .join(
            ', ',
          )}), ${seeded.orders} orders seeded in ${seeded.seconds.toFixed(0)} s (seed ${SEED}); ${CONNECTIONS} connections; ${DURATION} s per round after a ${WARMUP} s warm-up; ${machine}.`,
        rows,
        comparison,
        rounds: quick ? 1 : 3,
      });
      const checkout = rows.find((r) => r.workload.startsWith('checkout (validateCoupons)'))?.sample.result;
      const beside = checkout
        ? `- checkout validation p50 / p95: ours ${checkout.p50} / ${checkout.p95} ms at ${checkout.rps.toFixed(0)} req/s; Voucherify publishes ${VOUCHERIFY.p50} / ${VOUCHERIFY.p95} ms (their cloud API, over the internet: not the same measurement)`
        : '';
      const rest = risk && models ? `\n\n${riskTable(risk)}\n\n${jobTable(jobs)}\n\n${modelTable(models)}` : '';
      console.log(`\n${table}\n${beside}${rest}\n`);
      mkdirSync(join(__dirname, '..', '..', 'bench', 'results'), { recursive: true });
      const file = join(__dirname, '..', '..', 'bench', 'results', `${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
      writeFileSync(
        file,
        JSON.stringify(
          {
            quick,
            cardOnly,
            database,
            machine,
            seed: SEED,
            seeded: { ...seeded, memberIds: undefined },
            rows,
            jobs,
            comparison,
            risk,
            models,
            table,
            voucherify: VOUCHERIFY,
          },
          null,
          2,
        ),
      );
      console.log(`wrote ${file} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    } finally {
      await ours.stop();
      await hive.stop();
    }
  } finally {
    await stack.stop();
  }
}

/** `--earn-only`: the two earn rows and the raw mysql2 row (MySQL), with their ratios and the earn targets. */
async function earnRows(
  stack: Awaited<ReturnType<typeof startBenchCluster>>,
  memberIds: string[],
  databasePid: ReturnType<typeof localDatabasePid>,
): Promise<void> {
  await stack.query(
    'mutation { createStaff(input: { username: "bench-cashier", password: "bench-cashier-passphrase", roles: [OPERATOR], store: "BENCH-01" }) { id } }',
  );
  const cashier = await stack.loginStaff('bench-cashier', 'bench-cashier-passphrase');
  const config = readCommonConfig('points', stack.env);
  const ours = runningGateway('ours', stack.gateway.url, stack.gateway.pid);
  // The seeder's outbox events (the full run's earlier rows give the dispatchers time to deliver
  // them): delivered first, or their statements would be billed to the earns.
  if (!(await outboxDrained(SERVICE_NAMES.map((name) => stack.services[name].httpUrl)))) {
    console.log('outbox events still pending after 3 min; measuring anyway');
  }
  const base = { connections: CONNECTIONS, durationSeconds: DURATION };
  const row = rowRunner(stack, ours, databasePid);
  const step = Math.max(1, Math.floor(memberIds.length / SAMPLE));
  const sampled = memberIds.filter((_, i) => i % step === 0).slice(0, SAMPLE);
  const pointsDatabase = stack.services.points.dataSource.options;
  const rows: WorkloadRow[] = [
    await row(
      'earn (recordOrder), our gateway, POS staff token',
      { ...base, url: ours.url, kind: 'earn', memberIds, token: cashier.accessToken },
      true,
    ),
    await row('earn (recordOrder), points subgraph direct', {
      ...base,
      url: stack.services.points.httpUrl,
      kind: 'earn',
      memberIds,
      signWith: config.identitySecret,
      signAs: { kind: 'STAFF', subject: 'bench-cashier', roles: ['OPERATOR'], store: 'BENCH-01' },
    }),
    ...(pointsDatabase.type === 'mysql'
      ? [
          await row('the same ledger transaction, raw mysql2 (the database limit)', {
            ...base,
            url: '',
            kind: 'raw-earn',
            memberIds: sampled,
            rawDatabaseUrl: pointsDatabase.url!,
          }),
        ]
      : []),
  ];
  const database = process.env.DATABASE_URL ? 'MySQL/MariaDB' : 'SQLite (embedded)';
  console.log(
    `\n${tables({ header: `Database: ${database}; earn rows only (--earn-only).`, rows, comparison: { rows: [], ratios: [] }, rounds: 0 })}\n`,
  );
  await ours.stop();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
