import { groupByKeys, orderByKeys } from '../loaders';

interface Row {
  id: string;
  value: number;
}

describe('orderByKeys', () => {
  const rows: Row[] = [
    { id: 'c', value: 3 },
    { id: 'a', value: 1 },
    { id: 'b', value: 2 },
  ];

  it('answers in the order of the keys, not of the rows', () => {
    expect(orderByKeys(['a', 'b', 'c'], rows, (row) => row.id)).toEqual([rows[1], rows[2], rows[0]]);
    expect(orderByKeys(['c', 'a'], rows, (row) => row.id)).toEqual([rows[0], rows[1]]);
  });

  it('returns the same row objects, not copies', () => {
    expect(orderByKeys(['a'], rows, (row) => row.id)[0]).toBe(rows[1]);
  });

  it('answers null for a missing key by default, or what `missing` returns', () => {
    expect(orderByKeys(['a', 'zz', 'b'], rows, (row) => row.id)).toEqual([rows[1], null, rows[2]]);
    const missing = jest.fn((key: string) => new Error(`no ${key}`));
    const result = orderByKeys(['zz', 'c'], rows, (row) => row.id, missing);
    expect(result[0]).toEqual(new Error('no zz'));
    expect(result[1]).toBe(rows[0]);
    expect(missing).toHaveBeenCalledTimes(1);
    expect(missing).toHaveBeenCalledWith('zz');
  });

  it('answers a repeated key once per occurrence', () => {
    expect(orderByKeys(['a', 'a', 'b', 'a'], rows, (row) => row.id)).toEqual([rows[1], rows[1], rows[2], rows[1]]);
  });

  it('keeps the last of several rows with one key', () => {
    const dupes = [
      { id: 'a', value: 1 },
      { id: 'a', value: 2 },
    ];
    expect(orderByKeys(['a'], dupes, (row) => row.id)).toEqual([{ id: 'a', value: 2 }]);
  });

  it('always answers one result per key', () => {
    expect(orderByKeys([], rows, (row) => row.id)).toEqual([]);
    expect(orderByKeys(['a', 'b'], [], (row: Row) => row.id)).toEqual([null, null]);
  });

  it('answers one result per key, in key order, with the missing value for absent keys', () => {
    const few = [{ id: 'c' }, { id: 'a' }];
    expect(orderByKeys(['a', 'b', 'c', 'a'], few, (r) => r.id)).toEqual([{ id: 'a' }, null, { id: 'c' }, { id: 'a' }]);
    expect(
      orderByKeys(
        ['b'],
        few,
        (r) => r.id,
        (key) => ({ id: key, empty: true }),
      ),
    ).toEqual([{ id: 'b', empty: true }]);
  });

  it('compares keys by identity (numbers are not strings)', () => {
    const numbered = [{ id: 1 }, { id: 2 }];
    expect(orderByKeys<number | string, { id: number }>([2, '1'], numbered, (row) => row.id)).toEqual([{ id: 2 }, null]);
  });
});

describe('groupByKeys', () => {
  const rows = [
    { owner: 'm1', n: 1 },
    { owner: 'm2', n: 2 },
    { owner: 'm1', n: 3 },
    { owner: 'm3', n: 4 },
  ];

  it('gives every key its rows in row order, and an empty list when it has none', () => {
    expect(groupByKeys(['m3', 'none', 'm1'], rows, (row) => row.owner)).toEqual([
      [{ owner: 'm3', n: 4 }],
      [],
      [
        { owner: 'm1', n: 1 },
        { owner: 'm1', n: 3 },
      ],
    ]);
  });

  it('answers a repeated key once per occurrence, and nothing for no keys', () => {
    const result = groupByKeys(['m2', 'm2'], rows, (row) => row.owner);
    expect(result).toEqual([[{ owner: 'm2', n: 2 }], [{ owner: 'm2', n: 2 }]]);
    expect(groupByKeys([], rows, (row) => row.owner)).toEqual([]);
  });

  it('groups by number keys too', () => {
    const numbered = [
      { k: 1, v: 'x' },
      { k: 2, v: 'y' },
      { k: 1, v: 'z' },
    ];
    expect(groupByKeys([2, 3, 1], numbered, (r) => r.k)).toEqual([
      [{ k: 2, v: 'y' }],
      [],
      [
        { k: 1, v: 'x' },
        { k: 1, v: 'z' },
      ],
    ]);
  });

  it('gives each absent key its own empty list', () => {
    const [a, b] = groupByKeys(['x', 'y'], rows, (row) => row.owner);
    expect(a).toEqual([]);
    expect(b).toEqual([]);
    expect(a).not.toBe(b);
  });
});
