import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { DomainError, inTransaction, isUniqueViolation, parseStoreCode, STAFF_ROLES, type Identity } from '../../../kit/src';
import { StaffAccount } from '../db/entities/StaffAccount';
import { DECOY_HASH, hashPassword, validPassword, verifyPassword } from '../domain/password';
import { ensureGuards, guardKeys, lockGuards, settleTry, type GuardLimits } from './guards';

const USERNAME = /^[a-z0-9][a-z0-9._-]{2,63}$/;

export interface NewStaff {
  username: string;
  password: string;
  roles: string[];
  store?: string | null;
}

function validStaff(input: NewStaff): NewStaff {
  const username = input.username.trim().toLowerCase();
  if (!USERNAME.test(username)) {
    throw new DomainError('BAD_USER_INPUT', 'a username is 3–64 lower-case letters, digits, dots, dashes or underscores', {
      field: 'username',
    });
  }
  const roles = [...new Set(input.roles)];
  if (roles.length === 0 || !roles.every((role) => (STAFF_ROLES as readonly string[]).includes(role))) {
    throw new DomainError('BAD_USER_INPUT', `roles must be some of ${STAFF_ROLES.join(', ')}`, { field: 'roles' });
  }
  const store = input.store?.trim() ? parseStoreCode(input.store.trim()) : null;
  // A POS account is a till: bound to one store, and alone, since any other role would lift that bound.
  if (roles.includes('POS') && roles.length > 1)
    throw new DomainError('BAD_USER_INPUT', 'the POS role stands alone; give other roles to another account', { field: 'roles' });
  if (roles.includes('POS') && !store) throw new DomainError('BAD_USER_INPUT', 'a POS account needs its store', { field: 'store' });
  return { username, password: validPassword(input.password), roles, store };
}

/** Inserts a validated staff account (the username is unique: CONFLICT when taken). */
export async function insertStaff(dataSource: DataSource, input: NewStaff, now = new Date()): Promise<StaffAccount> {
  const staff = validStaff(input);
  const row = Object.assign(new StaffAccount(), {
    id: randomUUID(),
    username: staff.username,
    passwordHash: await hashPassword(staff.password),
    roles: staff.roles.join(','),
    storeId: staff.store ?? null,
    active: true,
    createdAt: now,
  });
  try {
    await dataSource.getRepository(StaffAccount).insert(row);
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError('CONFLICT', 'this username is taken', { field: 'username' });
    throw error;
  }
  return row;
}

/** The first administrator, from configuration, when the database has no staff at all yet. */
export async function bootstrapAdmin(dataSource: DataSource, admin: { username: string; password: string } | null): Promise<boolean> {
  if (!admin || (await dataSource.getRepository(StaffAccount).count()) > 0) return false;
  try {
    await insertStaff(dataSource, { ...admin, roles: ['ADMIN'] });
    return true;
  } catch (error) {
    if (error instanceof DomainError && error.code === 'CONFLICT') return false; // another replica was first
    throw error;
  }
}

/**
 * Checks a staff member's password: the identity their tokens carry (roles, store). Wrong passwords count
 * against the username and the client address; the 10th in an hour locks both.
 */
export async function checkStaffPassword(
  dataSource: DataSource,
  limits: GuardLimits,
  credentials: { username: string; password: string },
  ip?: string,
): Promise<Identity> {
  const username = credentials.username.trim().toLowerCase();
  const now = new Date();
  const keys = guardKeys(`staff:${username.slice(0, 64)}`, ip);
  await ensureGuards(dataSource, keys, now);
  const account = await inTransaction(dataSource, async (manager) => {
    const guards = await lockGuards(manager, keys, limits, now);
    const found = await manager.findOneBy(StaffAccount, { username });
    // Unknown users cost the same scrypt as known ones, so timing does not reveal usernames.
    const ok = (await verifyPassword(credentials.password, found?.passwordHash ?? DECOY_HASH)) && found !== null && found.active;
    await settleTry(manager, guards, ok, limits);
    return ok ? found : null;
  });
  if (!account) throw new DomainError('UNAUTHENTICATED', 'wrong username or password');
  return { kind: 'STAFF', subject: account.id, roles: account.roles.split(','), ...(account.storeId ? { store: account.storeId } : {}) };
}
