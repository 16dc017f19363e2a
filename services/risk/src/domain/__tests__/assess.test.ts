import { DomainError } from '../../../../kit/src/errors';
import { decide, validateAction, type ActionToAssess } from '../assess';
import { thrown } from '../../../../../test/harness/thrown';

const action: ActionToAssess = { action: 'EARN', memberId: 'm-1', amountFen: 19_990, channel: 'POS', idempotencyKey: 'order:POS-1' };

function rejects(change: Partial<ActionToAssess>, message: string) {
  const error = thrown(DomainError, () => validateAction({ ...action, ...change }));
  expect(error.code).toBe('BAD_USER_INPUT');
  expect(error.message).toBe(message);
}

describe('validateAction', () => {
  it('returns a valid action unchanged', () => {
    expect(validateAction(action)).toBe(action);
    expect(validateAction({ ...action, action: 'REDEEM_POINTS', amountFen: 0 })).toEqual({
      ...action,
      action: 'REDEEM_POINTS',
      amountFen: 0,
    });
    expect(validateAction({ ...action, action: 'AB', idempotencyKey: 'k'.repeat(128) }).idempotencyKey).toHaveLength(128);
    expect(validateAction({ ...action, amountFen: Number.MAX_SAFE_INTEGER }).amountFen).toBe(Number.MAX_SAFE_INTEGER);
  });

  it.each(['earn', 'E', 'A'.repeat(33), 'EARN1', 'EARN-POINTS', '', ' EARN'])('rejects action %p', (name) => {
    rejects({ action: name }, 'action must be an upper-case name such as EARN');
  });

  it('requires a member id', () => {
    rejects({ memberId: '' }, 'member_id is required');
  });

  it.each(['', 'k'.repeat(129)])('rejects idempotency key %p', (idempotencyKey) => {
    rejects({ idempotencyKey }, 'idempotency_key is required (≤ 128 chars)');
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, Number.MAX_SAFE_INTEGER + 1])('rejects amount %p', (amountFen) => {
    rejects({ amountFen }, 'amount_fen must be a non-negative integer');
  });

  it('checks the action name first', () => {
    rejects({ action: 'bad', memberId: '', amountFen: -1 }, 'action must be an upper-case name such as EARN');
  });
});

describe('decide', () => {
  it('allows every action until rules are configured, with a reason', () => {
    for (const name of ['EARN', 'REDEEM', 'REGISTER']) {
      expect(decide({ ...action, action: name })).toEqual({ decision: 'ALLOW', reason: 'no rule matched' });
    }
    expect(decide({ ...action, amountFen: 1_000_000_000 }).decision).toBe('ALLOW');
  });
});
