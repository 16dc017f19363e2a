import { DomainError } from './errors';

/**
 * The largest page any list of the graph serves. The gateway's cost limit is set so that every
 * documented list can be asked for at this size with all its scalar fields (query-cost.e2e.test.ts
 * walks the schema to prove it): the two must agree, so both read this one constant.
 */
export const MAX_PAGE_SIZE = 100;

/** A `first` argument: a whole number from 1 to MAX_PAGE_SIZE, or BAD_USER_INPUT on `first`. */
export function parsePageSize(first: number): number {
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw new DomainError('BAD_USER_INPUT', `first must be between 1 and ${MAX_PAGE_SIZE}`, { field: 'first' });
  }
  return first;
}
