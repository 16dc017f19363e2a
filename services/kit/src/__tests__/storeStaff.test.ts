import { DomainError } from '../errors';
import { requireStoreStaff, type Identity } from '../identity';
import { identityOfClaims } from '../tokens';

const POS: Identity = { kind: 'STAFF', subject: 'till', roles: ['POS'], store: 'S001' };
const codeOf = (work: () => unknown) => {
  try {
    work();
    return 'allowed';
  } catch (error) {
    return error instanceof DomainError ? error.code : String(error);
  }
};

describe('requireStoreStaff', () => {
  it('binds a POS account to the store of its identity', () => {
    expect(requireStoreStaff(POS, ['ADMIN', 'OPERATOR'])).toBe('S001');
    expect(requireStoreStaff(POS, ['ADMIN', 'OPERATOR'], 'S001')).toBe('S001');
    expect(codeOf(() => requireStoreStaff(POS, ['ADMIN', 'OPERATOR'], 'S002'))).toBe('FORBIDDEN');
    expect(codeOf(() => requireStoreStaff({ ...POS, store: undefined }, ['ADMIN', 'OPERATOR']))).toBe('FORBIDDEN');
  });

  it('leaves the named roles unrestricted, and refuses everyone else', () => {
    expect(
      requireStoreStaff({ kind: 'STAFF', subject: 'o', roles: ['OPERATOR'], store: 'S001' }, ['ADMIN', 'OPERATOR'], 'S002'),
    ).toBeNull();
    expect(codeOf(() => requireStoreStaff({ kind: 'STAFF', subject: 'a', roles: ['ANALYST'] }, ['ADMIN', 'OPERATOR']))).toBe('FORBIDDEN');
    expect(codeOf(() => requireStoreStaff({ kind: 'MEMBER', subject: 'm', channel: 'WEB' }, ['ADMIN']))).toBe('FORBIDDEN');
    expect(codeOf(() => requireStoreStaff({ kind: 'ANONYMOUS' }, ['ADMIN']))).toBe('UNAUTHENTICATED');
  });
});

describe('access-token claims of a POS account', () => {
  it('carry its store; a POS token without one is malformed', () => {
    expect(identityOfClaims({ sub: 'till', kind: 'STAFF', roles: ['POS'], store: 'S001' })).toEqual(POS);
    expect(codeOf(() => identityOfClaims({ sub: 'till', kind: 'STAFF', roles: ['POS'] }))).toBe('UNAUTHENTICATED');
  });
});
