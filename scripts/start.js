#!/usr/bin/env node
/**
 * `npm start`: builds if the sources changed, starts the five services and the gateway (each
 * service migrates its own database as it starts), seeds a demo programme on first run, prints the
 * URLs, and stops everything cleanly on Ctrl-C.
 * `npm run start:<name>`: runs that one process in the foreground.
 * `npm run migrate`: applies migrations and exits. `npm run job:expire`, `npm run job:reevaluate-tiers`:
 * the points expiry and the yearly tier re-evaluation, once, then exit.
 * Plain JavaScript so that it runs before anything is built.
 */
'use strict';
const { spawn, spawnSync } = require('node:child_process');
const { existsSync, readdirSync, statSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const dist = join(root, 'dist');
const stamp = join(dist, '.build-stamp');
const SERVICES = ['member', 'campaign', 'risk', 'benefits', 'points'];
const JOBS = { expire: 'services/points/src/jobs/expire.js', 'reevaluate-tiers': 'services/points/src/jobs/reevaluateTiers.js' };
const DEFAULTS = {
  gateway: [4000],
  member: [4001, 50051],
  points: [4002, 50052],
  benefits: [4003, 50053],
  campaign: [4004, 50054],
  risk: [4005, 50055],
};

function newest(dir) {
  let latest = 0;
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || name === '__tests__') continue;
    const path = join(dir, name);
    const stat = statSync(path);
    if (stat.isDirectory()) latest = Math.max(latest, newest(path));
    else if (name.endsWith('.ts')) latest = Math.max(latest, stat.mtimeMs);
  }
  return latest;
}

function buildIfNeeded() {
  const sources = Math.max(...['services', 'gateway', 'proto', 'scripts'].map((d) => newest(join(root, d))));
  if (existsSync(stamp) && statSync(stamp).mtimeMs >= sources) return;
  console.log('Building (TypeScript → dist/)…');
  const result = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json')], {
    stdio: 'inherit',
    cwd: root,
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
  writeFileSync(stamp, new Date().toISOString());
}

function entry(name) {
  return name === 'gateway' ? join(dist, 'gateway/src/index.js') : join(dist, 'services', name, 'src/index.js');
}

/** Ports from the same variables the processes read, so peers find each other. */
function topology(env) {
  const host = env.HOST || '127.0.0.1';
  const port = (name, kind, i) => Number(env[`${name.toUpperCase()}_${kind}_PORT`] || DEFAULTS[name][i]);
  const wiring = {};
  for (const name of SERVICES) {
    wiring[`${name.toUpperCase()}_URL`] = env[`${name.toUpperCase()}_URL`] || `http://${host}:${port(name, 'HTTP', 0)}/graphql`;
    wiring[`${name.toUpperCase()}_GRPC_ADDRESS`] = env[`${name.toUpperCase()}_GRPC_ADDRESS`] || `${host}:${port(name, 'GRPC', 1)}`;
  }
  const gatewayPort = Number(env.GATEWAY_PORT || DEFAULTS.gateway[0]);
  const readyz = (name) => `http://${host}:${name === 'gateway' ? gatewayPort : port(name, 'HTTP', 0)}/readyz`;
  return { wiring, readyz, gatewayUrl: `http://${host}:${gatewayPort}/graphql` };
}

async function waitUntilReady(url, child, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: process exited with code ${child.exitCode}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} not ready after ${timeoutMs} ms`);
}

async function graphql(url, query, variables = {}, token = undefined) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors) throw new Error(`seed failed: ${JSON.stringify(body.errors)}`);
  return body.data;
}

const DEMO_MEMBERS = [
  { phone: '13800000001', channel: 'WEB', orders: ['1299.00', '458.50', '89.90'] },
  { phone: '13900000002', channel: 'MINI_PROGRAM', orders: ['3200.00', '120.00'] },
  { phone: '13700000003', channel: 'POS', orders: ['99.00'] },
  { phone: '15000000004', channel: 'PARTNER', orders: ['560.00', '560.00', '1880.00', '45.00'] },
  { phone: '18600000005', channel: 'WEB', orders: [] },
];

/** The first administrator's credential, as the member service reads it (none in production without STAFF_BOOTSTRAP_ADMIN). */
function adminCredential(env) {
  return require(join(dist, 'services/member/src/config.js')).bootstrapAdminCredential(env) ?? undefined;
}

/**
 * First run only (no members yet): a live campaign and demo members with orders, through the
 * gateway, signed in as the first administrator.
 */
async function seedDemo(url, admin) {
  const { staffLogin } = await graphql(
    url,
    'mutation($u: String!, $p: String!) { staffLogin(username: $u, password: $p) { accessToken } }',
    {
      u: admin.username,
      p: admin.password,
    },
  );
  const call = (query, variables) => graphql(url, query, variables, staffLogin.accessToken);
  const { members } = await call('{ members(first: 1) { id } }');
  if (members.length > 0) return undefined;
  const year = new Date().getUTCFullYear();
  await call('mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { id } }', {
    input: {
      name: 'Member month 會員月 (1.5× points)',
      activityCoefficient: '1.5',
      startsAt: `${year}-01-01T00:00:00Z`,
      endsAt: `${year + 1}-01-01T00:00:00Z`,
    },
  });
  let first;
  for (const [i, demo] of DEMO_MEMBERS.entries()) {
    const { registerMember } = await call('mutation($p: String!, $c: Channel!) { registerMember(phone: $p, channel: $c) { id } }', {
      p: demo.phone,
      c: demo.channel,
    });
    first ??= registerMember.id;
    for (const [j, amount] of demo.orders.entries()) {
      await call(
        'mutation($m: ID!, $o: String!, $a: String!, $c: Channel!) { recordOrder(memberId: $m, orderNo: $o, amount: $a, channel: $c) { pointsEarned } }',
        {
          m: registerMember.id,
          o: `DEMO-${i + 1}-${j + 1}`,
          a: amount,
          c: demo.channel,
        },
      );
    }
  }
  return first;
}

async function startAll() {
  const env = { LOG_LEVEL: 'warn', ...process.env };
  const { wiring, readyz, gatewayUrl } = topology(env);
  const children = new Map();
  let stopping = false;
  const stopAll = (code) => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping…');
    for (const child of children.values()) if (child.exitCode === null) child.kill('SIGTERM');
    Promise.all([...children.values()].map((c) => (c.exitCode !== null ? null : new Promise((r) => c.once('exit', r))))).then(() =>
      process.exit(code),
    );
  };
  process.on('SIGINT', () => stopAll(0));
  process.on('SIGTERM', () => stopAll(0));
  try {
    for (const name of [...SERVICES, 'gateway']) {
      const child = spawn(process.execPath, [entry(name)], { env: { ...env, ...wiring }, stdio: 'inherit' });
      children.set(name, child);
      child.once('exit', (code, signal) => {
        if (!stopping) {
          console.error(`${name} exited (${signal ?? code}); stopping the rest.`);
          stopAll(1);
        }
      });
      await waitUntilReady(readyz(name), child);
    }
    const admin = adminCredential(env);
    const demoMember = admin ? await seedDemo(gatewayUrl, admin) : undefined;
    console.log(`
MemberGraph is running.
  gateway + playground  ${gatewayUrl}
${SERVICES.map((s) => `  ${s.padEnd(20)}  ${wiring[`${s.toUpperCase()}_URL`]}  gRPC ${wiring[`${s.toUpperCase()}_GRPC_ADDRESS`]}`).join('\n')}
${demoMember ? `Seeded the demo programme; a demo member: ${demoMember}\n` : ''}${
      admin && !env.STAFF_BOOTSTRAP_ADMIN
        ? `Staff sign-in (development only): staffLogin(username: "${admin.username}", password: "${admin.password}")\n`
        : ''
    }Members sign in with requestLoginCode + loginWithCode; the development SMS sender logs the code.
Press Ctrl-C to stop.`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    stopAll(1);
  }
}

const arg = process.argv[2];
buildIfNeeded();
if (arg === '--migrate-only') require(join(dist, 'scripts/migrate.js'));
else if (arg === '--job' && JOBS[process.argv[3]]) require(join(dist, JOBS[process.argv[3]]));
else if (arg === 'gateway' || SERVICES.includes(arg)) require(entry(arg));
else if (arg === undefined) startAll();
else {
  console.error(`unknown argument ${arg}; expected nothing, --migrate-only, gateway or one of ${SERVICES.join(', ')}`);
  process.exit(2);
}
