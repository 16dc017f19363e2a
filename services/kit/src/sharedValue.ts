import type { DataSource } from 'typeorm';

/**
 * How long a shared definition (the tier ladder, the benefit matrix) is used before it is read
 * again. Its own service's writes clear it at once (invalidateShared); this bounds how long another
 * replica of the service, whose process did not see the write, may show the previous definition.
 */
export const SHARED_VALUE_TTL_MS = 1_000;

/**
 * A value that is the same for every caller and changes rarely — a programme's definitions, never
 * anyone's personal data — read from the database at most once per `ttlMs` by one process, and
 * again at once after `invalidate()`. Concurrent readers of an expired value share one read.
 */
export class SharedValue<T> {
  private value: Promise<T> | undefined;
  private readAt = 0;

  constructor(
    private readonly read: () => Promise<T>,
    private readonly ttlMs = SHARED_VALUE_TTL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  get(): Promise<T> {
    const at = this.now();
    if (this.value && at - this.readAt < this.ttlMs) return this.value;
    // The age counts from the read's start: whatever committed before it is in it.
    this.readAt = at;
    const value = this.read().catch((error: unknown) => {
      // A failed read is not kept: the next caller reads again.
      if (this.value === value) this.value = undefined;
      throw error;
    });
    this.value = value;
    return value;
  }

  /**
   * Forgets the value: the next get() reads again. Call it after the write that changes it has
   * committed, so that read sees the write (a read still in flight keeps serving only the callers
   * that started before).
   */
  invalidate(): void {
    this.value = undefined;
  }
}

const byDataSource = new WeakMap<DataSource, Map<string, SharedValue<unknown>>>();

/**
 * The service's one SharedValue named `key` for this database (created with `read` and `ttlMs` on
 * first use): the loaders that read it and the commands that change it find the same one through
 * the DataSource both are given. A value another service owns (read over gRPC) cannot be
 * invalidated by its writes: its `ttlMs` is how stale it may be.
 */
export function sharedValue<T>(dataSource: DataSource, key: string, read: () => Promise<T>, ttlMs = SHARED_VALUE_TTL_MS): SharedValue<T> {
  let values = byDataSource.get(dataSource);
  if (!values) byDataSource.set(dataSource, (values = new Map()));
  let value = values.get(key) as SharedValue<T> | undefined;
  if (!value) values.set(key, (value = new SharedValue(read, ttlMs)));
  return value;
}

/** After a write to what `key` holds has committed: this process reads it again on next use. */
export function invalidateShared(dataSource: DataSource, key: string): void {
  byDataSource.get(dataSource)?.get(key)?.invalidate();
}
