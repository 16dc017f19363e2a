import { ConfigError, envReader, peerGrpcAddress, readCommonConfig } from '../config';

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

  it('requires a real secret in production and refuses a short one', () => {
    expect(() => readCommonConfig('member', { NODE_ENV: 'production' })).toThrow(/IDENTITY_SIGNING_SECRET is required/);
    expect(() => readCommonConfig('member', { IDENTITY_SIGNING_SECRET: 'short' })).toThrow(/IDENTITY_SIGNING_SECRET must be at least 16/);
  });

  it('prefers a per-service database URL, which then names its database', () => {
    const env = { DATABASE_URL: 'mysql://root@db:3306', RISK_DATABASE_URL: 'mysql://risk@other:3306/risk_db' };
    expect(readCommonConfig('member', env)).toMatchObject({ databaseUrl: 'mysql://root@db:3306', databaseNamedByUrl: false });
    expect(readCommonConfig('risk', env)).toMatchObject({ databaseUrl: 'mysql://risk@other:3306/risk_db', databaseNamedByUrl: true });
  });

  it('reads per-service ports and peer addresses', () => {
    expect(readCommonConfig('risk', { RISK_HTTP_PORT: '0' }).httpPort).toBe(0);
    expect(peerGrpcAddress('member', {})).toBe('127.0.0.1:50051');
    expect(peerGrpcAddress('member', { MEMBER_GRPC_ADDRESS: 'member:9000' })).toBe('member:9000');
  });
});
