/**
 * `npm run bench` (`-- --quick` for the one-minute smoke run CI does): starts the whole system
 * in this process (on MySQL when DATABASE_URL is set, the embedded SQLite otherwise), seeds
 * members, and drives load from a separate process with autocannon after a discarded warm-up.
 * Prints a markdown table and writes bench/results/<timestamp>.json. No thresholds: it measures.
 */
import { fork } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { grpcCalls, readCommonConfig } from '../../services/kit/src';
import { RECORD_ORDER } from '../../test/harness/operations';
import { startStack, type Stack } from '../../test/harness/startStack';
import { compareGateways } from './compare';
import type { LoadJob, LoadResult } from './load-worker';

const quick = process.argv.includes('--quick');
const DURATION = quick ? 4 : 15;
const WARMUP = quick ? 1 : 5;
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const MEMBERS = quick ? 80 : 500;

function load(job: LoadJob): Promise<LoadResult> {
  const child = fork(join(__dirname, '..', 'run-ts.js'), [join(__dirname, 'load-worker.ts')], { stdio: 'inherit' });
  return new Promise((resolve, reject) => {
    child.once('message', (message: { ok: boolean; result?: LoadResult; error?: string }) => {
      child.kill();
      if (message.ok) resolve(message.result!);
      else reject(new Error(message.error));
    });
    child.once('exit', (code) => (code ? reject(new Error(`load worker exited with ${code}`)) : undefined));
    child.send(job);
  });
}

interface Row {
  workload: string;
  result: LoadResult;
  sqlPerRequest: Record<string, number>;
  grpcPerRequest: number;
  cpuMsPerRequest: number;
}

async function measure(stack: Stack, workload: string, job: Omit<LoadJob, 'durationSeconds' | 'runId'>): Promise<Row> {
  await load({ ...job, durationSeconds: WARMUP, runId: `${workload}-warmup`.replace(/\W/g, '') });
  const queriesBefore = Object.fromEntries(Object.entries(stack.services).map(([name, s]) => [name, s.queries.count]));
  const grpcBefore = grpcCalls.count;
  const cpuBefore = process.cpuUsage();
  const result = await load({ ...job, durationSeconds: DURATION, runId: `${workload}-${Date.now()}`.replace(/\W/g, '') });
  const cpu = process.cpuUsage(cpuBefore);
  const sqlPerRequest = Object.fromEntries(
    Object.entries(stack.services)
      .map(([name, s]) => [name, (s.queries.count - queriesBefore[name]) / Math.max(1, result.requests)] as const)
      .filter(([, n]) => n > 0)
      .map(([name, n]) => [name, Math.round(n * 10) / 10]),
  );
  const grpcPerRequest = Math.round(((grpcCalls.count - grpcBefore) / Math.max(1, result.requests)) * 10) / 10;
  return {
    workload,
    result,
    sqlPerRequest,
    grpcPerRequest,
    cpuMsPerRequest: (cpu.user + cpu.system) / 1000 / Math.max(1, result.requests),
  };
}

async function main(): Promise<void> {
  const started = Date.now();
  const stack = await startStack({ env: { POINTS_EXPIRY_INTERVAL_MS: '0', OUTBOX_INTERVAL_MS: '1000', DATABASE_POOL_SIZE: '20' } });
  try {
    const memberIds: string[] = [];
    const memberTokens: string[] = [];
    for (let i = 0; i < MEMBERS; i += 1) {
      const phone = `137${String(i).padStart(8, '0')}`;
      // Each member signs in (SMS code, registering on first sign-in): the card is read with their own token.
      const member = await stack.loginMember(phone);
      memberIds.push(member.memberId!);
      memberTokens.push(member.accessToken);
      await stack.query(RECORD_ORDER, {
        memberId: member.memberId!,
        orderNo: `SEED-${i}`,
        amount: `${100 + (i % 50) * 37}.00`,
        channel: 'WEB',
      });
    }
    const secret = readCommonConfig('points', stack.env).identitySecret;
    const staff =
      'mutation { createStaff(input: { username: "bench-cashier", password: "bench-cashier-passphrase", roles: [OPERATOR], store: "BENCH-01" }) { id } }';
    await stack.query(staff);
    const cashier = await stack.loginStaff('bench-cashier', 'bench-cashier-passphrase');
    const rows = [
      await measure(stack, 'member card, gateway, varied member', {
        url: stack.gatewayUrl,
        kind: 'card',
        memberIds,
        memberTokens,
        connections: CONNECTIONS,
      }),
      // The same list at two lengths: SQL statements per request must not grow with it.
      await measure(stack, 'member list (staff), 10 members', {
        url: stack.gatewayUrl,
        kind: 'list',
        listSize: 10,
        memberIds,
        token: cashier.accessToken,
        connections: CONNECTIONS,
      }),
      await measure(stack, 'member list (staff), 50 members', {
        url: stack.gatewayUrl,
        kind: 'list',
        listSize: 50,
        memberIds,
        token: cashier.accessToken,
        connections: CONNECTIONS,
      }),
      await measure(stack, 'gRPC tier look-up (member GetMemberTiers), one member a call', {
        url: '',
        kind: 'grpc-tiers',
        memberIds,
        connections: CONNECTIONS,
        grpc: { address: stack.services.member.grpcAddress, serviceToken: readCommonConfig('points', stack.env).serviceToken },
      }),
      await measure(stack, 'earn (recordOrder), gateway, POS staff token', {
        url: stack.gatewayUrl,
        kind: 'earn',
        memberIds,
        token: cashier.accessToken,
        connections: CONNECTIONS,
      }),
      await measure(stack, 'earn (recordOrder), points subgraph direct', {
        url: stack.services.points.httpUrl,
        kind: 'earn',
        memberIds,
        connections: CONNECTIONS,
        signWith: secret,
        signAs: { kind: 'STAFF', subject: 'bench-cashier', roles: ['OPERATOR'], store: 'BENCH-01' },
      }),
    ];
    const comparison = await compareGateways(stack, load, {
      memberIds,
      memberTokens,
      connections: CONNECTIONS,
      durationSeconds: DURATION,
      warmupSeconds: WARMUP,
      rounds: quick ? 1 : 3,
    });
    const database = process.env.DATABASE_URL ? 'MySQL/MariaDB' : 'SQLite (embedded)';
    const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
    const table = [
      `Database: ${database}; ${CONNECTIONS} connections; ${DURATION} s per workload after a ${WARMUP} s warm-up; ${MEMBERS} members; ${machine}.`,
      'Servers and load generator on the same machine; stack CPU is all six servers (one process) per request.',
      '',
      '| workload | req/s | p50 ms | p95 ms | p99 ms | errors | SQL statements / request | gRPC calls / request | stack CPU ms / request |',
      '|---|---|---|---|---|---|---|---|---|',
      ...rows.map(
        (r) =>
          `| ${r.workload} | ${r.result.rps.toFixed(0)} | ${r.result.p50} | ${r.result.p95} | ${r.result.p99} | ${r.result.errors + r.result.non2xx} | ${Object.entries(
            r.sqlPerRequest,
          )
            .map(([s, n]) => `${s} ${n}`)
            .join(', ')} | ${r.grpcPerRequest} | ${r.cpuMsPerRequest.toFixed(2)} |`,
      ),
      '',
      `Gateways side by side, each in its own process over the same subgraphs, ${quick ? 1 : 3} alternating round(s) of ${DURATION} s each:`,
      '',
      '| workload | gateway | req/s | p50 ms (median of rounds) | p99 ms (median of rounds) | errors | gateway CPU ms / request | peak RSS MiB |',
      '|---|---|---|---|---|---|---|---|',
      ...comparison.rows.map(
        (r) =>
          `| ${r.workload} | ${r.gateway} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.errors} | ${r.gatewayCpuMsPerRequest.toFixed(2)} | ${r.peakRssMiB.toFixed(0)} |`,
      ),
      '',
      ...comparison.ratios.map((line) => `- ${line}`),
    ].join('\n');
    console.log(`\n${table}\n`);
    mkdirSync(join(__dirname, '..', '..', 'bench', 'results'), { recursive: true });
    const file = join(__dirname, '..', '..', 'bench', 'results', `${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    writeFileSync(
      file,
      JSON.stringify({ quick, database, machine, connections: CONNECTIONS, durationSeconds: DURATION, rows, comparison, table }, null, 2),
    );
    console.log(`wrote ${file} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  } finally {
    await stack.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
