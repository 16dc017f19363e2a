import { groupByKeys, orderByKeys } from '../loaders';

describe('orderByKeys', () => {
  it('answers one result per key, in key order, with the missing value for absent keys', () => {
    const rows = [{ id: 'c' }, { id: 'a' }];
    expect(orderByKeys(['a', 'b', 'c', 'a'], rows, (r) => r.id)).toEqual([{ id: 'a' }, null, { id: 'c' }, { id: 'a' }]);
    expect(
      orderByKeys(
        ['b'],
        rows,
        (r) => r.id,
        (key) => ({ id: key, empty: true }),
      ),
    ).toEqual([{ id: 'b', empty: true }]);
  });
});

describe('groupByKeys', () => {
  it('gives every key its rows, empty when none', () => {
    const rows = [
      { k: 1, v: 'x' },
      { k: 2, v: 'y' },
      { k: 1, v: 'z' },
    ];
    expect(groupByKeys([2, 3, 1], rows, (r) => r.k)).toEqual([
      [{ k: 2, v: 'y' }],
      [],
      [
        { k: 1, v: 'x' },
        { k: 1, v: 'z' },
      ],
    ]);
  });
});
