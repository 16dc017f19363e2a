/**
 * `npm run bench:profile`: where our gateway's CPU goes on the member card. Starts the stack, our
 * gateway in its own process under `node --cpu-prof`, drives the varied-member card at it, then
 * prints the profile's top functions and packages by self time (the .cpuprofile is kept under
 * bench/profiles/ for Chrome DevTools or speedscope).
 */
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startStack } from '../../test/harness/startStack';
import { load, type Job } from './measure';
import { startOurGateway } from './peers';

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

function summarise(file: string): string {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as { nodes: ProfileNode[]; samples: number[] };
  const total = profile.samples.length;
  const byFunction = new Map<string, number>();
  const byOwner = new Map<string, number>();
  for (const node of profile.nodes) {
    const hits = node.hitCount ?? 0;
    if (!hits || node.callFrame.functionName === '(idle)') continue;
    const where = owner(node.callFrame.url);
    const name = `${node.callFrame.functionName || '(anonymous)'} — ${where}:${node.callFrame.lineNumber + 1}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + hits);
    byOwner.set(where, (byOwner.get(where) ?? 0) + hits);
  }
  const idle = profile.nodes.filter((n) => n.callFrame.functionName === '(idle)').reduce((sum, n) => sum + (n.hitCount ?? 0), 0);
  const busy = total - idle;
  const top = (map: Map<string, number>, n: number) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, hits]) => `| ${((hits / busy) * 100).toFixed(1)}% | ${name} |`);
  return [
    `Busy samples: ${busy} of ${total} (${((busy / total) * 100).toFixed(0)}% of the time on CPU).`,
    '',
    '| self time | package or file |',
    '|---|---|',
    ...top(byOwner, 20),
    '',
    '| self time | function |',
    '|---|---|',
    ...top(byFunction, 30),
  ].join('\n');
}

async function main(): Promise<void> {
  mkdirSync(dir, { recursive: true });
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
