import { parseChannel } from '../../../../kit/src';
import { newMember } from '../registerMember';
import { DEFAULT_TIERS, entryTier } from '../tiers';

describe('the default tier ladder (shared/DOMAIN.md §2)', () => {
  it('has the thresholds, multipliers and expiry rule of the source', () => {
    expect(
      DEFAULT_TIERS.map((t) => [t.id, t.spendThresholdFen / 100, t.purchaseThreshold, t.multiplierMilli / 1000, t.pointsNeverExpire]),
    ).toEqual([
      ['REGULAR', 0, 1, 1.0, false],
      ['SILVER', 3000, 5, 1.2, false],
      ['GOLD', 10000, 15, 1.5, false],
      ['DIAMOND', 30000, 30, 2.0, true],
    ]);
    expect(new Set(DEFAULT_TIERS.map((t) => t.rule))).toEqual(new Set(['AND']));
  });

  it('starts new members on the lowest rank, whatever the order of the rows', () => {
    expect(entryTier([...DEFAULT_TIERS].reverse()).id).toBe('REGULAR');
  });
});

describe('registration', () => {
  it('validates the phone and the channel', () => {
    const draft = newMember({ phone: '+86 139 0000 1111', channel: 'MINI_PROGRAM' }, new Date('2026-01-01T00:00:00Z'));
    expect(draft).toMatchObject({ phone: '13900001111', registeredVia: 'MINI_PROGRAM', registeredAt: new Date('2026-01-01T00:00:00Z') });
    expect(draft.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(() => parseChannel('FAX')).toThrow(/channel must be one of WEB, MINI_PROGRAM, POS, PARTNER/);
  });
});
