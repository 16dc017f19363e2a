import { admitted, topSeats, waitsForTop, type TopTierRule } from '../scarcity';
import { DEFAULT_TIERS } from '../tiers';

const [, , GOLD, DIAMOND] = DEFAULT_TIERS;
const diamondFigures = { spendFen: 3_000_000, purchases: 30 };
const CAP_1_PERCENT: TopTierRule = { maxSharePpm: 10_000, invitationOnly: false };

describe('a scarce top tier (DOMAIN.md §2, §4)', () => {
  it('has floor(share × members) seats, counted in whole numbers', () => {
    expect(topSeats(CAP_1_PERCENT, 99)).toBe(0);
    expect(topSeats(CAP_1_PERCENT, 100)).toBe(1);
    expect(topSeats(CAP_1_PERCENT, 12_345)).toBe(123);
    expect(topSeats({ maxSharePpm: null, invitationOnly: false }, 5)).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('admits to the top while a seat is left after everyone ahead in line, else the best tier below', () => {
    expect(admitted(DIAMOND, DEFAULT_TIERS, diamondFigures, CAP_1_PERCENT, { members: 200, held: 1, ahead: 0 }).id).toBe('DIAMOND');
    expect(admitted(DIAMOND, DEFAULT_TIERS, diamondFigures, CAP_1_PERCENT, { members: 200, held: 1, ahead: 1 }).id).toBe('GOLD');
    expect(admitted(DIAMOND, DEFAULT_TIERS, diamondFigures, CAP_1_PERCENT, { members: 200, held: 2, ahead: 0 }).id).toBe('GOLD');
    expect(admitted(GOLD, DEFAULT_TIERS, diamondFigures, CAP_1_PERCENT, { members: 0, held: 0, ahead: 0 }).id).toBe('GOLD');
  });

  it('by invitation only, activity never reaches the top; open, it always does', () => {
    expect(admitted(DIAMOND, DEFAULT_TIERS, diamondFigures, { maxSharePpm: null, invitationOnly: true }, null).id).toBe('GOLD');
    expect(admitted(DIAMOND, DEFAULT_TIERS, diamondFigures, { maxSharePpm: null, invitationOnly: false }, null).id).toBe('DIAMOND');
  });

  it('a member waits when their figures qualify for the top and they do not hold it', () => {
    expect(waitsForTop(DEFAULT_TIERS, { tierId: 'GOLD', ...diamondFigures })).toBe(true);
    expect(waitsForTop(DEFAULT_TIERS, { tierId: 'DIAMOND', ...diamondFigures })).toBe(false);
    expect(waitsForTop(DEFAULT_TIERS, { tierId: 'GOLD', spendFen: 2_999_999, purchases: 30 })).toBe(false);
  });
});
