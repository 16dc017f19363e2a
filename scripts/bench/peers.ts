/**
 * The gateways the benchmark compares, each in its own process so each one's CPU time is its own:
 * ours (gateway/src/index.ts) and Hive Gateway (hive/hive-gateway.ts), both over the same running
 * subgraphs (the benchmark's cluster already runs ours: `runningGateway` measures that one).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { JWKS_PATH, readCommonConfig, SERVICE_NAMES, type ServiceName } from '../../services/kit/src';
import type { Env } from '../../test/harness/startStack';
import { processCpuMs, processPeakRssMiB } from './processes';

export interface GatewayProcess {
  name: string;
  url: string;
  pid: number;
  /** CPU milliseconds (user + system) the process has used so far, from /proc. */
  cpuMs(): number;
  /** Peak resident set size so far, in MiB. */
  peakRssMiB(): number;
  stop(): Promise<void>;
}

const root = join(__dirname, '..', '..');

/** Where the subgraphs run and what they were started with: the test stack or the benchmark's cluster. */
export interface Subgraphs {
  env: Env;
  services: Record<ServiceName, { httpUrl: string }>;
}

/** A gateway process someone else started and stops (the cluster's), measured from /proc. */
export function runningGateway(name: string, url: string, pid: number): GatewayProcess {
  return { name, url, pid, cpuMs: () => processCpuMs(pid), peakRssMiB: () => processPeakRssMiB(pid), stop: async () => undefined };
}

function spawnGateway(
  name: string,
  entry: string,
  env: NodeJS.ProcessEnv,
  ready: RegExp,
  nodeArgs: string[] = [],
): Promise<GatewayProcess> {
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, join(root, 'scripts', 'run-ts.js'), join(root, entry)], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = ready.exec(output)?.[1];
      if (!url) return;
      child.stdout!.off('data', onData);
      resolve({
        name,
        url,
        pid: child.pid!,
        cpuMs: () => processCpuMs(child.pid!),
        peakRssMiB: () => processPeakRssMiB(child.pid!),
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`${name} exited (${code}) before it listened:\n${output}`)));
  });
}

/** Our gateway in its own process, configured like the in-process one of the stack (`nodeArgs`: e.g. --cpu-prof). */
export function startOurGateway(stack: Subgraphs, nodeArgs: string[] = []): Promise<GatewayProcess> {
  const urls = Object.fromEntries(SERVICE_NAMES.map((s) => [`${s.toUpperCase()}_URL`, stack.services[s].httpUrl]));
  const env = { ...stack.env, ...urls, GATEWAY_PORT: '0', LOG_LEVEL: 'info' } as NodeJS.ProcessEnv;
  return spawnGateway('ours', 'gateway/src/index.ts', env, /"url":"(http:[^"]+\/graphql)"[^\n]*gateway started/, nodeArgs);
}

/** Hive Gateway in its own process over the same subgraphs, verifying the same tokens. */
export function startHiveGateway(stack: Subgraphs): Promise<GatewayProcess> {
  const config = {
    subgraphUrls: Object.fromEntries(SERVICE_NAMES.map((s) => [s, stack.services[s].httpUrl])),
    jwksUrl: new URL(JWKS_PATH, stack.services.member.httpUrl).toString(),
    identitySecret: readCommonConfig('member', stack.env).identitySecret,
  };
  return spawnGateway(
    'hive',
    'scripts/bench/hive/hive-gateway.ts',
    { HIVE_CONFIG: JSON.stringify(config) },
    /listening (http:\S+\/graphql)/,
  );
}
