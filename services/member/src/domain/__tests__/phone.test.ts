import { DomainError } from '../../../../kit/src';
import { maskPhone, normalizePhone } from '../phone';

describe('normalizePhone', () => {
  it.each([
    ['13812341234', '13812341234'],
    ['+86 138 1234 1234', '13812341234'],
    ['86-13812341234', '13812341234'],
    ['199-0000-1111', '19900001111'],
  ])('accepts %s as %s', (input, phone) => expect(normalizePhone(input)).toBe(phone));

  it.each(['12345', '12812341234', '1381234abcd', '138123412345', '', '+1 138 1234 1234', '23812341234'])('refuses %p', (input) => {
    expect(() => normalizePhone(input)).toThrow(DomainError);
    expect(() => normalizePhone(input)).toThrow(/mainland mobile number/);
  });
});

describe('maskPhone', () => {
  it('shows the first three and last four digits only', () => expect(maskPhone('13812341234')).toBe('138****1234'));
});
