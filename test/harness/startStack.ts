import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './freePort';
import { createGateway, type GatewayHandle } from '../../gateway/src/server';
import { loadGatewayConfig } from '../../gateway/src/config';
import {
  createLogger,
  dropDatabase,
  readCommonConfig,
  resolveDatabaseTarget,
  SERVICE_NAMES,
  signIdentity,
  type Identity,
  type ServiceHandle,
  type ServiceName,
} from '../../services/kit/src';
import { loadBenefitsConfig } from '../../services/benefits/src/config';
import { createBenefitsService } from '../../services/benefits/src/server';
import { loadCampaignConfig } from '../../services/campaign/src/config';
import { createCampaignService } from '../../services/campaign/src/server';
import { loadMemberConfig } from '../../services/member/src/config';
import { createMemberService } from '../../services/member/src/server';
import type { SmsSender } from '../../services/member/src/auth/sms';
import { bootstrapAdminCredential } from '../../services/member/src/config';
import { loadPointsConfig } from '../../services/points/src/config';
import { createPointsService } from '../../services/points/src/server';
import { loadRiskConfig } from '../../services/risk/src/config';
import { createRiskService } from '../../services/risk/src/server';

export type Env = Record<string, string | undefined>;

let counter = 0;

/**
 * An isolated database environment for one test file: a temporary SQLite folder, or, when
 * DATABASE_URL names a MySQL server, databases with a unique prefix that cleanup() drops.
 */
export function testDatabaseEnv(): { env: Env; cleanup(): Promise<void> } {
  counter += 1;
  const prefix = `mgt${process.pid}x${counter}x${Date.now() % 100000}`;
  if (process.env.DATABASE_URL) {
    const env = { DATABASE_URL: process.env.DATABASE_URL, DATABASE_PREFIX: prefix };
    return {
      env,
      cleanup: async () => {
        for (const service of SERVICE_NAMES) await dropDatabase(resolveDatabaseTarget(readCommonConfig(service, env)));
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'membergraph-test-'));
  return { env: { DATA_DIR: dir, DATABASE_PREFIX: prefix }, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Quiet, and no background schedules unless a test asks for one: a timer's statements would make
 * statement counts and timings depend on luck.
 */
const QUIET: Env = {
  LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
  NODE_ENV: 'test',
  OUTBOX_INTERVAL_MS: '0',
  POINTS_EXPIRY_INTERVAL_MS: '0',
  BIRTHDAY_JOB_CHECK_MS: '0',
  // Every test signs in from 127.0.0.1: per-address limits are tested on their own.
  LOGIN_MAX_CODES_PER_HOUR_PER_ADDRESS: '100000',
  LOGIN_MAX_FAILURES_PER_HOUR_PER_ADDRESS: '100000',
  // Likewise the gateway's rate limits (tested in rate-limits.e2e.test.ts).
  RATE_LIMIT_PER_IDENTITY_PER_MINUTE: '10000000',
  RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '10000000',
};
/** Tests count points exactly; the welcome and profile bonuses are tested on their own. */
const NO_BONUSES: Env = { POINTS_REGISTRATION_BONUS: '0', POINTS_PROFILE_COMPLETION_BONUS: '0' };

/**
 * HTTP on any free port; gRPC on ports chosen up front, because member and points each need the
 * other's address when they start (member sends events to points, points asks member for tiers).
 */
async function ports(): Promise<Env> {
  const env: Env = {};
  for (const service of SERVICE_NAMES) {
    const grpcPort = await freePort();
    env[`${service.toUpperCase()}_HTTP_PORT`] = '0';
    env[`${service.toUpperCase()}_GRPC_PORT`] = String(grpcPort);
    env[`${service.toUpperCase()}_GRPC_ADDRESS`] = `127.0.0.1:${grpcPort}`;
  }
  return env;
}

const FACTORIES = {
  member: (env: Env, sms?: SmsSender) => createMemberService(loadMemberConfig(env), createLogger('member', env.LOG_LEVEL), { sms }),
  campaign: (env: Env) => createCampaignService(loadCampaignConfig(env), createLogger('campaign', env.LOG_LEVEL)),
  risk: (env: Env) => createRiskService(loadRiskConfig(env), createLogger('risk', env.LOG_LEVEL)),
  benefits: (env: Env) => createBenefitsService(loadBenefitsConfig(env), createLogger('benefits', env.LOG_LEVEL)),
  points: (env: Env) => createPointsService(loadPointsConfig(env), createLogger('points', env.LOG_LEVEL)),
} satisfies Record<ServiceName, (env: Env, sms?: SmsSender) => Promise<ServiceHandle>>;

export interface GraphQLResponse<T = any> {
  data?: T | null;
  errors?: Array<{ message: string; path?: unknown[]; extensions?: Record<string, unknown> }>;
}

/** Headers for a request, or a function of its exact body (signed identity headers cover the body). */
export type HeadersFor = Record<string, string> | ((body: string) => Record<string, string>);

/** POSTs a GraphQL operation (JSON) and returns status and body. */
export async function postGraphQL<T = any>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: HeadersFor = {},
): Promise<{ status: number; body: GraphQLResponse<T> }> {
  const body = JSON.stringify({ query, variables });
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(typeof headers === 'function' ? headers(body) : headers) },
    body,
  });
  return { status: response.status, body: (await response.json()) as GraphQLResponse<T> };
}

/** A production configuration for a test stack: real random secrets and keys (production refuses weak ones), labelled. */
export function productionEnv(label: string): Env {
  const secret = () => `${randomBytes(24).toString('base64url')}-${label}`;
  return {
    NODE_ENV: 'production',
    IDENTITY_SIGNING_SECRET: secret(),
    SERVICE_TOKEN: secret(),
    STAFF_BOOTSTRAP_ADMIN: `first-admin:${secret()}`,
    PII_ENCRYPTION_KEYS: `k1:${randomBytes(32).toString('base64')}`,
    PII_INDEX_KEY: randomBytes(32).toString('base64'),
  };
}

/** What querySubgraph signs by default: staff with every role, as the gateway would forward an administrator. */
export const TEST_ADMIN: Identity = { kind: 'STAFF', subject: 'test-admin', roles: ['ADMIN'] };

/** A signed-in caller's tokens. */
export interface SignedIn {
  accessToken: string;
  refreshToken: string;
  memberId?: string;
}

export interface Stack {
  gatewayUrl: string;
  services: Record<ServiceName, ServiceHandle>;
  env: Env;
  /** Through the gateway, signed in as the development ADMIN (a real staff login). */
  query<T = any>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  /** Through the gateway with this access token (null: anonymous). */
  queryAs<T = any>(accessToken: string | null, query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  /** Signs a member in through the gateway with an SMS code (registering them on first sign-in). */
  loginMember(phone: string, channel?: string): Promise<SignedIn>;
  /** Signs staff in through the gateway. */
  loginStaff(username: string, password: string): Promise<SignedIn>;
  /** The sign-in codes sent so far, newest last (the SMS provider is the true edge: recorded, not sent). */
  sms: Array<{ phone: string; code: string }>;
  /** Straight to one subgraph, with headers signed as the gateway would (for TEST_ADMIN unless told). */
  querySubgraph<T = any>(
    service: ServiceName,
    query: string,
    variables?: Record<string, unknown>,
    identity?: Identity,
  ): Promise<GraphQLResponse<T>>;
  stop(): Promise<void>;
}

/**
 * Starts the five services and the gateway in this process, every server on port 0, each service
 * on its own fresh database; peers are wired by the addresses they actually bound.
 */
export async function startStack(options: { env?: Env; withGateway?: boolean } = {}): Promise<Stack> {
  // A port chosen up front can be taken by another test process before it is bound: try again.
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await startStackOnce(options);
    } catch (error) {
      if (attempt >= 3 || !String(error).includes('EADDRINUSE')) throw error;
    }
  }
}

async function startStackOnce(options: { env?: Env; withGateway?: boolean }): Promise<Stack> {
  const database = testDatabaseEnv();
  const env: Env = { ...QUIET, ...NO_BONUSES, ...(await ports()), ...database.env, ...options.env };
  const started: Partial<Record<ServiceName, ServiceHandle>> = {};
  let gateway: GatewayHandle | undefined;
  const stop = async () => {
    await gateway?.stop();
    await Promise.all(Object.values(started).map((s) => s.stop()));
    await database.cleanup();
  };
  try {
    const sms: Array<{ phone: string; code: string }> = [];
    const recordingSms: SmsSender = { name: 'test recorder', sendLoginCode: async (phone, code) => void sms.push({ phone, code }) };
    for (const name of ['member', 'campaign', 'risk', 'benefits', 'points'] as const)
      started[name] = await FACTORIES[name](env, recordingSms);
    const services = started as Record<ServiceName, ServiceHandle>;
    if (options.withGateway !== false) {
      // The services' real addresses, unless a test points the gateway somewhere else on purpose.
      const urls = Object.fromEntries(SERVICE_NAMES.map((s) => [`${s.toUpperCase()}_URL`, services[s].httpUrl]));
      gateway = await createGateway(loadGatewayConfig({ ...urls, ...env, GATEWAY_PORT: '0' }), createLogger('gateway', env.LOG_LEVEL));
    }
    const secret = readCommonConfig('member', env).identitySecret;
    const queryAs = async (token: string | null, query: string, variables?: Record<string, unknown>) =>
      (await postGraphQL(gateway!.url, query, variables, token ? { authorization: `Bearer ${token}` } : {})).body;
    const session = async (field: string, call: string, variables: Record<string, unknown>): Promise<SignedIn> => {
      const response = await queryAs(null, `mutation { ${field}: ${call} { accessToken refreshToken member { id } } }`, variables);
      if (!response.data?.[field]) throw new Error(`${field} failed: ${JSON.stringify(response.errors)}`);
      const { accessToken, refreshToken, member } = response.data[field];
      return { accessToken, refreshToken, ...(member ? { memberId: member.id } : {}) };
    };
    const loginStaff = (username: string, password: string) =>
      session('staffLogin', `staffLogin(username: ${JSON.stringify(username)}, password: ${JSON.stringify(password)})`, {});
    const loginMember = async (phone: string, channel = 'WEB') => {
      await queryAs(null, `mutation { requestLoginCode(phone: ${JSON.stringify(phone)}) { expiresIn } }`);
      const code = [...sms].reverse().find((m) => phone.endsWith(m.phone.slice(-11)))?.code;
      if (!code) throw new Error(`no sign-in code was sent to ${phone}`);
      return session('loginWithCode', `loginWithCode(phone: ${JSON.stringify(phone)}, code: "${code}", channel: ${channel})`, {});
    };
    let admin: Promise<SignedIn> | undefined;
    const { username: adminName, password: adminPassword } = bootstrapAdminCredential(env)!;
    return {
      gatewayUrl: gateway?.url ?? '',
      services,
      env,
      sms,
      queryAs,
      loginMember,
      loginStaff,
      query: async (query, variables) => queryAs((await (admin ??= loginStaff(adminName, adminPassword))).accessToken, query, variables),
      querySubgraph: async (service, query, variables, identity = TEST_ADMIN) =>
        (await postGraphQL(services[service].httpUrl, query, variables, (body) => signIdentity(identity, secret, body))).body,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
