import { DomainError } from '../../../../kit/src';
import { thrown } from '../../../../../test/harness/thrown';
import { SEEDED_RULES } from '../../db/migrations/1764600000000-RiskRules';
import { parseDefinition, parseRule, type RuleInput } from '../rules';

const velocity = { kind: 'VELOCITY', actions: ['BURN'], by: 'IP', windowSeconds: 600, max: 10 };
const input: RuleInput = {
  id: 'burn-velocity-ip',
  description: 'Burst of burns from one IP',
  enabled: true,
  outcome: 'DENY',
  score: 70,
  definition: JSON.stringify(velocity),
};

const refusal = (change: Partial<RuleInput>) => thrown(DomainError, () => parseRule({ ...input, ...change }));

describe('parseRule', () => {
  it('parses a rule with its definition', () => {
    expect(parseRule(input)).toEqual({ ...input, definition: velocity });
    expect(parseRule({ ...input, description: '  padded  ' }).description).toBe('padded');
    expect(parseDefinition('{"kind":"VELOCITY","actions":["BURN","BURN","REDEEM"],"by":"MEMBER","windowSeconds":60,"max":1}')).toEqual({
      kind: 'VELOCITY',
      actions: ['BURN', 'REDEEM'],
      by: 'MEMBER',
      windowSeconds: 60,
      max: 1,
    });
  });

  it('parses every seeded default', () => {
    for (const rule of SEEDED_RULES) {
      expect(parseRule({ ...rule, enabled: true, definition: JSON.stringify(rule.definition) }).definition).toEqual(rule.definition);
    }
  });

  it.each<[string, string, string]>([
    ['not JSON', '{kind: VELOCITY', 'definition is not valid JSON'],
    ['an array', '[]', 'definition must be a JSON object'],
    [
      'an unknown kind',
      '{"kind":"MAGIC"}',
      'definition.kind must be one of VELOCITY, FAN_OUT, AMOUNT_OUTLIER, SOON_AFTER_REGISTER, REFUND_FARMING, REFERRAL_RING',
    ],
    [
      'an unknown action',
      JSON.stringify({ ...velocity, actions: ['PAY'] }),
      'definition.actions must be a non-empty list of REGISTER, LOGIN, EARN, BURN, REDEEM, REFERRAL_REWARD, REFUND',
    ],
    [
      'no actions',
      JSON.stringify({ ...velocity, actions: [] }),
      'definition.actions must be a non-empty list of REGISTER, LOGIN, EARN, BURN, REDEEM, REFERRAL_REWARD, REFUND',
    ],
    [
      'a missing window',
      JSON.stringify({ ...velocity, windowSeconds: undefined }),
      'definition.windowSeconds must be a whole number from 1 to 7776000',
    ],
    ['a fractional max', JSON.stringify({ ...velocity, max: 2.5 }), 'definition.max must be a whole number from 1 to 100000'],
    ['a max given as text', JSON.stringify({ ...velocity, max: '10' }), 'definition.max must be a whole number from 1 to 100000'],
    ['an unknown scope', JSON.stringify({ ...velocity, by: 'STORE' }), 'definition.by must be one of MEMBER, DEVICE, IP'],
    [
      'a fan-out by member',
      JSON.stringify({ kind: 'FAN_OUT', actions: ['LOGIN'], by: 'MEMBER', windowSeconds: 60, maxMembers: 2 }),
      'definition.by must be one of DEVICE, IP',
    ],
    [
      'an outlier on logins',
      JSON.stringify({ kind: 'AMOUNT_OUTLIER', actions: ['LOGIN'], factor: 5, minHistory: 3, historySize: 10 }),
      'definition.actions must be a non-empty list of EARN, BURN, REDEEM, REFUND',
    ],
    [
      'an outlier factor of 1',
      JSON.stringify({ kind: 'AMOUNT_OUTLIER', actions: ['EARN'], factor: 1, minHistory: 3, historySize: 10 }),
      'definition.factor must be a number from 1.5 to 1000',
    ],
    [
      'more history needed than read',
      JSON.stringify({ kind: 'AMOUNT_OUTLIER', actions: ['EARN'], factor: 5, minHistory: 30, historySize: 10 }),
      'definition.minHistory cannot exceed definition.historySize',
    ],
    [
      'a refund ratio above 1',
      JSON.stringify({ kind: 'REFUND_FARMING', actions: ['EARN'], windowSeconds: 60, minRefunds: 2, minRefundRatio: 1.5 }),
      'definition.minRefundRatio must be a number from 0 to 1',
    ],
    [
      'a ring depth of 50',
      JSON.stringify({ kind: 'REFERRAL_RING', maxDepth: 50, maxSharedInvitees: 1 }),
      'definition.maxDepth must be a whole number from 1 to 10',
    ],
  ])('refuses a definition with %s on definition', (_, definition, message) => {
    expect(refusal({ definition })).toMatchObject({ code: 'BAD_USER_INPUT', message, details: { field: 'definition' } });
  });

  it.each<[Partial<RuleInput>, string]>([
    [{ id: 'Burn Velocity' }, 'id'],
    [{ id: 'x' }, 'id'],
    [{ description: '  ' }, 'description'],
    [{ outcome: 'ALLOW' }, 'outcome'],
    [{ score: 101 }, 'score'],
    [{ score: -1 }, 'score'],
    [{ score: 1.5 }, 'score'],
  ])('refuses %p on its field', (change, field) => {
    expect(refusal(change)).toMatchObject({ code: 'BAD_USER_INPUT', details: { field } });
  });
});
