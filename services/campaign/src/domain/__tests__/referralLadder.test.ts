import { assertKnownTier, ladderAt, planLadderEdit, resolveRungDefinition, type RungDefinition, type RungVersion } from '../referralLadder';

const SEEDED = new Date('2000-01-01T00:00:00Z');
const NOW = new Date('2026-11-30T08:00:00Z');
const later = (days: number) => new Date(NOW.getTime() + days * 86_400_000);

const SEED: RungVersion[] = [
  {
    revision: 1,
    rungId: 1,
    friends: 1,
    reward: 'COUPON',
    couponTemplate: 'REFERRAL20',
    points: null,
    tierId: null,
    inviteeToo: true,
    retired: false,
    effectiveFrom: SEEDED,
  },
  {
    revision: 2,
    rungId: 3,
    friends: 3,
    reward: 'POINTS',
    couponTemplate: null,
    points: 50,
    tierId: null,
    inviteeToo: false,
    retired: false,
    effectiveFrom: SEEDED,
  },
  {
    revision: 3,
    rungId: 5,
    friends: 5,
    reward: 'TIER',
    couponTemplate: null,
    points: null,
    tierId: 'GOLD',
    inviteeToo: false,
    retired: false,
    effectiveFrom: SEEDED,
  },
];

const points = (friends: number, amount = 30): RungDefinition => resolveRungDefinition(null, { friends, kind: 'POINTS', points: amount });
const thresholds = (versions: RungVersion[], at: Date) => ladderAt(versions, at).map((r) => [r.rungId, r.friends]);

describe('resolveRungDefinition', () => {
  it.each([
    [{ friends: 0, kind: 'POINTS', points: 5 }, 'friends', 'THRESHOLD_NOT_POSITIVE'],
    [{ friends: -2, kind: 'POINTS', points: 5 }, 'friends', 'THRESHOLD_NOT_POSITIVE'],
    [{ friends: 1.5, kind: 'POINTS', points: 5 }, 'friends', 'THRESHOLD_NOT_POSITIVE'],
    [{ friends: 2, kind: 'CASH', points: 5 }, 'kind', 'UNKNOWN_REWARD_KIND'],
    [{ friends: 2, kind: 'POINTS', points: -50 }, 'points', 'NOT_POSITIVE_AMOUNT'],
    [{ friends: 2, kind: 'POINTS', points: 0 }, 'points', 'NOT_POSITIVE_AMOUNT'],
    [{ friends: 2, kind: 'POINTS' }, 'points', 'REWARD_REQUIRED'],
    [{ friends: 2, kind: 'COUPON', couponTemplate: 'X', points: 5 }, 'points', 'NOT_FOR_THIS_KIND'],
    [{ friends: 2, kind: 'COUPON', couponTemplate: 'bad template!' }, 'couponTemplate', undefined],
    [{ friends: 2, kind: 'TIER', tierId: 'gold' }, 'tierId', 'UNKNOWN_TIER'],
  ])('refuses %j on %s', (input, field, reason) => {
    expect(() => resolveRungDefinition(null, input)).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', details: expect.objectContaining({ field, ...(reason ? { reason } : {}) }) }),
    );
  });

  it('a change keeps what it does not name, and switching the kind drops the old figure', () => {
    expect(resolveRungDefinition(SEED[1], { friends: 4 })).toEqual({ ...points(4, 50), inviteeToo: false });
    expect(resolveRungDefinition(SEED[0], { kind: 'POINTS', points: 20 })).toEqual({
      friends: 1,
      reward: 'POINTS',
      couponTemplate: null,
      points: 20,
      tierId: null,
      inviteeToo: true,
    });
    expect(() => resolveRungDefinition(SEED[0], { kind: 'POINTS' })).toThrow(
      expect.objectContaining({ details: expect.objectContaining({ field: 'points' }) }),
    );
  });

  it('a tier reward names a tier of the programme', () => {
    const silver = resolveRungDefinition(null, { friends: 2, kind: 'TIER', tierId: 'SILVER' });
    expect(() => assertKnownTier(silver, new Set(['REGULAR', 'GOLD']))).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', details: { field: 'tierId', reason: 'UNKNOWN_TIER' } }),
    );
    expect(() => assertKnownTier(silver, new Set(['SILVER']))).not.toThrow();
  });
});

describe('planLadderEdit', () => {
  it('adds a rung with the next id and ladder revision, in force from its effective moment', () => {
    const added = planLadderEdit(SEED, { kind: 'ADD', definition: points(2) }, later(1), NOW);
    expect(added).toMatchObject({ revision: 4, rungId: 6, friends: 2, retired: false });
    const after = [...SEED, added];
    expect(thresholds(after, NOW)).toEqual([
      [1, 1],
      [3, 3],
      [5, 5],
    ]);
    expect(thresholds(after, later(1))).toEqual([
      [1, 1],
      [6, 2],
      [3, 3],
      [5, 5],
    ]);
  });

  it('changes and retires a rung as new versions; the old ones still read back', () => {
    const moved = planLadderEdit(SEED, { kind: 'CHANGE', rungId: 3, definition: { ...points(4, 80) } }, NOW, NOW);
    expect(moved).toMatchObject({ revision: 4, rungId: 3, friends: 4, points: 80 });
    const retired = planLadderEdit([...SEED, moved], { kind: 'RETIRE', rungId: 5 }, later(2), NOW);
    expect(retired).toMatchObject({ revision: 5, rungId: 5, retired: true, tierId: 'GOLD' });
    const all = [...SEED, moved, retired];
    expect(thresholds(all, new Date(NOW.getTime() - 1))).toEqual([
      [1, 1],
      [3, 3],
      [5, 5],
    ]);
    expect(thresholds(all, later(3))).toEqual([
      [1, 1],
      [3, 4],
    ]);
  });

  it('refuses duplicate thresholds among live rungs, now and where a scheduled version later takes effect', () => {
    expect(() => planLadderEdit(SEED, { kind: 'ADD', definition: points(3) }, NOW, NOW)).toThrow(
      expect.objectContaining({
        code: 'BAD_USER_INPUT',
        details: expect.objectContaining({ field: 'friends', reason: 'DUPLICATE_THRESHOLD' }),
      }),
    );
    // Rung 3 moves to 4 friends in ten days: a rung at 4 friends from today would collide then.
    const scheduled = planLadderEdit(SEED, { kind: 'CHANGE', rungId: 3, definition: points(4, 50) }, later(10), NOW);
    expect(() => planLadderEdit([...SEED, scheduled], { kind: 'ADD', definition: points(4) }, NOW, NOW)).toThrow(
      expect.objectContaining({ details: expect.objectContaining({ reason: 'DUPLICATE_THRESHOLD' }) }),
    );
    // A retired rung's threshold is free again.
    const retired = planLadderEdit(SEED, { kind: 'RETIRE', rungId: 3 }, NOW, NOW);
    expect(planLadderEdit([...SEED, retired], { kind: 'ADD', definition: points(3) }, NOW, NOW)).toMatchObject({ rungId: 6, friends: 3 });
  });

  it('refuses the past, an edit before the rung’s latest version, an unknown rung and a retired one', () => {
    const refused = (fn: () => unknown, code: string, reason?: string) =>
      expect(fn).toThrow(expect.objectContaining({ code, ...(reason ? { details: expect.objectContaining({ reason }) } : {}) }));
    refused(
      () => planLadderEdit(SEED, { kind: 'ADD', definition: points(2) }, new Date(NOW.getTime() - 3_600_000), NOW),
      'BAD_USER_INPUT',
      'IN_THE_PAST',
    );
    const scheduled = planLadderEdit(SEED, { kind: 'CHANGE', rungId: 3, definition: points(4) }, later(10), NOW);
    refused(
      () => planLadderEdit([...SEED, scheduled], { kind: 'RETIRE', rungId: 3 }, later(5), NOW),
      'BAD_USER_INPUT',
      'BEFORE_LATEST_VERSION',
    );
    refused(() => planLadderEdit(SEED, { kind: 'RETIRE', rungId: 9 }, NOW, NOW), 'NOT_FOUND');
    const retired = planLadderEdit(SEED, { kind: 'RETIRE', rungId: 5 }, NOW, NOW);
    refused(() => planLadderEdit([...SEED, retired], { kind: 'RETIRE', rungId: 5 }, NOW, NOW), 'BAD_USER_INPUT', 'RUNG_RETIRED');
  });
});
