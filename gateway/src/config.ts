import {
  CHANNELS,
  ConfigError,
  DEFAULT_PORTS,
  envReader,
  JWKS_PATH,
  peerGrpcAddress,
  readGrpcTls,
  readSecrets,
  SERVICE_NAMES,
  type ServiceName,
} from '../../services/kit/src';
import { checkTrustedProxies } from './clientAddress';

/** The gateway's configuration, validated once at start-up; each error names its variable. */
export function loadGatewayConfig(env: Record<string, string | undefined> = process.env) {
  const read = envReader(env);
  const { nodeEnv, identitySecret, serviceToken } = readSecrets(env);
  const production = nodeEnv === 'production';
  const subgraphUrls = Object.fromEntries(
    SERVICE_NAMES.map((name) => [name, read.url(`${name.toUpperCase()}_URL`, `http://127.0.0.1:${DEFAULT_PORTS[name].http}/graphql`)]),
  ) as Record<ServiceName, string>;
  return {
    nodeEnv,
    host: read.string('HOST', '127.0.0.1'),
    port: read.port('GATEWAY_PORT', 4000),
    subgraphUrls,
    identitySecret,
    /** The member service's public signing keys, for verifying access tokens (fetched and cached; refetched on an unknown kid). */
    jwksUrl: read.url('MEMBER_JWKS_URL', new URL(JWKS_PATH, subgraphUrls.member).toString()),
    /** The least time between two key-set fetches (a token with an unknown key id triggers one). */
    jwksCooldownMs: read.int('JWKS_COOLDOWN_MS', 5000, { min: 0, max: 600_000 }),
    /** Partner API keys are checked with the member service over gRPC (with the services' credential) and cached this long. */
    memberGrpcAddress: peerGrpcAddress('member', env),
    serviceToken,
    grpcDeadlineMs: read.int('GRPC_DEADLINE_MS', 2000, { min: 10, max: 60000 }),
    /** Mutual TLS to the member service's gRPC server (the partner-key check); plaintext when unset. */
    grpcTls: readGrpcTls(env),
    partnerKeyCacheMs: read.int('PARTNER_KEY_CACHE_MS', 30_000, { min: 0, max: 3_600_000 }),
    /** The stock gateway waits forever on a subgraph; a dead service must cost milliseconds. */
    subgraphTimeoutMs: read.int('SUBGRAPH_TIMEOUT_MS', 5000, { min: 10, max: 120_000 }),
    /** Introspection and the playground: on by default outside production. */
    introspection: read.boolean('GRAPHQL_INTROSPECTION', !production),
    playground: read.boolean('GRAPHQL_PLAYGROUND', !production),
    maxBodyBytes: read.int('MAX_BODY_BYTES', 1_000_000, { min: 1024 }),
    /** Query limits (graphql-armor); the member card needs depth 4, 7 fields deep at most. */
    limits: {
      maxDepth: read.int('GRAPHQL_MAX_DEPTH', 10, { min: 2, max: 100 }),
      maxAliases: read.int('GRAPHQL_MAX_ALIASES', 15, { min: 0, max: 1000 }),
      maxTokens: read.int('GRAPHQL_MAX_TOKENS', 2000, { min: 100, max: 100_000 }),
      /** Deepest nesting of braces, brackets and parentheses, checked before parsing (stack safety). */
      maxNesting: read.int('GRAPHQL_MAX_NESTING', 64, { min: 8, max: 1000 }),
      maxDirectives: read.int('GRAPHQL_MAX_DIRECTIVES', 20, { min: 0, max: 1000 }),
      maxCost: read.int('GRAPHQL_MAX_COST', 5000, { min: 100, max: 1_000_000 }),
    },
    /**
     * The proxies in front of the gateway (IPs, CIDRs, or `loopback`, `linklocal`, `uniquelocal`):
     * only through them is X-Forwarded-For believed for the client's address (see clientAddress.ts).
     */
    trustedProxies: trustedProxiesConfig(read),
    /** Rate limits, in root fields per minute (see rateLimit.ts); REDIS_URL shares them across replicas. */
    rateLimits: {
      perIdentityPerMinute: read.int('RATE_LIMIT_PER_IDENTITY_PER_MINUTE', 600, { min: 1, max: 10_000_000 }),
      perAddressPerMinute: read.int('RATE_LIMIT_PER_ADDRESS_PER_MINUTE', 1200, { min: 1, max: 10_000_000 }),
      redisUrl: read.optionalString('REDIS_URL'),
    },
    /**
     * Trusted documents: the operations registered in this manifest (Apollo's persisted query
     * manifest format) are always known by hash; the clients named in TRUSTED_DOCUMENTS_ENFORCE
     * (PARTNER and/or member channels such as MINI_PROGRAM) may run nothing else.
     */
    trustedDocuments: trustedDocumentsConfig(read),
    /** Circuit breaker per subgraph: opens when half the recent calls fail, retries after this long. */
    breakerResetMs: read.int('SUBGRAPH_BREAKER_RESET_MS', 5000, { min: 100, max: 600_000 }),
    /** …and at once after this many failed calls in a row (a crashed subgraph refuses every connection). */
    breakerConsecutiveFailures: read.int('SUBGRAPH_BREAKER_CONSECUTIVE_FAILURES', 5, { min: 1, max: 1000 }),
    logLevel: read.oneOf('LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, 'info'),
  };
}

export type GatewayConfig = ReturnType<typeof loadGatewayConfig>;

function trustedProxiesConfig(read: ReturnType<typeof envReader>): string[] {
  const entries = (read.optionalString('TRUSTED_PROXIES') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  try {
    checkTrustedProxies(entries);
  } catch (error) {
    throw new ConfigError('TRUSTED_PROXIES', `must list IP addresses or CIDR ranges: ${(error as Error).message}`);
  }
  return entries;
}

/** Who can be held to registered operations: the channels (PARTNER is also a partner brand's identity). */
const HELD = CHANNELS;

function trustedDocumentsConfig(read: ReturnType<typeof envReader>) {
  const manifest = read.optionalString('TRUSTED_DOCUMENTS_MANIFEST');
  const enforce = (read.optionalString('TRUSTED_DOCUMENTS_ENFORCE') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const client of enforce) {
    if (!(HELD as readonly string[]).includes(client))
      throw new ConfigError('TRUSTED_DOCUMENTS_ENFORCE', `must list some of ${HELD.join(', ')}`);
  }
  if (enforce.length > 0 && !manifest)
    throw new ConfigError('TRUSTED_DOCUMENTS_MANIFEST', 'is required when TRUSTED_DOCUMENTS_ENFORCE is set');
  return { manifest, enforce: new Set(enforce as Array<(typeof HELD)[number]>) };
}
