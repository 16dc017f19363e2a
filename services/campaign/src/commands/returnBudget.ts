import { In, type DataSource, type EntityManager } from 'typeorm';
import { DomainError, inTransaction, isUniqueViolation, parseCode, rowLock } from '../../../kit/src';
import { moveSpentPoints } from '../db/campaignBudget';
import { BudgetReturn } from '../db/entities/BudgetReturn';
import { Campaign } from '../db/entities/Campaign';
import { CampaignGrant } from '../db/entities/CampaignGrant';
import { EarnBoost } from '../db/entities/EarnBoost';
import { planBudgetReturn, type BudgetReturnRequest } from '../domain/budgetReturn';
import { budgetLockOrder } from '../domain/earnBoost';

export interface BudgetReturnInput {
  /** ORDER:<orderNo>, as the coefficient was asked with. */
  orderRef: string;
  /** Unique per return (REFUSED:<reservation id>, REFUND:<refundNo>): a repeat gives back nothing more. */
  key: string;
  request: BudgetReturnRequest;
}

export interface BudgetReturnAnswer {
  /** Points given back to the campaigns' budgets by this return (the first one, on a replay). */
  returnedPoints: number;
  replayed: boolean;
}

/** What a return found when a campaign's spent points could not take back a grant's share. */
export interface BooksDisagreement {
  orderRef: string;
  key: string;
  campaignId: string;
  grantId: string;
  /** The points this return would give back to the campaign. */
  returning: number;
  /** The campaign's spent_points as the return found them: fewer than `returning`. */
  spentPoints: number;
}

/**
 * A broken invariant, not a client's mistake: every grant's points were added to spent_points
 * when it was reserved, so a return can never find fewer there. Deliberately not a DomainError:
 * the kit answers it INTERNAL without its details, and the gRPC handler (kit unaryHandler) logs it
 * at error level with these fields on each attempt. The points outbox keeps retrying that member's
 * key, so the alarm repeats until staff mend the books; nothing of the return is written meanwhile.
 */
export class BudgetBooksDisagree extends Error {
  readonly orderRef: string;
  readonly key: string;
  readonly campaignId: string;
  readonly grantId: string;
  readonly returning: number;
  readonly spentPoints: number;

  constructor(found: BooksDisagreement) {
    super(
      `campaign budget books disagree: ${found.orderRef} (return ${found.key}) would give back ${found.returning} points of grant ${found.grantId} to campaign ${found.campaignId}, which has spent only ${found.spentPoints}`,
    );
    this.name = 'BudgetBooksDisagree';
    this.orderRef = found.orderRef;
    this.key = found.key;
    this.campaignId = found.campaignId;
    this.grantId = found.grantId;
    this.returning = found.returning;
    this.spentPoints = found.spentPoints;
  }
}

/**
 * Gives back budget an order reserved but does not keep (domain/budgetReturn.ts), exactly once by
 * key. In one transaction: the order's grants are locked by primary key (record locks only, so an
 * earn inserting another order's grant never waits on them), then each budgeted campaign's
 * spent_points goes down by a guarded UPDATE that can never take it below zero. A refused earn also
 * forgets the stored answer and its grants, so a retry of that order reserves afresh rather than
 * replaying a coefficient whose budget went back; it does so only while the stored answer is still
 * the reservation it names.
 */
export async function returnBudget(dataSource: DataSource, input: BudgetReturnInput, now = new Date()): Promise<BudgetReturnAnswer> {
  parseCode(input.orderRef, 'orderRef', { max: 100 });
  // Only an order's multiplier grants are reserved and given back this way (a bonus or task grant is paid, not reserved).
  if (!input.orderRef.startsWith('ORDER:'))
    throw new DomainError('BAD_USER_INPUT', 'orderRef must be ORDER:<orderNo>', { field: 'orderRef' });
  parseCode(input.key, 'key', { max: 100 });
  parseRequest(input.request);
  const known = await dataSource.getRepository(BudgetReturn).findOneBy({ key: input.key });
  if (known) return replay(known, input.orderRef);
  try {
    return await inTransaction(dataSource, async (manager) => {
      const returned = await giveBack(manager, input);
      await manager.insert(BudgetReturn, { key: input.key, orderRef: input.orderRef, points: returned, createdAt: now });
      return { returnedPoints: returned, replayed: false };
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // The same return delivered twice at once: the first one gave back.
    return replay(await dataSource.getRepository(BudgetReturn).findOneByOrFail({ key: input.key }), input.orderRef);
  }
}

async function giveBack(manager: EntityManager, input: BudgetReturnInput): Promise<number> {
  const ids = (await manager.find(CampaignGrant, { select: { id: true }, where: { grantRef: input.orderRef } })).map((g) => g.id);
  const grants =
    ids.length === 0 ? [] : await manager.find(CampaignGrant, { where: { id: In(ids) }, order: { id: 'ASC' }, lock: rowLock(manager) });
  if (input.request.kind === 'REFUSED') {
    const boost = await manager.findOne(EarnBoost, { where: { orderRef: input.orderRef }, lock: rowLock(manager) });
    // Already returned, or the order was asked again since and holds a newer reservation: not this return's to give.
    if (!boost || boost.reservationId !== input.request.reservationId) return 0;
  }
  const plan = planBudgetReturn(grants, input.request);
  const campaigns = plan.length === 0 ? [] : await manager.find(Campaign, { where: { id: In(plan.map((p) => p.grant.campaignId)) } });
  // Campaign rows in the order an earn locks them, so the two never wait on each other in a cycle.
  campaigns.sort(budgetLockOrder);
  let returned = 0;
  for (const campaign of campaigns) {
    const { grant, back } = plan.find((p) => p.grant.campaignId === campaign.id)!;
    if (campaign.budgetPoints !== null) {
      // The grant's points were added to spent_points when it was reserved: less there means the books disagree.
      if (!(await moveSpentPoints(manager, campaign.id, -back))) {
        const now = await manager.findOneByOrFail(Campaign, { id: campaign.id });
        throw new BudgetBooksDisagree({
          orderRef: input.orderRef,
          key: input.key,
          campaignId: campaign.id,
          grantId: grant.id,
          returning: back,
          spentPoints: now.spentPoints,
        });
      }
      returned += back;
    }
    if (input.request.kind === 'REFUND')
      await manager.update(CampaignGrant, { id: grant.id }, { pointsReturned: grant.pointsReturned + back });
  }
  if (input.request.kind === 'REFUSED') {
    if (grants.length > 0) await manager.delete(CampaignGrant, { id: In(grants.map((g) => g.id)) });
    await manager.delete(EarnBoost, { orderRef: input.orderRef });
  }
  return returned;
}

function parseRequest(request: BudgetReturnRequest): void {
  if (request.kind === 'REFUSED') {
    if (!request.reservationId) throw new DomainError('BAD_USER_INPUT', 'a refused earn names its reservation', { field: 'reservationId' });
    return;
  }
  if (!Number.isSafeInteger(request.amountFen) || request.amountFen <= 0)
    throw new DomainError('BAD_USER_INPUT', 'the order amount must be a positive number of fen', { field: 'amountFen' });
  if (!Number.isSafeInteger(request.refundedFen) || request.refundedFen <= 0 || request.refundedFen > request.amountFen)
    throw new DomainError('BAD_USER_INPUT', 'the refunded total must be more than nothing and at most the order amount', {
      field: 'refundedFen',
    });
}

function replay(known: BudgetReturn, orderRef: string): BudgetReturnAnswer {
  if (known.orderRef !== orderRef)
    throw new DomainError('CONFLICT', `return ${known.key} was already made for ${known.orderRef}`, { field: 'key' });
  return { returnedPoints: known.points, replayed: true };
}
