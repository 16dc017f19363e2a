// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startBanner } = require('../../scripts/startBanner.js') as {
  startBanner(env: Record<string, string | undefined>, info: Record<string, unknown>): string;
};

const INFO = {
  gatewayUrl: 'http://127.0.0.1:4000/graphql',
  services: [{ name: 'member', url: 'http://127.0.0.1:4001/graphql', grpc: '127.0.0.1:50051' }],
};

describe('npm start banner', () => {
  it('in production advertises no development behaviour', () => {
    const banner = startBanner({ NODE_ENV: 'production', STAFF_BOOTSTRAP_ADMIN: 'x' }, INFO);
    expect(banner).not.toMatch(/playground|development|000000|logs the code/i);
    expect(banner).toContain('SMS sign-in is unavailable: no SMS provider is configured (SMS_PROVIDER).');
    expect(startBanner({ NODE_ENV: 'production', SMS_PROVIDER: 'aliyun' }, INFO)).toContain('codes go by SMS (aliyun)');
    const admin = { username: 'admin', password: 'membergraph-dev-admin' };
    expect(startBanner({ NODE_ENV: 'production' }, { ...INFO, admin })).not.toContain('Staff sign-in');
  });

  it('in development names the playground and the development sign-in code', () => {
    const banner = startBanner({}, { ...INFO, admin: { username: 'admin', password: 'membergraph-dev-admin' } });
    expect(banner).toContain('gateway + playground  http://127.0.0.1:4000/graphql');
    expect(banner).toContain('development sends no SMS: the code is 000000');
    expect(banner).toContain('Staff sign-in (development only)');
    expect(startBanner({ GRAPHQL_PLAYGROUND: 'false' }, INFO)).not.toContain('playground');
    expect(startBanner({}, { ...INFO, seedError: 'no database' })).toContain('The demo programme was not seeded (no database)');
  });
});
