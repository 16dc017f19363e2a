import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { SERVICE_NAMES } from '../../services/kit/src';
import { freePort } from '../harness/freePort';
import { MEMBER_CARD } from '../harness/operations';
import { postGraphQL, testDatabaseEnv } from '../harness/startStack';

const root = join(__dirname, '..', '..');

/** Resolves with the accumulated output once `text` has been printed; rejects if the process exits first. */
function waitForOutput(child: ChildProcess, text: string, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let output!: string;
    const timer = setTimeout(() => reject(new Error(`no "${text}" within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(text)) {
        clearTimeout(timer);
        resolve(output);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before "${text}":\n${output}`));
    });
  });
}

/** Ports picked up front (npm start needs them as variables). */
async function freshPorts(): Promise<Record<string, string>> {
  const ports: Record<string, string> = { GATEWAY_PORT: String(await freePort()) };
  for (const service of SERVICE_NAMES) {
    ports[`${service.toUpperCase()}_HTTP_PORT`] = String(await freePort());
    ports[`${service.toUpperCase()}_GRPC_PORT`] = String(await freePort());
  }
  return ports;
}

const stopped = (child: ChildProcess) =>
  new Promise<number | null>((resolve) =>
    child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', (code) => resolve(code)),
  );

describe('npm start', () => {
  const database = testDatabaseEnv();
  let child: ChildProcess | undefined;
  afterAll(async () => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    await database.cleanup();
  });

  /** Runs `npm start` until it prints that it runs; a start that lost a port race is tried again on new ports. */
  async function start(env: Record<string, string> = {}): Promise<{ output: string; gatewayUrl: string; ports: Record<string, string> }> {
    for (let attempt = 1; ; attempt += 1) {
      const ports = await freshPorts();
      child = spawn(process.execPath, [join(root, 'scripts', 'start.js')], {
        cwd: root,
        env: { ...process.env, ...database.env, ...ports, LOG_LEVEL: 'warn', ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      try {
        const output = await waitForOutput(child, 'Press Ctrl-C to stop.', 120_000);
        return { output, gatewayUrl: `http://127.0.0.1:${ports.GATEWAY_PORT}/graphql`, ports };
      } catch (error) {
        if (attempt >= 3 || !String(error).includes('EADDRINUSE')) throw error;
        if (child.exitCode === null) child.kill('SIGKILL');
      }
    }
  }

  async function card(gatewayUrl: string, username: string, password: string, memberId: string) {
    const login = await postGraphQL(
      gatewayUrl,
      'mutation($u: String!, $p: String!) { staffLogin(username: $u, password: $p) { accessToken } }',
      { u: username, p: password },
    );
    const token = login.body.data.staffLogin.accessToken;
    return postGraphQL(gatewayUrl, MEMBER_CARD, { id: memberId }, { authorization: `Bearer ${token}` });
  }

  it('builds, starts six processes, seeds the demo programme, answers the member card, restarts a crashed service, and stops cleanly on Ctrl-C; a second start with a changed administrator comes up without seeding again', async () => {
    const first = await start();
    const { output, gatewayUrl } = first;
    expect(output).toContain(gatewayUrl);
    const demoMember = /a demo member: ([0-9a-f-]{36})/.exec(output)?.[1];
    expect(demoMember).toBeDefined();

    // Anonymous callers see no member data; the development administrator printed at start does.
    const anonymous = await postGraphQL(gatewayUrl, MEMBER_CARD, { id: demoMember });
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const [, username, password] = /staffLogin\(username: "([^"]+)", password: "([^"]+)"\)/.exec(output) ?? [];
    const { status, body } = await card(gatewayUrl, username, password, demoMember!);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    // The welcome bonus (100) and the first demo member's orders (1299.00, 458.50, 89.90) under the seeded 1.5× campaign.
    const seededCard = {
      maskedPhone: '138****0001',
      tier: { id: 'REGULAR' },
      points: { balance: 100 + 1948 + 687 + 134 },
      liveCampaigns: [{ activityCoefficient: 1.5 }],
      risk: { level: 'LOW', assessments: 3 },
    };
    expect(body.data.member).toMatchObject(seededCard);
    expect(body.data.member.benefits.length).toBeGreaterThan(0);

    // A crashed service is restarted with backoff, and the stack serves the whole card again.
    const pointsPid = pidListening(first.ports.POINTS_HTTP_PORT) ?? 0;
    expect(pointsPid).toBeGreaterThan(0);
    const restarted = waitForOutput(child!, 'points restarted and ready.', 60_000);
    process.kill(pointsPid, 'SIGKILL');
    const log = await restarted;
    expect(log).toMatch(/points exited \(SIGKILL\); restarting it in 1 s \(attempt 1\)/);
    const afterCrash = await card(gatewayUrl, username, password, demoMember!);
    expect(afterCrash.body.errors).toBeUndefined();
    expect(afterCrash.body.data.member).toMatchObject(seededCard);

    child!.kill('SIGINT');
    expect(await stopped(child!)).toBe(0);
    // Every process is gone: nothing answers on the gateway's port any more.
    await expect(fetch(gatewayUrl.replace('/graphql', '/healthz'))).rejects.toThrow();

    // Same data, the administrator's password changed: the start neither signs in nor seeds again.
    const second = await start({ STAFF_BOOTSTRAP_ADMIN: 'admin:a-password-the-first-start-never-had' });
    expect(second.output).not.toMatch(/Seeded the demo programme|not seeded/);
    const again = await card(second.gatewayUrl, username, password, demoMember!);
    expect(again.body.data.member).toMatchObject(seededCard);
    child!.kill('SIGINT');
    expect(await stopped(child!)).toBe(0);
  }, 300_000);
});

/** The pid of the process listening on a local TCP port, from /proc (Linux). */
function pidListening(port: string): number | undefined {
  const hex = Number(port).toString(16).toUpperCase().padStart(4, '0');
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    if (!existsSync(table)) continue;
    for (const line of readFileSync(table, 'utf8').split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      if (fields[1]?.endsWith(`:${hex}`) && fields[3] === '0A') inodes.add(fields[9]);
    }
  }
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      for (const fd of readdirSync(`/proc/${pid}/fd`)) {
        const target = readlinkSync(`/proc/${pid}/fd/${fd}`);
        if (inodes.has(target.replace(/^socket:\[(\d+)\]$/, '$1'))) return Number(pid);
      }
    } catch {
      // a process that ended, or one we may not read
    }
  }
  return undefined;
}
