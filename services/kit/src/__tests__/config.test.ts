import {
  ConfigError,
  DEFAULT_OUTBOX_BATCH_LINGER_MS,
  DEFAULT_PORTS,
  SERVICE_NAMES,
  envReader,
  peerGrpcAddress,
  readCommonConfig,
  readOutboxBatching,
} from '../config';
import { thrown } from '../../../../test/harness/thrown';

// Strong enough for production (assertProductionSecret): random, not a phrase.
const SECRET = 'q8Yc0t3kZ1vX9sR2mP7wN4bL6hJ5fD0a';

describe('ConfigError', () => {
  it('names the variable in its message and property', () => {
    const error = new ConfigError('FOO', 'is broken');
    expect(error.message).toBe('Invalid configuration: FOO is broken');
    expect(error.variable).toBe('FOO');
    expect(error.name).toBe('ConfigError');
    expect(error).toBeInstanceOf(Error);
  });
});

describe('envReader.string / optionalString', () => {
  it('returns the trimmed value, the fallback when unset or blank, and requires a value otherwise', () => {
    const read = envReader({ A: '  x  ', BLANK: '   ' });
    expect(read.string('A')).toBe('x');
    expect(read.string('BLANK', 'fb')).toBe('fb');
    expect(read.string('MISSING', 'fb')).toBe('fb');
    expect(thrown(ConfigError, () => read.string('MISSING')).message).toBe('Invalid configuration: MISSING is required');
    expect(thrown(ConfigError, () => read.string('BLANK')).variable).toBe('BLANK');
    expect(read.optionalString('A')).toBe('x');
    expect(read.optionalString('BLANK')).toBeUndefined();
    expect(read.optionalString('MISSING')).toBeUndefined();
  });
});

describe('envReader.int / port', () => {
  it('parses integers, including negatives and surrounding spaces', () => {
    const read = envReader({ N: '42', NEG: '-7', SP: ' 8 ' });
    expect(read.int('N', 0)).toBe(42);
    expect(read.int('NEG', 0)).toBe(-7);
    expect(read.int('SP', 0)).toBe(8);
    expect(read.int('UNSET', 13)).toBe(13);
  });

  it.each(['1.5', 'abc', '0x10', '1e3', '12px', '+5'])('rejects non-integer %p naming the variable', (text) => {
    const error = thrown(ConfigError, () => envReader({ POOL: text }).int('POOL', 1));
    expect(error.variable).toBe('POOL');
    expect(error.message).toBe(`Invalid configuration: POOL must be an integer, got "${text}"`);
  });

  it('checks the inclusive range and names the variable', () => {
    const read = (value: string) => envReader({ DEADLINE: value });
    expect(read('10').int('DEADLINE', 0, { min: 10, max: 100 })).toBe(10);
    expect(read('100').int('DEADLINE', 0, { min: 10, max: 100 })).toBe(100);
    const low = thrown(ConfigError, () => read('9').int('DEADLINE', 0, { min: 10, max: 100 }));
    expect(low.message).toBe('Invalid configuration: DEADLINE must be >= 10, got 9');
    const high = thrown(ConfigError, () => read('101').int('DEADLINE', 0, { min: 10, max: 100 }));
    expect(high.message).toBe('Invalid configuration: DEADLINE must be <= 100, got 101');
    expect(high.variable).toBe('DEADLINE');
  });

  it('does not range-check the fallback', () => {
    expect(envReader({}).int('X', -5, { min: 0 })).toBe(-5);
  });

  it('limits ports to 0..65535', () => {
    expect(envReader({ P: '0' }).port('P', 1)).toBe(0);
    expect(envReader({ P: '65535' }).port('P', 1)).toBe(65535);
    expect(envReader({}).port('P', 4001)).toBe(4001);
    expect(thrown(ConfigError, () => envReader({ P: '65536' }).port('P', 1)).message).toMatch(/^Invalid configuration: P must be <= 65535/);
    expect(thrown(ConfigError, () => envReader({ P: '-1' }).port('P', 1)).message).toMatch(/^Invalid configuration: P must be >= 0/);
  });
});

describe('envReader.boolean', () => {
  it.each(['1', 'true', 'TRUE', 'Yes', 'on', ' on '])('%p is true', (text) => {
    expect(envReader({ B: text }).boolean('B', false)).toBe(true);
  });

  it.each(['0', 'false', 'False', 'no', 'OFF'])('%p is false', (text) => {
    expect(envReader({ B: text }).boolean('B', true)).toBe(false);
  });

  it('uses the fallback when unset or blank', () => {
    expect(envReader({}).boolean('B', true)).toBe(true);
    expect(envReader({ B: '' }).boolean('B', false)).toBe(false);
  });

  it('rejects anything else naming the variable', () => {
    const error = thrown(ConfigError, () => envReader({ VERBOSE: 'maybe' }).boolean('VERBOSE', false));
    expect(error.variable).toBe('VERBOSE');
    expect(error.message).toBe('Invalid configuration: VERBOSE must be true or false, got "maybe"');
  });
});

describe('envReader.oneOf', () => {
  const allowed = ['a', 'b'] as const;
  it('accepts an allowed value or the fallback', () => {
    expect(envReader({ M: 'b' }).oneOf('M', allowed, 'a')).toBe('b');
    expect(envReader({ M: ' b ' }).oneOf('M', allowed, 'a')).toBe('b');
    expect(envReader({}).oneOf('M', allowed, 'a')).toBe('a');
  });

  it('is case-sensitive and names the variable and the allowed values', () => {
    const error = thrown(ConfigError, () => envReader({ MODE: 'B' }).oneOf('MODE', allowed, 'a'));
    expect(error.variable).toBe('MODE');
    expect(error.message).toBe('Invalid configuration: MODE must be one of a, b, got "B"');
  });
});

describe('envReader.url', () => {
  it('accepts URLs and returns the text unchanged', () => {
    expect(envReader({ U: 'http://localhost:4001/graphql' }).url('U')).toBe('http://localhost:4001/graphql');
    expect(envReader({}).url('U', 'mysql://root@127.0.0.1:3306')).toBe('mysql://root@127.0.0.1:3306');
  });

  it('requires a value without fallback and rejects non-URLs, naming the variable', () => {
    expect(thrown(ConfigError, () => envReader({}).url('GATEWAY_URL')).message).toBe('Invalid configuration: GATEWAY_URL is required');
    const error = thrown(ConfigError, () => envReader({ GATEWAY_URL: 'localhost 4000' }).url('GATEWAY_URL'));
    expect(error.variable).toBe('GATEWAY_URL');
    expect(error.message).toBe('Invalid configuration: GATEWAY_URL must be a URL, got "localhost 4000"');
  });
});

describe('envReader', () => {
  it('reads integers within a range and names the variable when one is wrong', () => {
    const read = envReader({ A: '42', B: 'forty', C: '70000' });
    expect(read.int('A', 1)).toBe(42);
    expect(read.int('MISSING', 7)).toBe(7);
    expect(() => read.int('B', 1)).toThrow(/B must be an integer, got "forty"/);
    expect(() => read.port('C', 1)).toThrow(/C must be <= 65535/);
    expect(() => read.port('C', 1)).toThrow(ConfigError);
  });

  it('reads booleans, choices and URLs', () => {
    const read = envReader({ ON: 'yes', OFF: '0', BAD: 'maybe', MODE: 'product', URL: 'http://x:1/graphql', NOTURL: 'x y' });
    expect(read.boolean('ON', false)).toBe(true);
    expect(read.boolean('OFF', true)).toBe(false);
    expect(() => read.boolean('BAD', true)).toThrow(/BAD must be true or false/);
    expect(read.oneOf('MODE', ['max', 'product'], 'max')).toBe('product');
    expect(() => read.oneOf('ON', ['max', 'product'], 'max')).toThrow(/ON must be one of max, product/);
    expect(read.url('URL')).toBe('http://x:1/graphql');
    expect(() => read.url('NOTURL')).toThrow(/NOTURL must be a URL/);
    expect(() => read.string('NOPE')).toThrow(/NOPE is required/);
  });
});

describe('readCommonConfig', () => {
  it('gives each service its default ports and a development secret', () => {
    const config = readCommonConfig('points', {});
    expect(config).toMatchObject({ service: 'points', httpPort: 4002, grpcPort: 50052, nodeEnv: 'development', databaseUrl: undefined });
    expect(config.identitySecret.length).toBeGreaterThanOrEqual(16);
  });

  it('has development defaults for every service', () => {
    for (const service of SERVICE_NAMES) {
      const config = readCommonConfig(service, {});
      expect(config).toEqual({
        service,
        nodeEnv: 'development',
        host: '127.0.0.1',
        httpPort: DEFAULT_PORTS[service].http,
        grpcPort: DEFAULT_PORTS[service].grpc,
        databaseUrl: undefined,
        databaseNamedByUrl: false,
        databasePrefix: 'membergraph',
        dataDir: 'data',
        identitySecret: expect.any(String),
        serviceToken: expect.any(String),
        databasePoolSize: 10,
        grpcDeadlineMs: 2000,
        grpcTls: undefined,
        signatureWindow: { maxAgeMs: 5000, clockSkewMs: 1000 },
        logLevel: 'info',
      });
      expect(config.identitySecret.length).toBeGreaterThanOrEqual(16);
    }
  });

  it('reads the identity signature window, within bounds', () => {
    const env = { IDENTITY_SIGNATURE_MAX_AGE_MS: '3000', IDENTITY_SIGNATURE_CLOCK_SKEW_MS: '250' };
    expect(readCommonConfig('points', env).signatureWindow).toEqual({ maxAgeMs: 3000, clockSkewMs: 250 });
    expect(() => readCommonConfig('points', { IDENTITY_SIGNATURE_MAX_AGE_MS: '120000' })).toThrow(/IDENTITY_SIGNATURE_MAX_AGE_MS/);
    expect(() => readCommonConfig('points', { IDENTITY_SIGNATURE_CLOCK_SKEW_MS: '-1' })).toThrow(/IDENTITY_SIGNATURE_CLOCK_SKEW_MS/);
  });

  it('uses the documented default ports', () => {
    expect(DEFAULT_PORTS).toEqual({
      member: { http: 4001, grpc: 50051 },
      points: { http: 4002, grpc: 50052 },
      benefits: { http: 4003, grpc: 50053 },
      campaign: { http: 4004, grpc: 50054 },
      risk: { http: 4005, grpc: 50055 },
    });
  });

  it('reads per-service ports only for that service', () => {
    const env = { POINTS_HTTP_PORT: '9002', POINTS_GRPC_PORT: '9052' };
    expect(readCommonConfig('points', env)).toMatchObject({ httpPort: 9002, grpcPort: 9052 });
    expect(readCommonConfig('member', env)).toMatchObject({ httpPort: 4001, grpcPort: 50051 });
    expect(readCommonConfig('risk', { RISK_HTTP_PORT: '0' }).httpPort).toBe(0);
  });

  it('reads global settings', () => {
    const config = readCommonConfig('risk', {
      NODE_ENV: 'test',
      HOST: '0.0.0.0',
      DATABASE_PREFIX: 'mgtest',
      DATA_DIR: '/tmp/mg',
      GRPC_DEADLINE_MS: '500',
      LOG_LEVEL: 'silent',
      IDENTITY_SIGNING_SECRET: SECRET,
    });
    expect(config).toMatchObject({
      nodeEnv: 'test',
      host: '0.0.0.0',
      databasePrefix: 'mgtest',
      dataDir: '/tmp/mg',
      grpcDeadlineMs: 500,
      logLevel: 'silent',
      identitySecret: SECRET,
    });
  });

  it('rejects bad global settings naming the variable', () => {
    expect(thrown(ConfigError, () => readCommonConfig('risk', { NODE_ENV: 'staging' })).variable).toBe('NODE_ENV');
    expect(thrown(ConfigError, () => readCommonConfig('risk', { LOG_LEVEL: 'verbose' })).variable).toBe('LOG_LEVEL');
    expect(thrown(ConfigError, () => readCommonConfig('risk', { GRPC_DEADLINE_MS: '5' })).message).toMatch(
      /GRPC_DEADLINE_MS must be >= 10/,
    );
    expect(thrown(ConfigError, () => readCommonConfig('risk', { GRPC_DEADLINE_MS: '60001' })).message).toMatch(
      /GRPC_DEADLINE_MS must be <= 60000/,
    );
    expect(thrown(ConfigError, () => readCommonConfig('risk', { RISK_HTTP_PORT: 'http' })).variable).toBe('RISK_HTTP_PORT');
  });

  it('requires IDENTITY_SIGNING_SECRET in production', () => {
    const error = thrown(ConfigError, () => readCommonConfig('member', { NODE_ENV: 'production' }));
    expect(error.variable).toBe('IDENTITY_SIGNING_SECRET');
    expect(error.message).toBe('Invalid configuration: IDENTITY_SIGNING_SECRET is required');
    expect(
      readCommonConfig('member', { NODE_ENV: 'production', IDENTITY_SIGNING_SECRET: SECRET, SERVICE_TOKEN: SECRET }).identitySecret,
    ).toBe(SECRET);
  });

  it('requires a SERVICE_TOKEN of at least 16 characters in production', () => {
    expect(
      thrown(ConfigError, () => readCommonConfig('member', { NODE_ENV: 'production', IDENTITY_SIGNING_SECRET: SECRET })).variable,
    ).toBe('SERVICE_TOKEN');
    expect(thrown(ConfigError, () => readCommonConfig('member', { SERVICE_TOKEN: 'short' })).variable).toBe('SERVICE_TOKEN');
  });

  it('reads DATABASE_POOL_SIZE as a bounded whole number, naming it when wrong', () => {
    expect(readCommonConfig('member', { DATABASE_POOL_SIZE: '20' }).databasePoolSize).toBe(20);
    for (const bad of ['0', 'many', '1.5', '501'])
      expect(thrown(ConfigError, () => readCommonConfig('member', { DATABASE_POOL_SIZE: bad })).variable).toBe('DATABASE_POOL_SIZE');
  });

  it('rejects a secret shorter than 16 characters in any environment', () => {
    for (const NODE_ENV of ['development', 'test', 'production']) {
      const error = thrown(ConfigError, () => readCommonConfig('member', { NODE_ENV, IDENTITY_SIGNING_SECRET: '123456789012345' }));
      expect(error.variable).toBe('IDENTITY_SIGNING_SECRET');
      expect(error.message).toMatch(/at least 16 characters/);
    }
    expect(readCommonConfig('member', { IDENTITY_SIGNING_SECRET: '1234567890123456' }).identitySecret).toBe('1234567890123456');
    expect(() => readCommonConfig('member', { IDENTITY_SIGNING_SECRET: 'short' })).toThrow(/IDENTITY_SIGNING_SECRET must be at least 16/);
  });

  it('prefers <SERVICE>_DATABASE_URL over DATABASE_URL and marks it as naming the database', () => {
    const env = { DATABASE_URL: 'mysql://root@db:3306', MEMBER_DATABASE_URL: 'mysql://root@other:3306/member_db' };
    expect(readCommonConfig('member', env)).toMatchObject({
      databaseUrl: 'mysql://root@other:3306/member_db',
      databaseNamedByUrl: true,
    });
    expect(readCommonConfig('points', env)).toMatchObject({ databaseUrl: 'mysql://root@db:3306', databaseNamedByUrl: false });
    const riskEnv = { DATABASE_URL: 'mysql://root@db:3306', RISK_DATABASE_URL: 'mysql://risk@other:3306/risk_db' };
    expect(readCommonConfig('risk', riskEnv)).toMatchObject({ databaseUrl: 'mysql://risk@other:3306/risk_db', databaseNamedByUrl: true });
    expect(readCommonConfig('member', riskEnv)).toMatchObject({ databaseUrl: 'mysql://root@db:3306', databaseNamedByUrl: false });
  });

  it('treats a blank per-service database URL as unset', () => {
    expect(readCommonConfig('member', { DATABASE_URL: 'mysql://root@db:3306', MEMBER_DATABASE_URL: '  ' })).toMatchObject({
      databaseUrl: 'mysql://root@db:3306',
      databaseNamedByUrl: false,
    });
  });
});

describe('peerGrpcAddress', () => {
  it('defaults to localhost and the peer default gRPC port, or reads <PEER>_GRPC_ADDRESS', () => {
    expect(peerGrpcAddress('risk', {})).toBe('127.0.0.1:50055');
    expect(peerGrpcAddress('member', {})).toBe('127.0.0.1:50051');
    expect(peerGrpcAddress('member', { MEMBER_GRPC_ADDRESS: 'member:9000' })).toBe('member:9000');
    expect(peerGrpcAddress('points', { POINTS_GRPC_ADDRESS: 'points:7000' })).toBe('points:7000');
  });
});

describe('readOutboxBatching', () => {
  it('reads the linger and the batch bound, with defaults, naming the variable when one is out of range', () => {
    expect(readOutboxBatching({})).toEqual({ lingerMs: DEFAULT_OUTBOX_BATCH_LINGER_MS, maxEvents: 500 });
    expect(readOutboxBatching({ OUTBOX_BATCH_LINGER_MS: '0', OUTBOX_BATCH_MAX: '50' })).toEqual({ lingerMs: 0, maxEvents: 50 });
    expect(thrown(ConfigError, () => readOutboxBatching({ OUTBOX_BATCH_LINGER_MS: '-1' })).variable).toBe('OUTBOX_BATCH_LINGER_MS');
    expect(thrown(ConfigError, () => readOutboxBatching({ OUTBOX_BATCH_LINGER_MS: '1001' })).variable).toBe('OUTBOX_BATCH_LINGER_MS');
    // More than one delivery reads or one batch call carries would never fill.
    expect(thrown(ConfigError, () => readOutboxBatching({ OUTBOX_BATCH_MAX: '501' })).variable).toBe('OUTBOX_BATCH_MAX');
    expect(thrown(ConfigError, () => readOutboxBatching({ OUTBOX_BATCH_MAX: '0' })).variable).toBe('OUTBOX_BATCH_MAX');
  });
});
