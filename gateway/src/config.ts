import { ConfigError, DEFAULT_PORTS, envReader, SERVICE_NAMES, type ServiceName } from '../../services/kit/src';

const DEV_SECRET = 'membergraph-development-secret-change-me';

/** The gateway's configuration, validated once at start-up; each error names its variable. */
export function loadGatewayConfig(env: Record<string, string | undefined> = process.env) {
  const read = envReader(env);
  const nodeEnv = read.oneOf('NODE_ENV', ['development', 'production', 'test'] as const, 'development');
  const production = nodeEnv === 'production';
  const identitySecret = production ? read.string('IDENTITY_SIGNING_SECRET') : read.string('IDENTITY_SIGNING_SECRET', DEV_SECRET);
  if (identitySecret.length < 16) throw new ConfigError('IDENTITY_SIGNING_SECRET', 'must be at least 16 characters');
  const subgraphUrls = Object.fromEntries(
    SERVICE_NAMES.map((name) => [name, read.url(`${name.toUpperCase()}_URL`, `http://127.0.0.1:${DEFAULT_PORTS[name].http}/graphql`)]),
  ) as Record<ServiceName, string>;
  return {
    nodeEnv,
    host: read.string('HOST', '127.0.0.1'),
    port: read.port('GATEWAY_PORT', 4000),
    subgraphUrls,
    identitySecret,
    /** The stock gateway waits forever on a subgraph; a dead service must cost milliseconds. */
    subgraphTimeoutMs: read.int('SUBGRAPH_TIMEOUT_MS', 5000, { min: 10, max: 120_000 }),
    /** Introspection and the playground: on by default outside production. */
    introspection: read.boolean('GRAPHQL_INTROSPECTION', !production),
    playground: read.boolean('GRAPHQL_PLAYGROUND', !production),
    maxBodyBytes: read.int('MAX_BODY_BYTES', 1_000_000, { min: 1024 }),
    logLevel: read.oneOf('LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, 'info'),
  };
}

export type GatewayConfig = ReturnType<typeof loadGatewayConfig>;
