/**
 * `npm run bench:profile`: where our gateway's CPU goes on the member card. Starts the stack, our
 * gateway in its own process under `node --cpu-prof`, drives the varied-member card at it, then
 * prints the profile's top functions and packages by self time (the .cpuprofile is kept under
 * bench/profiles/ for Chrome DevTools or speedscope).
 *
 * `-- --service <name>[,<name>…]` (or `--service all`) profiles subgraph processes instead: the
 * benchmark's cluster (one process per service, scripts/bench/cluster.ts) with the named services
 * under `--cpu-prof`, a seeded programme as the quick bench seeds it, the same card load through our
 * gateway; each service's CPU per card, and its profile counted over the measured load alone
 * (start-up, seeding and the warm-up are left out). With `--earn` the load is the bench's earn
 * (recordOrder through our gateway, a POS staff token) instead of the card.
 */
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SERVICE_NAMES, type ServiceName } from '../../services/kit/src';
import { startStack } from '../../test/harness/startStack';
import { startBenchCluster } from './cluster';
import { load, measure, type Job } from './measure';
import { runningGateway, startOurGateway } from './peers';
import { memberTokens, seedProgramme } from './seed';

const MEMBERS = 200;
const SECONDS = Number(process.env.PROFILE_SECONDS ?? 15);
const dir = join(__dirname, '..', '..', 'bench', 'profiles');

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

/** The package a script belongs to (node_modules/<pkg>), or our own file, or V8/Node's internals. */
function owner(url: string): string {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  if (url.startsWith('node:')) return `node (${url.slice(5)})`;
  if (!url) return '(native: V8, GC, system calls)';
  return url.replace(/^file:\/\//, '').replace(join(__dirname, '..', '..') + '/', '');
}

interface CpuProfile {
  nodes: Array<ProfileNode & { children?: number[] }>;
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/**
 * The profile's top packages and functions by self time, and functions by total time (self and
 * callees), over the samples taken between `window.from` and `window.to` µs before the profile
 * ended (all of them without a window).
 */
function summarise(file: string, window?: { fromEndUs: number; toEndUs: number }): string {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const hitsOf = new Map<number, number>();
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    at += profile.timeDeltas[i] ?? 0;
    if (window && (at < profile.endTime - window.fromEndUs || at > profile.endTime - window.toEndUs)) return;
    hitsOf.set(id, (hitsOf.get(id) ?? 0) + 1);
  });
  const nameOf = (node: ProfileNode) =>
    `${node.callFrame.functionName || '(anonymous)'} — ${owner(node.callFrame.url)}:${node.callFrame.lineNumber + 1}`;
  const byFunction = new Map<string, number>();
  const byOwner = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let total = 0;
  let idle = 0;
  for (const [id, hits] of hitsOf) {
    const node = byId.get(id)!;
    total += hits;
    if (node.callFrame.functionName === '(idle)') {
      idle += hits;
      continue;
    }
    const where = owner(node.callFrame.url);
    byFunction.set(nameOf(node), (byFunction.get(nameOf(node)) ?? 0) + hits);
    byOwner.set(where, (byOwner.get(where) ?? 0) + hits);
    // Each function on the sample's stack once (recursion counts once).
    const seen = new Set<string>();
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
      const frame = byId.get(n)!;
      if (frame.callFrame.functionName === '(root)') continue;
      seen.add(nameOf(frame));
    }
    for (const name of seen) inclusive.set(name, (inclusive.get(name) ?? 0) + hits);
  }
  const busy = total - idle;
  const top = (map: Map<string, number>, n: number) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, hits]) => `| ${((hits / busy) * 100).toFixed(1)}% | ${name} |`);
  return [
    `Busy samples: ${busy} of ${total} (${((busy / Math.max(1, total)) * 100).toFixed(0)}% of the time on CPU).`,
    '',
    '| self time | package or file |',
    '|---|---|',
    ...top(byOwner, 20),
    '',
    '| self time | function |',
    '|---|---|',
    ...top(byFunction, 30),
    '',
    '| total time | function (with what it calls) |',
    '|---|---|',
    ...top(inclusive, 40),
  ].join('\n');
}

/** `--service member,points` or `--service all`: the services to profile (none: the gateway). */
function servicesToProfile(): ServiceName[] {
  const at = process.argv.indexOf('--service');
  if (at < 0) return [];
  const names = (process.argv[at + 1] ?? '').split(',').filter(Boolean);
  if (names.includes('all')) return [...SERVICE_NAMES];
  for (const name of names) {
    if (!(SERVICE_NAMES as readonly string[]).includes(name))
      throw new Error(`--service: no service named ${name} (${SERVICE_NAMES.join(', ')}, all)`);
  }
  if (names.length === 0) throw new Error(`--service needs a name: ${SERVICE_NAMES.join(', ')} or all`);
  return names as ServiceName[];
}

/** What the profiled services are loaded with: the member card, or with `--earn` the till's earn. */
type Workload = 'card' | 'earn';

/** The bench's POS cashier, as its earn rows use one: the token that records orders. */
async function cashierToken(stack: Awaited<ReturnType<typeof startBenchCluster>>): Promise<string> {
  await stack.query(
    'mutation { createStaff(input: { username: "bench-cashier", password: "bench-cashier-passphrase", roles: [OPERATOR], store: "BENCH-01" }) { id } }',
  );
  return (await stack.loginStaff('bench-cashier', 'bench-cashier-passphrase')).accessToken;
}

/** The subgraph processes' profiles on the member card (or the earn) through our gateway (see the header). */
async function profileServices(services: ServiceName[], workload: Workload): Promise<void> {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const fileOf = (service: ServiceName) => `${service}-${stamp}.cpuprofile`;
  const stack = await startBenchCluster(
    {
      OUTBOX_INTERVAL_MS: '1000',
      DATABASE_POOL_SIZE: '20',
      AUTH_ACCESS_TTL_SECONDS: '7200',
      POINTS_REGISTRATION_BONUS: '0',
      POINTS_PROFILE_COMPLETION_BONUS: '0',
    },
    Object.fromEntries(services.map((s) => [s, ['--cpu-prof', `--cpu-prof-dir=${dir}`, `--cpu-prof-name=${fileOf(s)}`]])),
  );
  let window: { from: number; to: number } | undefined;
  let report: string;
  try {
    const seeded = await seedProgramme(stack, { members: 2_000, orders: 20_000, seed: 20_261_125 });
    const step = Math.max(1, Math.floor(seeded.memberIds.length / MEMBERS));
    const memberIds = seeded.memberIds.filter((_, i) => i % step === 0).slice(0, MEMBERS);
    const gateway = runningGateway('ours', stack.gateway.url, stack.gateway.pid);
    const as =
      workload === 'earn'
        ? { kind: 'earn' as const, token: await cashierToken(stack) }
        : { kind: 'card' as const, memberTokens: await memberTokens(stack, memberIds) };
    const job = (durationSeconds: number): Job => ({ url: gateway.url, ...as, memberIds, connections: 20, durationSeconds });
    await load(job(3));
    const from = Date.now();
    const sample = await measure(stack, job(SECONDS), { gateway });
    window = { from, to: Date.now() };
    const r = sample.result;
    const cpu = SERVICE_NAMES.map((s) => `${s} ${sample.cpuMsPerRequest.services[s].toFixed(2)}`).join(', ');
    report =
      `\n${r.rps.toFixed(0)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, errors ${r.errors + r.non2xx}; CPU ms/request: gateway ` +
      `${sample.cpuMsPerRequest.gateway?.toFixed(2)}, ${cpu}, Σ subgraphs ${sample.cpuMsPerRequest.subgraphs.toFixed(2)}; ` +
      `SQL/request ${JSON.stringify(sample.sqlPerRequest)}\n`;
  } finally {
    await stack.stop();
  }
  console.log(report);
  // The profiles end when the processes exit (a clean stop): the window counts back from there.
  const exitedAt = Date.now();
  for (const service of services) {
    const file = join(dir, fileOf(service));
    const body = window
      ? summarise(file, { fromEndUs: (exitedAt - window.from) * 1000, toEndUs: (exitedAt - window.to) * 1000 })
      : 'no load was measured';
    console.log(`\n## ${service}\n\n${body}\n\nprofile: bench/profiles/${fileOf(service)}`);
  }
}

async function main(): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const services = servicesToProfile();
  if (services.length) return profileServices(services, process.argv.includes('--earn') ? 'earn' : 'card');
  const stack = await startStack({ env: { POINTS_EXPIRY_INTERVAL_MS: '0' } });
  try {
    const memberIds: string[] = [];
    const memberTokens: string[] = [];
    for (let i = 0; i < MEMBERS; i += 1) {
      const member = await stack.loginMember(`136${String(i).padStart(8, '0')}`);
      memberIds.push(member.memberId!);
      memberTokens.push(member.accessToken);
    }
    const before = new Set(readdirSync(dir));
    const gateway = await startOurGateway(stack, ['--cpu-prof', `--cpu-prof-dir=${dir}`]);
    const job = (durationSeconds: number): Job => ({
      url: gateway.url,
      kind: 'card',
      memberIds,
      memberTokens,
      connections: 20,
      durationSeconds,
    });
    await load(job(3));
    const cpuBefore = gateway.cpuMs();
    const result = await load(job(SECONDS));
    const cpuMs = gateway.cpuMs() - cpuBefore;
    await gateway.stop();
    const file = readdirSync(dir).find((name) => name.endsWith('.cpuprofile') && !before.has(name));
    console.log(
      `\n${result.rps.toFixed(0)} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms, errors ${result.errors + result.non2xx}, ` +
        `gateway CPU ${(cpuMs / result.requests).toFixed(2)} ms/request\n`,
    );
    console.log(file ? `${summarise(join(dir, file))}\n\nprofile: bench/profiles/${file}` : 'no profile was written');
  } finally {
    await stack.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
