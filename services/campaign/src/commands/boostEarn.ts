import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { inTransaction, isUniqueViolation, type CallScope } from '../../../kit/src';
import { Campaign } from '../db/entities/Campaign';
import { CampaignGrant } from '../db/entities/CampaignGrant';
import { EarnBoost } from '../db/entities/EarnBoost';
import { moveSpentPoints } from '../db/campaignBudget';
import { findLiveCampaigns } from '../db/liveCampaigns';
import { segmentsOfMembers } from '../db/segmentMembership';
import { coefficientCombination, type Combination } from '../db/settings';
import { planBoost, type Boost, type BoostPlan, type EarnBase, type Reserve } from '../domain/earnBoost';
import { admits, type MemberFacts } from '../domain/targeting';
import type { CampaignPeers } from '../ports';

/** An earn the points service is about to record, as it asks for the activity coefficient. */
export interface EarnQuestion {
  memberId: string;
  /** When the order was placed: the campaigns live then apply. */
  at: Date;
  /** The member's tier at `at` as points has it (null: not sent, asked of the member service when a campaign targets tiers). */
  tierId: string | null;
  channel: string | null;
  store: string | null;
  /** ORDER:<orderNo>; with `earn`, budgeted campaigns reserve their extra points for it, once. */
  orderRef: string | null;
  earn: EarnBase | null;
}

export interface EarnAnswer extends BoostPlan {
  campaignIds: string[];
  replayed: boolean;
  /** The stored answer's id (null when nothing was stored): what a refused earn names to return its budget (returnBudget.ts). */
  reservationId: string | null;
}

/**
 * Facts the live campaigns' targeting needs, gathered only when some campaign needs them: tiers and
 * consent from the member service, segment membership from this service's own segment tables (as
 * of their last recomputation, one statement for all members and segments).
 */
export async function memberFacts(
  db: DataSource | EntityManager,
  peers: Pick<CampaignPeers, 'member'>,
  campaigns: readonly Campaign[],
  memberIds: readonly string[],
  known: { tierId: string | null; action: MemberFacts['action'] } | null,
  scope?: CallScope,
): Promise<Map<string, MemberFacts>> {
  const segmentIds = [...new Set(campaigns.flatMap((c) => c.targetSegments ?? []))];
  const needsTier = !known?.tierId && campaigns.some((c) => c.targetTiers);
  const needsConsent = campaigns.some((c) => c.requireMarketingConsent);
  const [tiers, segments, withoutConsent] = await Promise.all([
    needsTier ? peers.member.getTiers(memberIds, scope) : new Map<string, string>(),
    segmentIds.length > 0 ? segmentsOfMembers(db, segmentIds, memberIds) : new Map<string, Set<string>>(),
    needsConsent ? peers.member.withoutMarketingConsent(memberIds, scope) : new Set<string>(),
  ]);
  return new Map(
    memberIds.map((id) => [
      id,
      {
        tierId: known?.tierId ?? tiers.get(id) ?? null,
        action: known?.action ?? null,
        segments: segments.get(id) ?? new Set<string>(),
        marketingConsent: !withoutConsent.has(id),
      },
    ]),
  );
}

const boost = (c: Campaign): Boost => ({ id: c.id, coefficientMilli: c.coefficientMilli });

/** Without an order to reserve for: what applies now, skipping campaigns whose budget is spent. */
const preview: Reserve = async () => true;

/**
 * The activity coefficient of an earn: the live multipliers whose targeting admits the member and
 * the order, combined by the programme's rule under their budgets (domain/earnBoost.ts). When the
 * order is named and a budgeted campaign applies, its extra points are reserved in the same
 * transaction as the answer is stored: a guarded UPDATE spends the budget only while
 * spent + extra ≤ budget, a grant row unique by (campaign, order) and the stored answer make a
 * retried earn get the same coefficient without spending twice. Unbudgeted campaigns write nothing.
 * Budget an order does not keep (its earn refused, the order refunded) comes back by returnBudget.ts.
 */
export async function boostEarn(
  dataSource: DataSource,
  peers: Pick<CampaignPeers, 'member'>,
  fallbackRule: Combination,
  question: EarnQuestion,
  scope?: CallScope,
): Promise<EarnAnswer> {
  const live = await findLiveCampaigns(dataSource, question.at, ['MULTIPLIER']);
  // Only a budgeted campaign ever stores an answer: without one live, an earn costs this one statement.
  if (question.orderRef && live.some((c) => c.budgetPoints !== null)) {
    const stored = await dataSource.getRepository(EarnBoost).findOneBy({ orderRef: question.orderRef });
    if (stored) return replay(dataSource, stored);
  }
  const action = question.channel ? { channel: question.channel, store: question.store } : null;
  const facts =
    live.length === 0
      ? null
      : (await memberFacts(dataSource, peers, live, [question.memberId], { tierId: question.tierId, action }, scope)).get(
          question.memberId,
        )!;
  const candidates = facts ? live.filter((c) => admits(c, facts) && !(c.budgetPoints !== null && c.spentPoints >= c.budgetPoints)) : [];
  // The rule matters only when several campaigns apply.
  const rule = candidates.length > 1 ? await coefficientCombination(dataSource, fallbackRule) : fallbackRule;
  const budgeted = candidates.some((c) => c.budgetPoints !== null);
  if (!budgeted || !question.orderRef || !question.earn) {
    const plan = await planBoost(
      question.earn ?? { amountFen: 0, baseRateMilli: 0, multiplierMilli: 0 },
      candidates.map(boost),
      rule,
      preview,
    );
    return { ...plan, campaignIds: plan.applied.map((a) => a.campaignId), replayed: false, reservationId: null };
  }
  const { orderRef, earn } = question;
  try {
    return await inTransaction(dataSource, async (manager) => {
      const plan = await planBoost(earn, candidates.map(boost), rule, reserveIn(manager, candidates, question.memberId, orderRef));
      const campaignIds = plan.applied.map((a) => a.campaignId);
      const reservationId = randomUUID();
      await manager.insert(EarnBoost, {
        orderRef,
        memberId: question.memberId,
        coefficientMilli: plan.coefficientMilli,
        campaignIds: JSON.stringify(campaignIds),
        reservationId,
        createdAt: new Date(),
      });
      return { ...plan, campaignIds, replayed: false, reservationId };
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // The same order asked concurrently: the first answer stands.
    return replay(dataSource, await dataSource.getRepository(EarnBoost).findOneByOrFail({ orderRef }));
  }
}

/** Spends a campaign's budget for this order: the guarded UPDATE decides under concurrent earns. */
function reserveIn(manager: EntityManager, campaigns: readonly Campaign[], memberId: string, orderRef: string): Reserve {
  const byId = new Map(campaigns.map((c) => [c.id, c]));
  return async (campaign, points) => {
    if (points <= 0) return true;
    if (byId.get(campaign.id)?.budgetPoints === null) {
      await insertGrant(manager, campaign.id, orderRef, memberId, points);
      return true;
    }
    if (!(await moveSpentPoints(manager, campaign.id, points))) return false;
    await insertGrant(manager, campaign.id, orderRef, memberId, points);
    return true;
  };
}

function insertGrant(manager: EntityManager, campaignId: string, grantRef: string, memberId: string, points: number) {
  return manager.insert(CampaignGrant, { id: randomUUID(), campaignId, grantRef, memberId, points, coupons: 0, createdAt: new Date() });
}

async function replay(dataSource: DataSource, stored: EarnBoost): Promise<EarnAnswer> {
  const grants = await dataSource.getRepository(CampaignGrant).findBy({ grantRef: stored.orderRef });
  const campaignIds = JSON.parse(stored.campaignIds) as string[];
  return {
    coefficientMilli: stored.coefficientMilli,
    applied: campaignIds.map((campaignId) => ({ campaignId, extraPoints: grants.find((g) => g.campaignId === campaignId)?.points ?? 0 })),
    campaignIds,
    replayed: true,
    reservationId: stored.reservationId,
  };
}
