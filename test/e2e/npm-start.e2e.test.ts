import { spawn, type ChildProcess } from 'node:child_process';
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

describe('npm start', () => {
  const database = testDatabaseEnv();
  let child: ChildProcess | undefined;
  afterAll(async () => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    await database.cleanup();
  });

  it('builds, starts six processes, seeds the demo programme, answers the member card, and stops cleanly on Ctrl-C', async () => {
    // Ports are picked up front (npm start needs them as variables); another test process can take
    // one before it is bound, so a start that fails with EADDRINUSE is tried again on new ports.
    let ports!: Record<string, string>;
    let output!: string;
    for (let attempt = 1; ; attempt += 1) {
      ports = { GATEWAY_PORT: String(await freePort()) };
      for (const service of SERVICE_NAMES) {
        ports[`${service.toUpperCase()}_HTTP_PORT`] = String(await freePort());
        ports[`${service.toUpperCase()}_GRPC_PORT`] = String(await freePort());
      }
      child = spawn(process.execPath, [join(root, 'scripts', 'start.js')], {
        cwd: root,
        env: { ...process.env, ...database.env, ...ports, LOG_LEVEL: 'warn' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      try {
        output = await waitForOutput(child, 'Press Ctrl-C to stop.', 120_000);
        break;
      } catch (error) {
        if (attempt >= 3 || !String(error).includes('EADDRINUSE')) throw error;
        if (child.exitCode === null) child.kill('SIGKILL');
      }
    }
    const gatewayUrl = `http://127.0.0.1:${ports.GATEWAY_PORT}/graphql`;
    expect(output).toContain(gatewayUrl);
    const demoMember = /a demo member: ([0-9a-f-]{36})/.exec(output)?.[1];
    expect(demoMember).toBeDefined();

    // Anonymous callers see no member data; the development administrator printed at start does.
    const anonymous = await postGraphQL(gatewayUrl, MEMBER_CARD, { id: demoMember });
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const [, username, password] = /staffLogin\(username: "([^"]+)", password: "([^"]+)"\)/.exec(output) ?? [];
    const login = await postGraphQL(
      gatewayUrl,
      'mutation($u: String!, $p: String!) { staffLogin(username: $u, password: $p) { accessToken } }',
      {
        u: username,
        p: password,
      },
    );
    const token = login.body.data.staffLogin.accessToken;
    const { status, body } = await postGraphQL(gatewayUrl, MEMBER_CARD, { id: demoMember }, { authorization: `Bearer ${token}` });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    // The welcome bonus (100) and the first demo member's orders (1299.00, 458.50, 89.90) under the seeded 1.5× campaign.
    expect(body.data.member).toMatchObject({
      maskedPhone: '138****0001',
      tier: { id: 'REGULAR' },
      points: { balance: 100 + 1948 + 687 + 134 },
      liveCampaigns: [{ activityCoefficient: 1.5 }],
      risk: { level: 'LOW', assessments: 3 },
    });
    expect(body.data.member.benefits.length).toBeGreaterThan(0);

    const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    // Every process is gone: nothing answers on the gateway's port any more.
    await expect(fetch(gatewayUrl.replace('/graphql', '/healthz'))).rejects.toThrow();
  }, 180_000);
});
