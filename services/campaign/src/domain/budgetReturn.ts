/**
 * How much of an order's reserved budget goes back, per campaign grant. The points service asks
 * for it in two cases:
 * - REFUSED: the earn the budget was reserved for was refused before the order was recorded; the
 *   whole of what is still reserved goes back.
 * - REFUND: the order was refunded, in part or in full; refundedFen is the order's refunded total
 *   (all its refunds so far), so a grant has given back floor(points × refunded / amount) in all.
 *   Cumulative targets make returns order-free: a late return of an earlier refund finds its share
 *   already given back and returns nothing.
 * Invariants: a grant never gives back more than its points, nor less than it has already given.
 */
export type BudgetReturnRequest = { kind: 'REFUSED'; reservationId: string } | { kind: 'REFUND'; refundedFen: number; amountFen: number };

export interface GrantHeld {
  id: string;
  campaignId: string;
  points: number;
  pointsReturned: number;
}

/** Points to give back per grant (only those with something to give). */
export function planBudgetReturn(grants: readonly GrantHeld[], request: BudgetReturnRequest): Array<{ grant: GrantHeld; back: number }> {
  return grants
    .map((grant) => ({ grant, back: Math.max(0, returnedInAll(grant, request) - grant.pointsReturned) }))
    .filter((r) => r.back > 0);
}

function returnedInAll(grant: GrantHeld, request: BudgetReturnRequest): number {
  if (request.kind === 'REFUSED') return grant.points;
  if (request.amountFen <= 0) return 0;
  const refunded = Math.min(Math.max(request.refundedFen, 0), request.amountFen);
  return Number((BigInt(grant.points) * BigInt(refunded)) / BigInt(request.amountFen));
}
