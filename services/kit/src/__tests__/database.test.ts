import { resolve } from 'node:path';
import { ConfigError } from '../config';
import { bigintColumn, isUniqueViolation, resolveDatabaseTarget } from '../database';
import { thrown } from '../../../../test/harness/thrown';

type Input = Parameters<typeof resolveDatabaseTarget>[0];
const base: Input = {
  service: 'member',
  databaseUrl: undefined,
  databaseNamedByUrl: false,
  databasePrefix: 'membergraph',
  dataDir: 'data',
};

describe('resolveDatabaseTarget', () => {
  it('uses <prefix>_<service>.sqlite under DATA_DIR without a database URL', () => {
    expect(resolveDatabaseTarget(base)).toEqual({ kind: 'sqlite', file: resolve('data', 'membergraph_member.sqlite') });
    expect(resolveDatabaseTarget({ ...base, service: 'campaign', databasePrefix: 'mg', dataDir: '/var/lib/mg' })).toEqual({
      kind: 'sqlite',
      file: '/var/lib/mg/mg_campaign.sqlite',
    });
    expect(resolveDatabaseTarget({ ...base, databaseUrl: '' })).toEqual({
      kind: 'sqlite',
      file: resolve('data', 'membergraph_member.sqlite'),
    });
  });

  it('gives each service <prefix>_<service> on a global MySQL server, ignoring any path', () => {
    expect(resolveDatabaseTarget({ ...base, service: 'points', databaseUrl: 'mysql://root@127.0.0.1:3306' })).toEqual({
      kind: 'mysql',
      url: 'mysql://root@127.0.0.1:3306/',
      database: 'membergraph_points',
    });
    expect(resolveDatabaseTarget({ ...base, service: 'risk', databasePrefix: 'x', databaseUrl: 'mysql://u:p@db:3306/somedb' })).toEqual({
      kind: 'mysql',
      url: 'mysql://u:p@db:3306/',
      database: 'x_risk',
    });
  });

  it('uses the path of a per-service URL as the database name', () => {
    expect(
      resolveDatabaseTarget({ ...base, service: 'benefits', databaseUrl: 'mysql://u:p@db:3306/benefits_prod', databaseNamedByUrl: true }),
    ).toEqual({ kind: 'mysql', url: 'mysql://u:p@db:3306/', database: 'benefits_prod' });
  });

  it('falls back to <prefix>_<service> when a per-service URL has no path', () => {
    expect(resolveDatabaseTarget({ ...base, databaseUrl: 'mysql://u@db:3306', databaseNamedByUrl: true })).toMatchObject({
      kind: 'mysql',
      database: 'membergraph_member',
    });
    expect(resolveDatabaseTarget({ ...base, databaseUrl: 'mysql://u@db:3306/', databaseNamedByUrl: true })).toMatchObject({
      database: 'membergraph_member',
    });
  });

  it('keeps credentials and query parameters, and rewrites mariadb:// to mysql://', () => {
    expect(resolveDatabaseTarget({ ...base, databaseUrl: 'mariadb://root:p%40ss@h:3306/db?ssl=1' })).toEqual({
      kind: 'mysql',
      url: 'mysql://root:p%40ss@h:3306/?ssl=1',
      database: 'membergraph_member',
    });
  });

  it.each(['postgres://h/db', 'http://h:3306', 'sqlite:///tmp/x.db'])(
    'refuses the protocol of %p with a ConfigError naming DATABASE_URL',
    (url) => {
      const error = thrown(ConfigError, () => resolveDatabaseTarget({ ...base, databaseUrl: url }));
      expect(error.variable).toBe('DATABASE_URL');
      expect(error.message).toMatch(/^Invalid configuration: DATABASE_URL must use mysql:\/\//);
    },
  );

  it('refuses text that is not a URL with a ConfigError naming DATABASE_URL', () => {
    const error = thrown(ConfigError, () => resolveDatabaseTarget({ ...base, databaseUrl: 'not a url' }));
    expect(error.variable).toBe('DATABASE_URL');
  });

  it.each([
    [{ databasePrefix: 'bad-prefix' }, 'bad-prefix_member'],
    [{ databasePrefix: 'a'.repeat(60) }, `${'a'.repeat(60)}_member`],
    [{ databaseNamedByUrl: true, databaseUrl: 'mysql://h/has-dash' }, 'has-dash'],
    [{ databaseNamedByUrl: true, databaseUrl: 'mysql://h/a%20b' }, 'a b'],
  ] as Array<[Partial<Input>, string]>)('refuses the invalid database name from %p', (override, name) => {
    const error = thrown(ConfigError, () => resolveDatabaseTarget({ ...base, databaseUrl: 'mysql://h:3306', ...override }));
    expect(error.message).toContain(`invalid database name "${name}"`);
  });

  it('defaults to one SQLite file per service under DATA_DIR', () => {
    expect(resolveDatabaseTarget({ ...base, service: 'points' })).toEqual({
      kind: 'sqlite',
      file: resolve('data', 'membergraph_points.sqlite'),
    });
  });

  it('gives each service its own database on a shared MySQL server', () => {
    expect(resolveDatabaseTarget({ ...base, service: 'member', databaseUrl: 'mysql://root:pw@db:3306/ignored' })).toEqual({
      kind: 'mysql',
      url: 'mysql://root:pw@db:3306/',
      database: 'membergraph_member',
    });
  });

  it('uses the database a per-service URL names', () => {
    expect(
      resolveDatabaseTarget({ ...base, service: 'risk', databaseUrl: 'mysql://u@h:3306/risk_prod', databaseNamedByUrl: true }),
    ).toMatchObject({
      kind: 'mysql',
      database: 'risk_prod',
    });
  });

  it('refuses other protocols and invalid names, naming the variable', () => {
    expect(() => resolveDatabaseTarget({ ...base, service: 'risk', databaseUrl: 'postgres://h/db' })).toThrow(ConfigError);
    expect(() => resolveDatabaseTarget({ ...base, service: 'risk', databaseUrl: 'postgres://h/db' })).toThrow(/DATABASE_URL/);
    expect(() => resolveDatabaseTarget({ ...base, service: 'risk', databaseUrl: 'mysql://h', databasePrefix: 'bad-name;' })).toThrow(
      /DATABASE_PREFIX/,
    );
  });

  it('accepts a database name of exactly 64 characters', () => {
    const name = 'd'.repeat(64);
    expect(resolveDatabaseTarget({ ...base, databaseUrl: `mysql://h/${name}`, databaseNamedByUrl: true })).toMatchObject({
      database: name,
    });
  });
});

describe('isUniqueViolation', () => {
  it.each([
    [{ driverError: { code: 'ER_DUP_ENTRY' } }, true],
    [{ code: 'ER_DUP_ENTRY' }, true],
    [{ code: 'SQLITE_CONSTRAINT_UNIQUE' }, true],
    [{ driverError: { code: 'SQLITE_CONSTRAINT_UNIQUE' } }, true],
    [{ code: 'SQLITE_CONSTRAINT_PRIMARYKEY' }, true],
    [{ code: 'SQLITE_CONSTRAINT_FOREIGNKEY' }, false],
    [{ code: 'SQLITE_CONSTRAINT_NOTNULL' }, false],
    [{ driverError: { code: 'ER_LOCK_DEADLOCK' } }, false],
    [{ code: 'ER_LOCK_DEADLOCK' }, false],
    [{ driverError: {} }, false],
    [new Error('duplicate entry'), false],
    [new Error('x'), false],
    [null, false],
    [undefined, false],
    ['ER_DUP_ENTRY', false],
  ])('%p → %p', (error, expected) => {
    expect(isUniqueViolation(error)).toBe(expected);
  });

  it("prefers the driver's code over the wrapper's", () => {
    expect(isUniqueViolation({ code: 'ER_DUP_ENTRY', driverError: { code: 'ER_PARSE_ERROR' } })).toBe(false);
    expect(isUniqueViolation({ code: 'QUERY_FAILED', driverError: { code: 'ER_DUP_ENTRY' } })).toBe(true);
  });
});

describe('resolveDatabaseTarget names the variable at fault', () => {
  it('a per-service URL is blamed as that service’s variable, also for a malformed escape or name', () => {
    const own = { ...base, service: 'member' as const, databaseNamedByUrl: true };
    expect(() => resolveDatabaseTarget({ ...own, databaseUrl: 'postgres://h/db' })).toThrow(/MEMBER_DATABASE_URL must use mysql/);
    expect(() => resolveDatabaseTarget({ ...own, databaseUrl: 'mysql://root@db:3306/%ZZ' })).toThrow(ConfigError);
    expect(() => resolveDatabaseTarget({ ...own, databaseUrl: 'mysql://h/member-prod' })).toThrow(
      /MEMBER_DATABASE_URL gives an invalid database name/,
    );
  });

  it('ignores the path of a shared URL entirely, even a malformed one', () => {
    expect(resolveDatabaseTarget({ ...base, service: 'member', databaseUrl: 'mysql://root@db:3306/%ZZ' })).toMatchObject({
      database: 'membergraph_member',
    });
  });
});

describe('bigintColumn', () => {
  it('reads MySQL BIGINT strings as numbers and keeps nulls', () => {
    expect(bigintColumn.from('9007199254740991')).toBe(9_007_199_254_740_991);
    expect(bigintColumn.from(42)).toBe(42);
    expect(bigintColumn.from(null)).toBeNull();
    expect(bigintColumn.to(7)).toBe(7);
  });
});
