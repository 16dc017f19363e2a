import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { testDatabaseEnv } from '../harness/startStack';

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
}

/**
 * Runs one process from its index.ts as `npm run start:<name>` would (from source here, so the
 * test needs no build), waits for its "started" log line, then sends SIGTERM.
 */
async function startThenTerminate(name: keyof typeof ENTRIES, env: Record<string, string | undefined>) {
  const child = spawn(process.execPath, [join(root, 'scripts', 'run-ts.js'), join(root, ENTRIES[name])], {
    cwd: root,
    env: { ...process.env, ...env, LOG_LEVEL: 'info', NODE_ENV: 'test' },
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
  const exit = new Promise<number | null>((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  return { code: await exit, lines, url };
}

describe('every process stops cleanly on SIGTERM', () => {
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
      expect(code).toBe(0);
      expect(lines.map((l) => l.msg)).toEqual(expect.arrayContaining([`${name} stopping`, `${name} stopped`]));
      await expect(fetch(url)).rejects.toThrow();
    },
    60_000,
  );
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
