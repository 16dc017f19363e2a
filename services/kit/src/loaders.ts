/**
 * DataLoader batch functions must answer in the order of their keys, one result per key.
 * Rows come back from SQL in any order and some keys have none: this lines them up.
 */
export function orderByKeys<K, R, M = null>(
  keys: readonly K[],
  rows: readonly R[],
  keyOf: (row: R) => K,
  missing: (key: K) => M = () => null as M,
): Array<R | M> {
  const byKey = new Map<K, R>();
  for (const row of rows) byKey.set(keyOf(row), row);
  return keys.map((key) => (byKey.has(key) ? (byKey.get(key) as R) : missing(key)));
}

/** Same, for one-to-many: every key gets the (possibly empty) list of its rows. */
export function groupByKeys<K, R>(keys: readonly K[], rows: readonly R[], keyOf: (row: R) => K): R[][] {
  const groups = new Map<K, R[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const list = groups.get(key);
    if (list) list.push(row);
    else groups.set(key, [row]);
  }
  return keys.map((key) => groups.get(key) ?? []);
}

/**
 * A row the data guarantees (a member's tier, the member a mutation just wrote): a missing one is a
 * broken invariant, answered as INTERNAL and logged, never as a null where the schema promises a value.
 */
export function required<T>(row: T | null | undefined, what: string): T {
  if (row == null) throw new Error(`${what} is missing`);
  return row;
}
