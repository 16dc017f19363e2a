import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { join } from 'node:path';
import { grpc } from '../../services/kit/src';
import { startStack, testDatabaseEnv } from '../harness/startStack';

/** How long a process may take from SIGTERM to exit: its HTTP and gRPC graces (5 s each, together) and a margin. */
const SHUTDOWN_BUDGET_MS = 10_000;

const root = join(__dirname, '..', '..');
const ENTRIES = {
  member: 'services/member/src/index.ts',
  points: 'services/points/src/index.ts',
  benefits: 'services/benefits/src/index.ts',
  campaign: 'services/campaign/src/index.ts',
  risk: 'services/risk/src/index.ts',
  gateway: 'gateway/src/index.ts',
};

interface LogLine {
  msg: string;
  httpUrl?: string;
  url?: string;
  grpcAddress?: string;
}

/**
 * Runs one process from its index.ts as `npm run start:<name>` would (from source here, so the
 * test needs no build, and with NODE_ENV=development, its default: Apollo Server handles signals
 * itself outside NODE_ENV=test), waits for its "started" log line, leaves open what clients leave
 * open (an idle keep-alive HTTP socket, a connected gRPC channel), then sends SIGTERM.
 */
async function startThenTerminate(name: keyof typeof ENTRIES, env: Record<string, string | undefined>) {
  const child = spawn(process.execPath, [join(root, 'scripts', 'run-ts.js'), join(root, ENTRIES[name])], {
    cwd: root,
    env: { ...process.env, ...env, LOG_LEVEL: 'info', NODE_ENV: 'development' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: LogLine[] = [];
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const started = new Promise<LogLine>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      for (const text of chunk.toString().split('\n').filter(Boolean)) {
        const line = JSON.parse(text) as LogLine;
        lines.push(line);
        if (line.msg.endsWith('started')) resolve(line);
      }
    });
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code} before starting: ${stderr}`)));
  });
  const line = await started;
  const url = (line.httpUrl ?? line.url)!;
  expect((await fetch(url.replace('/graphql', '/healthz'))).status).toBe(200);
  const { hostname, port } = new URL(url);
  const idle = connect(Number(port), hostname);
  idle.on('error', () => undefined);
  idle.write(`GET /healthz HTTP/1.1\r\nhost: ${hostname}\r\nconnection: keep-alive\r\n\r\n`);
  const channel = line.grpcAddress ? new grpc.Client(line.grpcAddress, grpc.credentials.createInsecure()) : undefined;
  if (channel) await new Promise<void>((resolve, reject) => channel.waitForReady(Date.now() + 5000, (e) => (e ? reject(e) : resolve())));
  const exit = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const signalled = Date.now();
  child.kill('SIGTERM');
  const overBudget = new Promise<'over budget'>((resolve) => setTimeout(() => resolve('over budget'), SHUTDOWN_BUDGET_MS).unref());
  const code = await Promise.race([exit, overBudget]);
  if (code === 'over budget') child.kill('SIGKILL');
  channel?.close();
  idle.destroy();
  return { code, lines, url, tookMs: Date.now() - signalled };
}

describe(`every process stops cleanly on SIGTERM, within ${SHUTDOWN_BUDGET_MS / 1000} s, on ${process.env.DATABASE_URL ? 'MySQL' : 'SQLite'}`, () => {
  const database = testDatabaseEnv();
  const ports = Object.fromEntries(
    ['MEMBER', 'POINTS', 'BENEFITS', 'CAMPAIGN', 'RISK'].flatMap((s) => [
      [`${s}_HTTP_PORT`, '0'],
      [`${s}_GRPC_PORT`, '0'],
    ]),
  );
  afterAll(() => database.cleanup());

  it.each(Object.keys(ENTRIES) as Array<keyof typeof ENTRIES>)(
    '%s drains, closes and exits 0',
    async (name) => {
      const { code, lines, url } = await startThenTerminate(name, { ...database.env, ...ports, GATEWAY_PORT: '0' });
      expect(code).toBe(0); // 'over budget' when it was still running SHUTDOWN_BUDGET_MS after SIGTERM
      expect(lines.map((l) => l.msg)).toEqual(expect.arrayContaining([`${name} stopping`, `${name} stopped`]));
      await expect(fetch(url)).rejects.toThrow();
    },
    60_000,
  );
});

describe('signals belong to runUntilSignal alone', () => {
  // Apollo Server installs its own SIGTERM/SIGINT handler whenever NODE_ENV is not "test"; it raced
  // runUntilSignal's, and Apollo 5 never wakes a second concurrent stop(), so a process could log
  // "stopping" and hang for good (seen on MySQL). No server of ours may add a signal listener.
  it('starting every service and the gateway, outside NODE_ENV=test, adds no SIGTERM or SIGINT listener', async () => {
    const nodeEnv = process.env.NODE_ENV;
    const before = { SIGTERM: process.listenerCount('SIGTERM'), SIGINT: process.listenerCount('SIGINT') };
    process.env.NODE_ENV = 'development';
    try {
      const stack = await startStack();
      try {
        expect({ SIGTERM: process.listenerCount('SIGTERM'), SIGINT: process.listenerCount('SIGINT') }).toEqual(before);
      } finally {
        await stack.stop();
      }
    } finally {
      process.env.NODE_ENV = nodeEnv;
    }
  });
});

/** Starts one process with `env` and answers its exit code and standard output. */
async function startWith(entry: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [join(root, 'scripts', 'run-ts.js'), join(root, entry)], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { code, output };
}

describe('a bad configuration value', () => {
  it('stops the process at start-up with a message naming the variable', async () => {
    const { code, output } = await startWith(ENTRIES.points, { POINTS_GRPC_PORT: 'fifty', LOG_LEVEL: 'info' });
    expect(code).toBe(1);
    expect(output).toContain('POINTS_GRPC_PORT must be an integer, got \\"fifty\\"');
  }, 60_000);

  it('names LOG_LEVEL too, which is read before the logger exists', async () => {
    const { code, output } = await startWith(ENTRIES.gateway, { LOG_LEVEL: 'chatty' });
    expect(code).toBe(1);
    expect(output).toContain('LOG_LEVEL must be one of');
  }, 60_000);
});
