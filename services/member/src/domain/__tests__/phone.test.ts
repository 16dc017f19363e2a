import { DomainError } from '../../../../kit/src/errors';
import { CHANNELS, parseChannel } from '../../../../kit/src';
import { maskPhone, normalizePhone } from '../phone';
import { thrown } from '../../../../../test/harness/thrown';

describe('normalizePhone', () => {
  it.each([
    ['13812341234', '13812341234'],
    ['+86 138 1234 1234', '13812341234'],
    ['86-13812341234', '13812341234'],
    ['+8613812341234', '13812341234'],
    ['8613812341234', '13812341234'],
    ['+86-138-1234-1234', '13812341234'],
    [' 138 1234 1234 ', '13812341234'],
    ['13012341234', '13012341234'],
    ['19912341234', '19912341234'],
    ['18612341234', '18612341234'],
    ['8618612341234', '18612341234'],
    ['199-0000-1111', '19900001111'],
  ])('accepts %p as %p', (input, phone) => {
    expect(normalizePhone(input)).toBe(phone);
  });

  it.each([
    ['too short', '12345'],
    ['second digit 2', '12812341234'],
    ['second digit 1', '11812341234'],
    ['second digit 0', '10812341234'],
    ['not starting with 1', '23812341234'],
    ['letters', '138abcd1234'],
    ['letters at the end', '1381234abcd'],
    ['12 digits', '138123412345'],
    ['10 digits', '1381234123'],
    ['empty', ''],
    ['another country code', '+1 138 1234 1234'],
    ['+86 with a short number', '+86 138 1234 123'],
    ['86 prefix twice', '+86 86 13812341234'],
    ['parentheses', '(138)12341234'],
    ['dots', '138.1234.1234'],
    ['plus without 86', '+13812341234'],
    ['full-width digits', '１３８１２３４１２３４'],
  ])('rejects %s (%p) with BAD_USER_INPUT on field phone', (_label, input) => {
    const error = thrown(DomainError, () => normalizePhone(input));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.details).toEqual({ field: 'phone' });
    expect(error.message).toMatch(/mainland mobile number of 11 digits/);
  });

  it('is idempotent', () => {
    for (const input of ['+86 138 1234 1234', '86-19900001111', '15500009999']) {
      const once = normalizePhone(input);
      expect(normalizePhone(once)).toBe(once);
    }
  });
});

describe('maskPhone', () => {
  it('keeps the first three and last four digits', () => {
    expect(maskPhone('13812341234')).toBe('138****1234');
    expect(maskPhone('19900001111')).toBe('199****1111');
  });

  it('never shows the middle four digits', () => {
    const masked = maskPhone(normalizePhone('+86 139 8765 4321'));
    expect(masked).toBe('139****4321');
    expect(masked).not.toContain('8765');
    expect(masked).toHaveLength(11);
  });
});

describe('parseChannel', () => {
  it('lists the four channels', () => {
    expect(CHANNELS).toEqual(['WEB', 'MINI_PROGRAM', 'POS', 'PARTNER']);
  });

  it.each(CHANNELS)('accepts %s', (channel) => {
    expect(parseChannel(channel)).toBe(channel);
  });

  it.each(['web', 'FAX', '', ' WEB', 'MINI-PROGRAM'])('rejects %p with BAD_USER_INPUT on field channel', (input) => {
    const error = thrown(DomainError, () => parseChannel(input));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.details).toEqual({ field: 'channel' });
    expect(error.message).toBe('channel must be one of WEB, MINI_PROGRAM, POS, PARTNER');
  });
});
