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
  /** What `of` (the read behind `value` when it answered) resolved to: what held() gives while `of` is still the value. */
  private settled: { readonly of: Promise<T>; readonly value: T } | undefined;

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
    const value: Promise<T> = this.read().then(
      (result) => {
        // Only while it is still the value: a read that invalidate() or a newer read replaced is held by nobody.
        if (this.value === value) this.settled = { of: value, value: result };
        return result;
      },
      (error: unknown) => {
        // A failed read is not kept: the next caller reads again.
        if (this.value === value) this.value = undefined;
        throw error;
      },
    );
    this.value = value;
    return value;
  }

  /**
   * The value, synchronously, when a read has answered it and get() would return it now (within the
   * TTL, not invalidated); undefined when get() would read or wait for a read in flight. A caller
   * that bounds its wait for get() (a timer raced against it) sets that up only then: a held value
   * needs no timer, no race and no trip through the microtask queue.
   */
  held(): { readonly value: T } | undefined {
    const settled = this.settled;
    if (!settled || settled.of !== this.value || this.now() - this.readAt >= this.ttlMs) return undefined;
    return settled;
  }

  /**
   * Forgets the value: the next get() reads again. Call it after the write that changes it has
   * committed, so that read sees the write (a read still in flight keeps serving only the callers
   * that started before).
   */
  invalidate(): void {
    this.value = undefined;
    this.settled = undefined;
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
