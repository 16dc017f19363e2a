import type { DataSource } from 'typeorm';
import type { GuardLimits } from '../auth/guards';
import type { Session, Sessions } from '../auth/sessions';
import { checkStaffPassword } from '../auth/staff';

/** Staff sign in with username and password (counted against the username and address limits); the session carries their roles and store. */
export async function staffLogin(
  deps: { dataSource: DataSource; limits: GuardLimits; sessions: Sessions },
  input: { username: string; password: string; ip?: string },
): Promise<Session> {
  return deps.sessions.open(await checkStaffPassword(deps.dataSource, deps.limits, input, input.ip));
}
