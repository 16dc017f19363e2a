import { readFileSync } from 'node:fs';
import { createPrivateKey, X509Certificate } from 'node:crypto';

/**
 * Environment parsing for every process. Each getter validates once at start-up and throws a
 * ConfigError that names the offending variable, so a typo fails fast instead of at first use.
 */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`Invalid configuration: ${variable} ${problem}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

function raw(env: Env, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

/** Typed getters over an environment (process.env by default). */
export function envReader(env: Env = process.env) {
  return {
    string(name: string, fallback?: string): string {
      const value = raw(env, name) ?? fallback;
      if (value === undefined) throw new ConfigError(name, 'is required');
      return value;
    },
    optionalString(name: string): string | undefined {
      return raw(env, name);
    },
    int(name: string, fallback: number, range: { min?: number; max?: number } = {}): number {
      const text = raw(env, name);
      if (text === undefined) return fallback;
      if (!/^-?\d+$/.test(text)) throw new ConfigError(name, `must be an integer, got "${text}"`);
      const value = Number(text);
      if (range.min !== undefined && value < range.min) throw new ConfigError(name, `must be >= ${range.min}, got ${value}`);
      if (range.max !== undefined && value > range.max) throw new ConfigError(name, `must be <= ${range.max}, got ${value}`);
      return value;
    },
    port(name: string, fallback: number): number {
      return this.int(name, fallback, { min: 0, max: 65535 });
    },
    boolean(name: string, fallback: boolean): boolean {
      const text = raw(env, name)?.toLowerCase();
      if (text === undefined) return fallback;
      if (['1', 'true', 'yes', 'on'].includes(text)) return true;
      if (['0', 'false', 'no', 'off'].includes(text)) return false;
      throw new ConfigError(name, `must be true or false, got "${text}"`);
    },
    oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
      const text = raw(env, name) ?? fallback;
      if (!allowed.includes(text as T)) throw new ConfigError(name, `must be one of ${allowed.join(', ')}, got "${text}"`);
      return text as T;
    },
    url(name: string, fallback?: string): string {
      const text = raw(env, name) ?? fallback;
      if (text === undefined) throw new ConfigError(name, 'is required');
      try {
        new URL(text);
      } catch {
        throw new ConfigError(name, `must be a URL, got "${text}"`);
      }
      return text;
    },
  };
}

export type EnvReader = ReturnType<typeof envReader>;

export const SERVICE_NAMES = ['member', 'points', 'benefits', 'campaign', 'risk'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

/** Default ports: gateway 4000, subgraphs 4001–4005, their gRPC servers 50051–50055. */
export const DEFAULT_PORTS: Record<ServiceName, { http: number; grpc: number }> = {
  member: { http: 4001, grpc: 50051 },
  points: { http: 4002, grpc: 50052 },
  benefits: { http: 4003, grpc: 50053 },
  campaign: { http: 4004, grpc: 50054 },
  risk: { http: 4005, grpc: 50055 },
};

/** Marks of a value nobody replaced: deploy/k8s/secrets.yaml's REPLACE-…, CHANGE-ME, example values. */
const PLACEHOLDER = /replace|change[-_ ]?me|changeit|example|placeholder|dummy|your[-_ ]?(secret|key|token|password)/i;

/** The least a production secret holds, by the estimate below: 100 bits, over 24 characters at least. */
export const MIN_SECRET_BITS = 100;
export const MIN_SECRET_LENGTH = 24;

/** Every development default a process knows: production refuses each of them wherever it turns up. */
const developmentDefaults = new Set<string>();

/** Registers a development default (returns it), so that production refuses it for any secret. */
export function developmentDefault(value: string): string {
  developmentDefaults.add(value);
  return value;
}

/**
 * A rough ceiling of a text's entropy: its length times the Shannon entropy of its character
 * frequencies. `aaaa…`, `1234…` and short words score low; 32 random bytes in base64 score ~220.
 */
export function estimatedBits(text: string): number {
  const counts = new Map<string, number>();
  for (const char of text) counts.set(char, (counts.get(char) ?? 0) + 1);
  let perChar = 0;
  for (const count of counts.values()) perChar -= (count / text.length) * Math.log2(count / text.length);
  return perChar * text.length;
}

/**
 * A text that is one block repeated (`abcabc…`) or is largely a run like `123456` or `fedcba` (a
 * quarter of it, at least 6 characters). A short run inside a long random value is chance, not a
 * pattern: `openssl rand -hex 32` holds one of 6 about once in a hundred draws, and refusing it
 * would refuse a good secret.
 */
function patterned(text: string): boolean {
  const longRun = Math.max(6, Math.ceil(text.length / 4));
  for (let period = 1; period <= text.length / 2; period += 1) {
    if (text.slice(period) === text.slice(0, text.length - period)) return true;
  }
  let up = 1;
  let down = 1;
  for (let i = 1; i < text.length; i += 1) {
    const step = text.charCodeAt(i) - text.charCodeAt(i - 1);
    up = step === 1 ? up + 1 : 1;
    down = step === -1 ? down + 1 : 1;
    if (up >= longRun || down >= longRun) return true;
  }
  return false;
}

/**
 * THE rule for every secret a production process reads (signing secret, service credential, PII
 * keys, SMS key, …): not a placeholder, not a development default, not low in entropy. Throws a
 * ConfigError naming the variable; the value itself is never repeated in the message.
 */
export function assertProductionSecret(variable: string, value: string): void {
  if (PLACEHOLDER.test(value)) throw new ConfigError(variable, 'is a placeholder; set a real random secret (openssl rand -base64 32)');
  if (developmentDefaults.has(value)) throw new ConfigError(variable, 'is a development default; set a real random secret');
  if (value.length < MIN_SECRET_LENGTH || estimatedBits(value) < MIN_SECRET_BITS || patterned(value))
    throw new ConfigError(variable, `is too weak: use at least ${MIN_SECRET_LENGTH} random characters (openssl rand -base64 32)`);
}

/**
 * A secret from `name`: in production required and held to assertProductionSecret; elsewhere
 * `fallback` (a development default) when unset; never shorter than `minLength` in any mode.
 */
export function readSecret(env: Env, name: string, fallback?: string, minLength = 1): string {
  const read = envReader(env);
  const production = read.oneOf('NODE_ENV', ['development', 'production', 'test'] as const, 'development') === 'production';
  const value = production ? read.string(name) : read.string(name, fallback);
  if (value.length < minLength) throw new ConfigError(name, `must be at least ${minLength} characters`);
  if (production) assertProductionSecret(name, value);
  return value;
}

/** A database URL's password is a secret too (secrets.yaml ships `REPLACE-password`); a URL without one is left alone. */
function assertDatabasePassword(variable: string, url: string): void {
  let password: string;
  try {
    password = decodeURIComponent(new URL(url).password);
  } catch {
    return; // not a URL: resolveDatabaseTarget names the variable
  }
  if (password) assertProductionSecret(variable, password);
}

const DEV_SECRET = developmentDefault('membergraph-development-secret-change-me');
const DEV_SERVICE_TOKEN = developmentDefault(`${DEV_SECRET}-grpc`);

/**
 * The environment and the two shared secrets (the gateway's identity signatures, the services'
 * gRPC credential): development defaults only outside production, at least 16 characters, and
 * in production no placeholder, development or weak value (assertProductionSecret).
 */
export function readSecrets(env: Env = process.env) {
  const read = envReader(env);
  const nodeEnv = read.oneOf('NODE_ENV', ['development', 'production', 'test'] as const, 'development');
  return {
    nodeEnv,
    identitySecret: readSecret(env, 'IDENTITY_SIGNING_SECRET', DEV_SECRET, 16),
    serviceToken: readSecret(env, 'SERVICE_TOKEN', DEV_SERVICE_TOKEN, 16),
  };
}

/** PEM files for mutual TLS between services: our CA, this process's certificate and its key. */
export interface GrpcTls {
  ca: Buffer;
  cert: Buffer;
  key: Buffer;
}

const GRPC_TLS_FILES = { ca: 'GRPC_TLS_CA', cert: 'GRPC_TLS_CERT', key: 'GRPC_TLS_KEY' } as const;

/**
 * GRPC_TLS_CA, GRPC_TLS_CERT and GRPC_TLS_KEY (file paths): all three turn on mutual TLS for every
 * gRPC server and client of the process; none keeps plaintext (a private network, the local
 * default). Read and parsed once here, so a missing or malformed file stops the start.
 */
export function readGrpcTls(env: Env = process.env): GrpcTls | undefined {
  const read = envReader(env);
  const paths = Object.fromEntries(Object.entries(GRPC_TLS_FILES).map(([part, name]) => [part, read.optionalString(name)])) as Record<
    keyof GrpcTls,
    string | undefined
  >;
  const given = Object.values(paths).filter(Boolean).length;
  if (given === 0) return undefined;
  if (given < 3) {
    const missing = Object.entries(GRPC_TLS_FILES).find(([part]) => !paths[part as keyof GrpcTls])![1];
    throw new ConfigError(missing, 'is required when any of GRPC_TLS_CA, GRPC_TLS_CERT, GRPC_TLS_KEY is set');
  }
  const file = (part: keyof GrpcTls, check: (pem: Buffer) => unknown): Buffer => {
    const name = GRPC_TLS_FILES[part];
    let pem: Buffer;
    try {
      pem = readFileSync(paths[part]!);
    } catch (error) {
      throw new ConfigError(name, `names a file that cannot be read: ${(error as Error).message}`);
    }
    try {
      check(pem);
    } catch {
      throw new ConfigError(name, `must name a PEM ${part === 'key' ? 'private key' : 'certificate'} (${paths[part]})`);
    }
    return pem;
  };
  return {
    ca: file('ca', (pem) => new X509Certificate(pem)),
    cert: file('cert', (pem) => new X509Certificate(pem)),
    key: file('key', (pem) => createPrivateKey(pem)),
  };
}

/** Settings every service shares, read from `<SERVICE>_*` variables first, then the global ones. */
export function readCommonConfig(service: ServiceName, env: Env = process.env) {
  const read = envReader(env);
  const upper = service.toUpperCase();
  const { nodeEnv, identitySecret: secret, serviceToken } = readSecrets(env);
  const serviceDatabaseUrl = read.optionalString(`${upper}_DATABASE_URL`);
  const databaseUrl = serviceDatabaseUrl ?? read.optionalString('DATABASE_URL');
  if (nodeEnv === 'production' && databaseUrl) {
    assertDatabasePassword(serviceDatabaseUrl ? `${upper}_DATABASE_URL` : 'DATABASE_URL', databaseUrl);
  }
  return {
    service,
    nodeEnv,
    host: read.string('HOST', '127.0.0.1'),
    httpPort: read.port(`${upper}_HTTP_PORT`, DEFAULT_PORTS[service].http),
    grpcPort: read.port(`${upper}_GRPC_PORT`, DEFAULT_PORTS[service].grpc),
    databaseUrl,
    /** A per-service URL's path names that service's database exactly. */
    databaseNamedByUrl: serviceDatabaseUrl !== undefined,
    databasePrefix: read.string('DATABASE_PREFIX', 'membergraph'),
    dataDir: read.string('DATA_DIR', 'data'),
    identitySecret: secret,
    /**
     * How long the gateway's signature over a subgraph request is good for, and the clock skew
     * tolerated between gateway and subgraph hosts: a captured request is useless after it.
     */
    signatureWindow: {
      maxAgeMs: read.int('IDENTITY_SIGNATURE_MAX_AGE_MS', 5000, { min: 100, max: 60_000 }),
      clockSkewMs: read.int('IDENTITY_SIGNATURE_CLOCK_SKEW_MS', 1000, { min: 0, max: 60_000 }),
    },
    /** The credential services present to each other on every gRPC call (shared secret). */
    serviceToken,
    /** MySQL connections per service (SQLite has one). */
    databasePoolSize: read.int('DATABASE_POOL_SIZE', 10, { min: 1, max: 500 }),
    grpcDeadlineMs: read.int('GRPC_DEADLINE_MS', 2000, { min: 10, max: 60000 }),
    /** Mutual TLS for the gRPC server and the peer clients; plaintext when unset. */
    grpcTls: readGrpcTls(env),
    logLevel: read.oneOf('LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, 'info'),
  };
}

export type CommonConfig = ReturnType<typeof readCommonConfig>;

/** The background deliveries' linger when OUTBOX_BATCH_LINGER_MS is unset (README: the earn's staleness windows). */
export const DEFAULT_OUTBOX_BATCH_LINGER_MS = 100;

/**
 * How a service's outbox gathers its background deliveries into batches (the kit's OutboxBatching):
 * OUTBOX_BATCH_LINGER_MS, how long a delivery made after a request's answer waits for more events
 * before it starts (0: at once), and OUTBOX_BATCH_MAX, how many waiting events make it start
 * before the linger ends (up to 500, what one delivery reads and one batch call carries).
 */
export function readOutboxBatching(env: Env = process.env): { lingerMs: number; maxEvents: number } {
  const read = envReader(env);
  return {
    lingerMs: read.int('OUTBOX_BATCH_LINGER_MS', DEFAULT_OUTBOX_BATCH_LINGER_MS, { min: 0, max: 1000 }),
    maxEvents: read.int('OUTBOX_BATCH_MAX', 500, { min: 1, max: 500 }),
  };
}

/** Address of a peer service's gRPC server: `<PEER>_GRPC_ADDRESS`, else localhost and its default port. */
export function peerGrpcAddress(peer: ServiceName, env: Env = process.env): string {
  return envReader(env).string(`${peer.toUpperCase()}_GRPC_ADDRESS`, `127.0.0.1:${DEFAULT_PORTS[peer].grpc}`);
}
