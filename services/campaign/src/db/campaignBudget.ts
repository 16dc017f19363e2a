import type { EntityManager } from 'typeorm';
import { Campaign } from './entities/Campaign';

/**
 * Moves a budgeted campaign's spent_points by `delta` in one guarded UPDATE, so concurrent earns
 * and returns decide on the row itself, never on a value read before: up (an earn reserving its
 * extra points) only while spent stays within budget_points, down (budget given back) only while
 * it stays at or above zero. A return is not held to the budget, which staff may have lowered
 * below what is already spent. False when the guard refused and nothing moved.
 * A transaction moving several campaigns must take them in budgetLockOrder (domain/earnBoost.ts),
 * the order every earn and return locks them in, so two never wait on each other in a cycle.
 */
export async function moveSpentPoints(manager: EntityManager, campaignId: string, delta: number): Promise<boolean> {
  if (delta === 0) return true;
  const guard = delta > 0 ? 'spent_points + :delta <= budget_points' : 'spent_points + :delta >= 0';
  const moved = await manager
    .createQueryBuilder()
    .update(Campaign)
    .set({ spentPoints: () => 'spent_points + :delta' })
    .where(`id = :id AND ${guard}`, { id: campaignId, delta })
    .execute();
  return moved.affected === 1;
}
