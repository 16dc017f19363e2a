import type { Lot, Plan } from './account';

/** Points a checkout offset took from one lot, and when that lot expires (null: never). */
export interface TakenPoints {
  points: number;
  expiresAt: Date | null;
}

/** What a burn plan takes from each lot, in the order it takes them (the plan's lot changes keep that order). */
export function takenFromLots(lots: readonly Lot[], plan: Plan): TakenPoints[] {
  const byId = new Map(lots.map((lot) => [lot.id, lot]));
  const taken: TakenPoints[] = [];
  for (const [lotId, remaining] of plan.lotChanges) {
    const lot = byId.get(lotId);
    if (lot && lot.remaining > remaining) taken.push({ points: lot.remaining - remaining, expiresAt: lot.expiresAt });
  }
  return taken;
}

/**
 * The lots a refund gives an offset's points back as: the `points` that follow the
 * `returnedBefore` already given back, walking what the offset took in the order it took it; each
 * part keeps its lot's expiry, or takes `standardExpiry` when that has passed (or is unknown: an
 * offset recorded before lots were remembered). Parts with the same expiry form one lot.
 */
export function returnedLots(
  taken: readonly TakenPoints[],
  returnedBefore: number,
  points: number,
  now: Date,
  standardExpiry: Date,
): TakenPoints[] {
  const parts = new Map<number | null, number>();
  const add = (expiresAt: Date | null, n: number) => {
    const kept = expiresAt === null || expiresAt.getTime() > now.getTime() ? expiresAt : standardExpiry;
    const key = kept ? kept.getTime() : null;
    parts.set(key, (parts.get(key) ?? 0) + n);
  };
  let skip = returnedBefore;
  let left = points;
  for (const part of taken) {
    if (left === 0) break;
    const available = part.points - Math.min(skip, part.points);
    skip -= part.points - available;
    const n = Math.min(available, left);
    if (n > 0) add(part.expiresAt, n);
    left -= n;
  }
  if (left > 0) add(standardExpiry, left);
  return [...parts].map(([time, n]) => ({ points: n, expiresAt: time === null ? null : new Date(time) }));
}
