#!/usr/bin/env node
/**
 * `npm start`: builds if the sources changed, starts the five services and the gateway (each
 * service migrates its own database as it starts), seeds a demo programme on first run, prints the
 * URLs, and stops everything cleanly on Ctrl-C.
 * `npm run start:<name>`: runs that one process in the foreground.
 * `npm run migrate`: applies migrations and exits. `npm run job:expire`, `npm run job:reevaluate-tiers`:
 * the points expiry and the yearly tier re-evaluation, once, then exit. `npm run job:retrain-models`,
 * `npm run job:evaluate-models`: the risk models' quarterly retrain and monthly evaluation, once.
 * `npm run job:birthdays`: today's birthday rewards, once.
 * Plain JavaScript so that it runs before anything is built.
 */
'use strict';
const { spawn, spawnSync } = require('node:child_process');
const { existsSync, readdirSync, statSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { startBanner } = require('./startBanner');

const root = join(__dirname, '..');
const dist = join(root, 'dist');
const stamp = join(dist, '.build-stamp');
const SERVICES = ['member', 'campaign', 'risk', 'benefits', 'points'];
const JOBS = {
  expire: 'services/points/src/jobs/expire.js',
  'reevaluate-tiers': 'services/points/src/jobs/reevaluateTiers.js',
  'retrain-models': 'services/risk/src/jobs/retrainModels.js',
  'evaluate-models': 'services/risk/src/jobs/evaluateModels.js',
  birthdays: 'services/benefits/src/jobs/birthdays.js',
};
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

/** The first administrator's credential, as the member service reads it (none in production without STAFF_BOOTSTRAP_ADMIN). */
function adminCredential(env) {
  return require(join(dist, 'services/member/src/config.js')).bootstrapAdminCredential(env) ?? undefined;
}

/**
 * First start only: seeds the demo programme when the services hold no data (dist/scripts/seedDemo.js
 * decides and writes with the services' own access). A failure is reported, never fatal: a stack
 * that has data, or a developer who can seed later, is better served running.
 */
async function seedDemo(env, wiring) {
  const urls = { member: wiring.MEMBER_URL, points: wiring.POINTS_URL, campaign: wiring.CAMPAIGN_URL };
  try {
    return { member: await require(join(dist, 'scripts/seedDemo.js')).seedDemoIfEmpty({ ...env, ...wiring }, urls) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/** Restart delays for a process that died: 1 s, doubling, at most 30 s. */
const backoffMs = (attempt) => Math.min(30_000, 1000 * 2 ** (attempt - 1));
/** A process that dies this many times in a row before it is ready again stops the stack. */
const MAX_FAILED_STARTS = 5;

/**
 * Starts every process and supervises them as a developer's process manager would: one that dies
 * is restarted with backoff (and the log says so); the stack stops on Ctrl-C, or when a process
 * keeps dying before it is ready (MAX_FAILED_STARTS in a row).
 */
async function startAll() {
  const env = { LOG_LEVEL: 'warn', ...process.env };
  const { wiring, readyz, gatewayUrl } = topology(env);
  const children = new Map();
  let stopping = false;
  const stopAll = (code) => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping…');
    for (const child of children.values()) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    Promise.all(
      [...children.values()].map((c) => (c.exitCode !== null || c.signalCode !== null ? null : new Promise((r) => c.once('exit', r)))),
    ).then(() => process.exit(code));
  };
  process.on('SIGINT', () => stopAll(0));
  process.on('SIGTERM', () => stopAll(0));

  /** Spawns `name`, resolves once it is ready; if it dies later it is restarted. */
  const launch = async (name, failedStarts = 0) => {
    const child = spawn(process.execPath, [entry(name)], { env: { ...env, ...wiring }, stdio: 'inherit' });
    children.set(name, child);
    let ready = false;
    child.once('exit', (code, signal) => {
      if (stopping) return;
      const failed = ready ? 1 : failedStarts + 1;
      if (failed >= MAX_FAILED_STARTS) {
        console.error(`${name} exited (${signal ?? code}) ${failed} times in a row before it was ready; stopping the rest.`);
        return stopAll(1);
      }
      const delay = backoffMs(failed);
      console.error(`${name} exited (${signal ?? code}); restarting it in ${delay / 1000} s (attempt ${failed}).`);
      setTimeout(() => {
        if (stopping) return;
        launch(name, failed).then(
          () => console.error(`${name} restarted and ready.`),
          () => undefined, // its exit handler decides what comes next
        );
      }, delay).unref();
    });
    await waitUntilReady(readyz(name), child);
    ready = true;
  };

  try {
    for (const name of [...SERVICES, 'gateway']) await launch(name);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    return stopAll(1);
  }
  const seed = await seedDemo(env, wiring);
  const admin = adminCredential(env);
  const services = SERVICES.map((name) => ({
    name,
    url: wiring[`${name.toUpperCase()}_URL`],
    grpc: wiring[`${name.toUpperCase()}_GRPC_ADDRESS`],
  }));
  console.log(`\n${startBanner(env, { gatewayUrl, services, demoMember: seed.member, seedError: seed.error, admin })}`);
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
