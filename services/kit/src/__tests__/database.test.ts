import { resolve } from 'node:path';
import { ConfigError } from '../config';
import { isUniqueViolation, resolveDatabaseTarget } from '../database';

const base = { databasePrefix: 'membergraph', dataDir: 'data', databaseNamedByUrl: false, databaseUrl: undefined as string | undefined };

describe('resolveDatabaseTarget', () => {
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
});

describe('isUniqueViolation', () => {
  it('recognises MySQL and SQLite duplicate keys, and nothing else', () => {
    expect(isUniqueViolation({ driverError: { code: 'ER_DUP_ENTRY' } })).toBe(true);
    expect(isUniqueViolation({ code: 'SQLITE_CONSTRAINT_UNIQUE' })).toBe(true);
    expect(isUniqueViolation({ code: 'SQLITE_CONSTRAINT_PRIMARYKEY' })).toBe(true);
    expect(isUniqueViolation({ code: 'ER_LOCK_DEADLOCK' })).toBe(false);
    expect(isUniqueViolation(new Error('x'))).toBe(false);
    expect(isUniqueViolation(undefined)).toBe(false);
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
