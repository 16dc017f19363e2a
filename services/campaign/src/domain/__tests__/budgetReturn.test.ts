import { planBudgetReturn, type GrantHeld } from '../budgetReturn';

const grant = (points: number, pointsReturned = 0, id = 'g-1'): GrantHeld => ({ id, campaignId: `c-${id}`, points, pointsReturned });

describe('planBudgetReturn', () => {
  it('a refused earn gives back all that is still held', () => {
    expect(planBudgetReturn([grant(100, 30), grant(40, 0, 'g-2')], { kind: 'REFUSED', reservationId: 'r' })).toEqual([
      { grant: grant(100, 30), back: 70 },
      { grant: grant(40, 0, 'g-2'), back: 40 },
    ]);
  });

  it('a refund gives back floor(points × refunded / amount) in all, less what was given before', () => {
    const refund = (refundedFen: number, returned: number) =>
      planBudgetReturn([grant(100, returned)], { kind: 'REFUND', refundedFen, amountFen: 30_000 })[0]?.back ?? 0;
    expect(refund(10_000, 0)).toBe(33);
    expect(refund(20_000, 33)).toBe(33);
    expect(refund(30_000, 66)).toBe(34);
    // An earlier refund arriving after a later one: nothing.
    expect(refund(10_000, 66)).toBe(0);
  });

  it('never gives back more than the grant holds, whatever the figures say', () => {
    expect(planBudgetReturn([grant(100, 0)], { kind: 'REFUND', refundedFen: 50_000, amountFen: 30_000 })).toEqual([
      { grant: grant(100, 0), back: 100 },
    ]);
    expect(planBudgetReturn([grant(100, 100)], { kind: 'REFUSED', reservationId: 'r' })).toEqual([]);
  });
});
