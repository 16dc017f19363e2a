import { planBurn, type Lot } from '../account';
import { returnedLots, takenFromLots } from '../offset';

const at = (iso: string) => new Date(iso);
const NOW = at('2026-06-15T00:00:00Z');
const STANDARD = at('2027-07-01T00:00:00Z');

describe('checkout offsets and their return', () => {
  it('records what a burn took from each lot, oldest first, with the lots’ expiry', () => {
    const lots: Lot[] = [
      { id: 'b', remaining: 50, earnedAt: at('2026-02-01T00:00:00Z'), expiresAt: at('2027-03-01T00:00:00Z') },
      { id: 'a', remaining: 30, earnedAt: at('2026-01-01T00:00:00Z'), expiresAt: at('2026-06-01T00:00:00Z') },
      { id: 'c', remaining: 10, earnedAt: at('2026-03-01T00:00:00Z'), expiresAt: null },
    ];
    const plan = planBurn({ balance: 90, debt: 0 }, lots, 60, 'REDEEM', 'checkout');
    expect(takenFromLots(lots, plan)).toEqual([
      { points: 30, expiresAt: at('2026-06-01T00:00:00Z') },
      { points: 30, expiresAt: at('2027-03-01T00:00:00Z') },
    ]);
  });

  it('gives back in the order taken, cumulatively, keeping each lot’s expiry unless it has passed', () => {
    const taken = [
      { points: 30, expiresAt: at('2026-06-01T00:00:00Z') }, // passed by NOW
      { points: 30, expiresAt: at('2027-03-01T00:00:00Z') },
      { points: 10, expiresAt: null },
    ];
    expect(returnedLots(taken, 0, 20, NOW, STANDARD)).toEqual([{ points: 20, expiresAt: STANDARD }]);
    expect(returnedLots(taken, 20, 25, NOW, STANDARD)).toEqual([
      { points: 10, expiresAt: STANDARD },
      { points: 15, expiresAt: at('2027-03-01T00:00:00Z') },
    ]);
    expect(returnedLots(taken, 45, 25, NOW, STANDARD)).toEqual([
      { points: 15, expiresAt: at('2027-03-01T00:00:00Z') },
      { points: 10, expiresAt: null },
    ]);
  });

  it('gives an offset recorded without its lots back with the standard expiry', () => {
    expect(returnedLots([], 0, 40, NOW, STANDARD)).toEqual([{ points: 40, expiresAt: STANDARD }]);
  });
});
