import type { DataSource } from 'typeorm';
import { insertStaff, type NewStaff } from '../auth/staff';
import type { StaffAccount } from '../db/entities/StaffAccount';

/** An ADMIN creates a staff account: validated (a POS account needs its store), username unique (CONFLICT). */
export function createStaff(dataSource: DataSource, input: NewStaff): Promise<StaffAccount> {
  return insertStaff(dataSource, input);
}
