import { DomainError } from '../../../../kit/src/errors';
import { thrown } from '../../../../../test/harness/thrown';
import { ACTIONS, magnitudeOf, parseAction, type AssessInput } from '../action';

const earn: AssessInput = { action: 'EARN', memberId: 'm-1', amountFen: 19_990, channel: 'POS', idempotencyKey: 'order:POS-1' };

function rejects(change: Partial<AssessInput>, message: string, field: string) {
  expect(thrown(DomainError, () => parseAction({ ...earn, ...change }))).toMatchObject({
    code: 'BAD_USER_INPUT',
    message,
    details: { field },
  });
}

describe('parseAction', () => {
  it('returns the action with absent context as null', () => {
    expect(parseAction(earn)).toEqual({
      ...earn,
      points: 0,
      deviceId: null,
      ip: null,
      store: null,
      inviteeMemberId: null,
      occurredAt: null,
      failOpen: false,
      afterCommit: false,
    });
    expect(parseAction({ ...earn, idempotencyKey: 'k'.repeat(128) }).idempotencyKey).toHaveLength(128);
    expect(parseAction({ ...earn, amountFen: Number.MAX_SAFE_INTEGER }).amountFen).toBe(Number.MAX_SAFE_INTEGER);
    expect(
      parseAction({ ...earn, action: 'LOGIN', amountFen: 0, deviceId: 'dev-1', ip: '2001:db8::1', store: 'SH-01', channel: 'WEB' }),
    ).toMatchObject({ action: 'LOGIN', deviceId: 'dev-1', ip: '2001:db8::1', store: 'SH-01' });
  });

  it.each(['earn', 'REDEEM_POINTS', 'E', '', ' EARN', 'PAY'])('rejects action %p', (name) => {
    rejects({ action: name }, `action must be one of ${ACTIONS.join(', ')}`, 'action');
  });

  it('requires a member id', () => {
    rejects({ memberId: '' }, 'member_id is required', 'member_id');
    rejects({ memberId: 'm'.repeat(37) }, 'member_id is malformed', 'member_id');
  });

  it.each(['', 'k'.repeat(129)])('rejects idempotency key %p', (idempotencyKey) => {
    rejects({ idempotencyKey }, 'idempotency_key is required (≤ 128 chars)', 'idempotency_key');
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, Number.MAX_SAFE_INTEGER + 1])('rejects amount %p', (amountFen) => {
    rejects({ amountFen }, 'amount_fen must be a non-negative integer', 'amount_fen');
  });

  it('rejects malformed context', () => {
    rejects({ channel: 'FAX' }, 'channel must be one of WEB, MINI_PROGRAM, POS, PARTNER', 'channel');
    rejects({ ip: '300.1.1.1' }, 'ip must be an IPv4 or IPv6 address', 'ip');
    rejects({ deviceId: 'dev 1' }, 'device_id must be 1–64 letters, digits or _-:.', 'device_id');
    rejects({ points: -5 }, 'points must be a non-negative integer', 'points');
  });

  it('requires the context each action is judged on', () => {
    rejects({ action: 'REGISTER' }, 'REGISTER needs a device_id or an ip', 'device_id');
    rejects({ action: 'LOGIN' }, 'LOGIN needs a device_id or an ip', 'device_id');
    rejects({ amountFen: 0 }, 'EARN needs amount_fen > 0', 'amount_fen');
    rejects({ action: 'REFUND', amountFen: 0 }, 'REFUND needs amount_fen > 0', 'amount_fen');
    rejects({ action: 'BURN' }, 'BURN needs points > 0', 'points');
    rejects({ action: 'REDEEM', points: 0 }, 'REDEEM needs points > 0', 'points');
    rejects({ action: 'REFERRAL_REWARD' }, 'REFERRAL_REWARD needs invitee_member_id', 'invitee_member_id');
    rejects({ action: 'REFERRAL_REWARD', inviteeMemberId: 'm-1' }, 'a member cannot invite themselves', 'invitee_member_id');
    expect(parseAction({ ...earn, action: 'REGISTER', amountFen: 0, ip: '10.0.0.1' }).ip).toBe('10.0.0.1');
  });

  it('takes when an action happened, never after now (a minute of skew allowed), and whether it failed open', () => {
    const now = new Date('2026-11-30T08:00:00Z');
    expect(parseAction({ ...earn, occurredAtEpochMs: now.getTime() - 3_600_000, failOpen: true }, now)).toMatchObject({
      occurredAt: new Date('2026-11-30T07:00:00Z'),
      failOpen: true,
    });
    expect(parseAction({ ...earn, occurredAtEpochMs: now.getTime() + 60_000 }, now).occurredAt).toEqual(new Date('2026-11-30T08:01:00Z'));
    expect(() => parseAction({ ...earn, occurredAtEpochMs: now.getTime() + 60_001 }, now)).toThrow('occurred_at_epoch_ms is in the future');
  });

  it('checks the action name first', () => {
    rejects({ action: 'bad', memberId: '', amountFen: -1 }, `action must be one of ${ACTIONS.join(', ')}`, 'action');
  });
});

describe('magnitudeOf', () => {
  it('is money for earns and refunds, points for burns and redemptions', () => {
    expect(magnitudeOf({ action: 'EARN', amountFen: 500, points: 7 })).toBe(500);
    expect(magnitudeOf({ action: 'REFUND', amountFen: 300, points: 7 })).toBe(300);
    expect(magnitudeOf({ action: 'BURN', amountFen: 500, points: 7 })).toBe(7);
    expect(magnitudeOf({ action: 'REDEEM', amountFen: 0, points: 9 })).toBe(9);
  });
});
