import type { DataSource } from 'typeorm';
import { invalidateShared, SharedValue, sharedValue } from '../sharedValue';

/** A read that answers how many times it has run. */
function counter() {
  let reads = 0;
  return {
    reads: () => reads,
    read: () => Promise.resolve(++reads),
  };
}

describe('SharedValue', () => {
  it('reads once for every caller within the TTL, and again after it', async () => {
    let now = 1_000;
    const source = counter();
    const value = new SharedValue(source.read, 1_000, () => now);
    expect(await value.get()).toBe(1);
    now += 999;
    expect(await value.get()).toBe(1);
    now += 1;
    expect(await value.get()).toBe(2);
    expect(source.reads()).toBe(2);
  });

  it('shares one read among concurrent callers', async () => {
    const source = counter();
    const value = new SharedValue(source.read, 1_000);
    expect(await Promise.all([value.get(), value.get(), value.get()])).toEqual([1, 1, 1]);
    expect(source.reads()).toBe(1);
  });

  it('reads again at once after invalidate()', async () => {
    const source = counter();
    const value = new SharedValue(source.read, 60_000);
    expect(await value.get()).toBe(1);
    value.invalidate();
    expect(await value.get()).toBe(2);
  });

  it('keeps no failed read: the next caller reads again', async () => {
    let fail = true;
    const value = new SharedValue(() => (fail ? Promise.reject(new Error('database down')) : Promise.resolve('ok')), 60_000);
    await expect(value.get()).rejects.toThrow('database down');
    fail = false;
    await expect(value.get()).resolves.toBe('ok');
  });

  it('after invalidate(), a read that started before it serves nobody who asks later', async () => {
    let release: (n: number) => void = () => undefined;
    const reads: number[] = [];
    const value = new SharedValue(() => {
      reads.push(reads.length + 1);
      return reads.length === 1 ? new Promise<number>((resolve) => (release = resolve)) : Promise.resolve(reads.length);
    }, 60_000);
    const early = value.get();
    value.invalidate();
    const late = value.get();
    release(1);
    expect(await early).toBe(1);
    expect(await late).toBe(2);
  });
});

describe('SharedValue.held', () => {
  it('gives nothing until the read has answered, then the value itself until the TTL ends', async () => {
    let now = 1_000;
    const source = counter();
    const value = new SharedValue(source.read, 1_000, () => now);
    expect(value.held()).toBeUndefined();
    const first = value.get();
    // In flight: a caller must wait for it.
    expect(value.held()).toBeUndefined();
    await first;
    expect(value.held()?.value).toBe(1);
    now += 999;
    expect(value.held()?.value).toBe(1);
    now += 1;
    expect(value.held()).toBeUndefined();
    // The expired value is not read again by held(), only by get().
    expect(source.reads()).toBe(1);
    const second = value.get();
    expect(value.held()).toBeUndefined();
    expect(await second).toBe(2);
    expect(value.held()?.value).toBe(2);
  });

  it('gives nothing after invalidate(), even when the read it replaced answers later', async () => {
    let release: (n: number) => void = () => undefined;
    const value = new SharedValue(() => new Promise<number>((resolve) => (release = resolve)), 60_000);
    const early = value.get();
    value.invalidate();
    release(1);
    expect(await early).toBe(1);
    expect(value.held()).toBeUndefined();
    const again = value.get();
    release(2);
    await again;
    expect(value.held()?.value).toBe(2);
    value.invalidate();
    expect(value.held()).toBeUndefined();
  });

  it('gives nothing after a failed read', async () => {
    const value = new SharedValue(() => Promise.reject(new Error('database down')), 60_000);
    await expect(value.get()).rejects.toThrow('database down');
    expect(value.held()).toBeUndefined();
  });
});

describe('sharedValue / invalidateShared', () => {
  it('is one value per database and key, cleared through the same database', async () => {
    const [a, b] = [{} as DataSource, {} as DataSource];
    const source = counter();
    expect(sharedValue(a, 'ladder', source.read)).toBe(sharedValue(a, 'ladder', source.read));
    expect(sharedValue(a, 'ladder', source.read)).not.toBe(sharedValue(b, 'ladder', source.read));
    expect(await sharedValue(a, 'ladder', source.read).get()).toBe(1);
    invalidateShared(b, 'ladder');
    expect(await sharedValue(a, 'ladder', source.read).get()).toBe(1);
    invalidateShared(a, 'ladder');
    expect(await sharedValue(a, 'ladder', source.read).get()).toBe(2);
  });
});
