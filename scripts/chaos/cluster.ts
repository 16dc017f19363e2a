/**
 * The five services and the gateway, each in its own process, wired like `npm start` wires them
 * (scripts/start.js): ports chosen up front so a killed service comes back on the same address, and
 * each service on its own fresh database (testDatabaseEnv: SQLite files in a temporary folder, or
 * MySQL databases with a unique prefix) that a restart opens again.
 */
import { loadGatewayConfig } from '../../gateway/src/config';
import { SERVICE_NAMES, type ServiceName } from '../../services/kit/src';
import { bootstrapAdminCredential } from '../../services/member/src/config';
import { freePort } from '../../test/harness/freePort';
import { postGraphQL, testDatabaseEnv, type GraphQLResponse } from '../../test/harness/startStack';
import { ChaosProcess, type Env } from './child-process';

export interface Cluster {
  /** What every process was started with: database, ports, limits. */
  env: Env;
  gatewayUrl: string;
  services: Record<ServiceName, ChaosProcess>;
  gateway: ChaosProcess;
  /** The gateway's breaker reset and subgraph timeout, as its config reads them from `env`. */
  breakerResetMs: number;
  subgraphTimeoutMs: number;
  /** The development ADMIN's access token (staffLogin with the bootstrap credential). */
  adminToken: string;
  /** Through the gateway as that ADMIN. */
  query<T>(query: string, variables?: Record<string, unknown>): Promise<{ status: number; body: GraphQLResponse<T> }>;
  /** Stops every process cleanly and removes the databases. */
  stop(): Promise<void>;
}

/**
 * The harness is one client on 127.0.0.1 sending far more than a person would: lift the gateway's
 * rate limits (as the test harness does). Expiry has nothing to do on fresh databases, so it stays off.
 */
const HARNESS_ENV: Env = {
  NODE_ENV: 'development',
  // The "started" line the launcher waits for is logged at info.
  LOG_LEVEL: 'info',
  RATE_LIMIT_PER_IDENTITY_PER_MINUTE: '10000000',
  RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '10000000',
  POINTS_EXPIRY_INTERVAL_MS: '0',
};

const ENTRIES: Record<ServiceName, string> = {
  member: 'services/member/src/index.ts',
  points: 'services/points/src/index.ts',
  benefits: 'services/benefits/src/index.ts',
  campaign: 'services/campaign/src/index.ts',
  risk: 'services/risk/src/index.ts',
};

/** Every service's HTTP and gRPC port, and the addresses peers and the gateway find them at. */
async function wiring(): Promise<Env> {
  const env: Env = {};
  for (const service of SERVICE_NAMES) {
    const upper = service.toUpperCase();
    const [http, grpc] = [await freePort(), await freePort()];
    env[`${upper}_HTTP_PORT`] = String(http);
    env[`${upper}_GRPC_PORT`] = String(grpc);
    env[`${upper}_URL`] = `http://127.0.0.1:${http}/graphql`;
    env[`${upper}_GRPC_ADDRESS`] = `127.0.0.1:${grpc}`;
  }
  return env;
}

async function staffToken(gatewayUrl: string, env: Env): Promise<string> {
  const admin = bootstrapAdminCredential(env);
  if (!admin) throw new Error('no bootstrap administrator in this environment (set STAFF_BOOTSTRAP_ADMIN)');
  const { body } = await postGraphQL(
    gatewayUrl,
    'mutation($u: String!, $p: String!) { staffLogin(username: $u, password: $p) { accessToken } }',
    {
      u: admin.username,
      p: admin.password,
    },
  );
  const token = body.data?.staffLogin?.accessToken as string | undefined;
  if (!token) throw new Error(`staffLogin failed: ${JSON.stringify(body.errors)}`);
  return token;
}

/**
 * Starts the five services (in parallel: each knows its peers' addresses up front), then the gateway.
 * `nodeArgs` gives a process Node options of its own (the benchmark profiles one with `--cpu-prof`).
 */
export async function startCluster(
  extraEnv: Env = {},
  nodeArgs: Partial<Record<ServiceName | 'gateway', string[]>> = {},
): Promise<Cluster> {
  const database = testDatabaseEnv();
  const env: Env = { ...HARNESS_ENV, ...(await wiring()), ...database.env, ...extraEnv };
  const services = Object.fromEntries(SERVICE_NAMES.map((s) => [s, new ChaosProcess(s, ENTRIES[s], env, nodeArgs[s])])) as Record<
    ServiceName,
    ChaosProcess
  >;
  const gateway = new ChaosProcess('gateway', 'gateway/src/index.ts', { ...env, GATEWAY_PORT: '0' }, nodeArgs.gateway);
  const stop = async () => {
    await gateway.stop();
    await Promise.all(Object.values(services).map((s) => s.stop()));
    await database.cleanup();
  };
  try {
    await Promise.all(Object.values(services).map((s) => s.start()));
    await gateway.start();
    const gatewayConfig = loadGatewayConfig(env);
    const adminToken = await staffToken(gateway.url, env);
    return {
      env,
      gatewayUrl: gateway.url,
      services,
      gateway,
      breakerResetMs: gatewayConfig.breakerResetMs,
      subgraphTimeoutMs: gatewayConfig.subgraphTimeoutMs,
      adminToken,
      query: (query, variables = {}) => postGraphQL(gateway.url, query, variables, { authorization: `Bearer ${adminToken}` }),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
