import { DomainError } from '../../../../kit/src/errors';
import { newCampaign } from '../newCampaign';
import { thrown } from '../../../../../test/harness/thrown';

const input = {
  name: 'Double points week 雙倍積分週',
  activityCoefficient: '2.0',
  startsAt: '2026-12-01T00:00:00Z',
  endsAt: '2026-12-08T00:00:00Z',
};

function rejects(change: Partial<typeof input>, field: string, message: RegExp, reason?: string) {
  const error = thrown(DomainError, () => newCampaign({ ...input, ...change }));
  expect(error.code).toBe('BAD_USER_INPUT');
  expect(error.details).toEqual(reason ? { field, reason } : { field });
  expect(error.message).toMatch(message);
}

describe('newCampaign', () => {
  it('builds a draft with a fresh UUID, the parsed coefficient and the window', () => {
    const draft = newCampaign(input);
    expect(draft).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
      name: 'Double points week 雙倍積分週',
      type: 'MULTIPLIER',
      status: 'SCHEDULED',
      coefficientMilli: 2000,
      startsAt: new Date('2026-12-01T00:00:00.000Z'),
      endsAt: new Date('2026-12-08T00:00:00.000Z'),
      targetTiers: null,
      targetChannels: null,
      targetStores: null,
      targetSegments: null,
      requireMarketingConsent: false,
      budgetPoints: null,
      budgetCoupons: null,
      bonusPoints: null,
      taskAction: null,
      taskTarget: null,
      rewardCouponTemplate: null,
    });
    expect(newCampaign(input).id).not.toBe(draft.id);
  });

  it('accepts offsets and fractional seconds', () => {
    const draft = newCampaign({ ...input, startsAt: '2026-12-01T08:00:00+08:00', endsAt: '2026-12-01T00:00:00.001Z' });
    expect(draft.startsAt.toISOString()).toBe('2026-12-01T00:00:00.000Z');
    expect(draft.endsAt.toISOString()).toBe('2026-12-01T00:00:00.001Z');
  });

  it('trims the name and allows up to 128 characters', () => {
    expect(newCampaign({ ...input, name: '  Spring  ' }).name).toBe('Spring');
    expect(newCampaign({ ...input, name: 'n'.repeat(128) }).name).toHaveLength(128);
  });

  it('trims the name and parses the coefficient and the window together', () => {
    expect(newCampaign({ ...input, name: ' Double points week ' })).toMatchObject({
      name: 'Double points week',
      coefficientMilli: 2000,
      startsAt: new Date(input.startsAt),
      endsAt: new Date(input.endsAt),
    });
  });

  it.each(['', '   ', 'n'.repeat(129)])('rejects name %p', (name) => {
    rejects({ name }, 'name', /^name must be 1–128 characters$/);
  });

  it.each(['2026-12-01', '12/01/2026', 'tomorrow', '', '2026-13-01T00:00:00Z', '2026-12-01T25:00:00Z', 'x2026-12-01T00:00:00Z'])(
    'rejects startsAt %p',
    (startsAt) => {
      rejects({ startsAt }, 'startsAt', /^startsAt must be an ISO-8601 timestamp/);
    },
  );

  it('rejects an endsAt that is not a timestamp', () => {
    rejects({ endsAt: 'next week' }, 'endsAt', /^endsAt must be an ISO-8601 timestamp/);
  });

  it('rejects a window that ends at or before its start', () => {
    rejects({ endsAt: input.startsAt }, 'endsAt', /^endsAt must be after startsAt$/, 'INVERTED_WINDOW');
    rejects({ endsAt: '2026-11-30T23:59:59Z' }, 'endsAt', /^endsAt must be after startsAt$/, 'INVERTED_WINDOW');
  });

  it('accepts a window of one millisecond', () => {
    expect(() => newCampaign({ ...input, endsAt: '2026-12-01T00:00:00.001Z' })).not.toThrow();
  });

  it('creates a DRAFT when asked', () => {
    expect(newCampaign({ ...input, draft: true } as never).status).toBe('DRAFT');
  });

  it('refuses negative or fractional budgets', () => {
    rejects({ budgetPoints: -1 } as never, 'budgetPoints', /budgetPoints must be a whole number of at least 0/);
    rejects({ budgetCoupons: 0.5 } as never, 'budgetCoupons', /budgetCoupons must be a whole number/);
  });

  it('rejects a coefficient outside 1..10', () => {
    rejects({ activityCoefficient: '0.5' }, 'activityCoefficient', /activityCoefficient must be between 1 and 10/);
    rejects({ activityCoefficient: '10.5' }, 'activityCoefficient', /activityCoefficient/);
  });
});
