import type { DataSource, EntityManager } from 'typeorm';
import { DomainError, inTransaction, rowLock } from '../../../kit/src';
import { Member } from '../db/entities/Member';
import { TierChange } from '../db/entities/TierChange';
import { loadLadder, tierById } from '../db/ladder';
import { TOP_TIER_TRANSACTION } from '../db/topTier';
import { reevaluate, tierAfterRefund, upgradeTarget, type QualifyingStats } from '../domain/tierEngine';
import type { TierRule } from '../domain/tiers';
import { OPEN_TOP_TIER, type TopTierRule } from '../domain/scarcity';
import { admitTarget, fillTopTierSeats } from './topTier';
import { changeTier } from './changeTier';
import { endGrantIfDue } from './endGrants';
import { recordMilestones, type MilestoneHook, type ReachedMilestone } from './milestones';

export interface Activity extends QualifyingStats {
  memberId: string;
  asOf: Date;
  /** When each order refunded since the last report was placed (reports after refunds only). */
  refundedOrdersAt?: Date[];
}

/** The programme's rules for tier changes on activity. */
export interface TierRules {
  /** A tier reached within this many days of a refunded order's placing is recomputed at once (TIER_RETURN_WINDOW_DAYS). */
  returnWindowDays: number;
  /** Whether the top tier is capped or by invitation (TOP_TIER_MAX_SHARE, TOP_TIER_INVITATION_ONLY). */
  topTier: TopTierRule;
}

export const DEFAULT_TIER_RULES: TierRules = { returnWindowDays: 30, topTier: OPEN_TOP_TIER };

export interface TierDecision {
  memberId: string;
  tierId: string;
  changed: boolean;
  /** The member's tier version after the call, and whether the tier is a grant and until when: what a copy keeps (TierCopyFacts). */
  tierVersion: number;
  granted: boolean;
  grantExpiresAt: Date | null;
}

/** What a copy of the member's tier keeps besides the tier, from the locked member row (as changeTier left it). */
function copyFacts(member: Member, earnedNow: boolean): Pick<TierDecision, 'tierVersion' | 'granted' | 'grantExpiresAt'> {
  const granted = !earnedNow && member.tierSource === 'GRANTED';
  return { tierVersion: Number(member.tierVersion), granted, grantExpiresAt: granted ? member.grantExpiresAt : null };
}

function validate(activity: Activity): void {
  if (!Number.isSafeInteger(activity.spendFen) || activity.spendFen < 0) throw new DomainError('BAD_USER_INPUT', 'spend_fen must be ≥ 0');
  if (!Number.isSafeInteger(activity.purchases) || activity.purchases < 0) throw new DomainError('BAD_USER_INPUT', 'purchases must be ≥ 0');
  if (Number.isNaN(activity.asOf.getTime()) || activity.asOf.getTime() <= 0)
    throw new DomainError('BAD_USER_INPUT', 'as_of_epoch_ms is required');
}

async function lockMember(manager: EntityManager, memberId: string): Promise<Member> {
  const member = await manager.findOne(Member, { where: { id: memberId }, lock: rowLock(manager) });
  if (!member) throw new DomainError('NOT_FOUND', `no member ${memberId}`);
  return member;
}

/**
 * After refunds: an earned tier reached within a refunded order's return window that the remaining
 * activity no longer qualifies for goes at once (reason REFUND; see tierAfterRefund). A staff
 * grant is not touched. Answers the tier moved to, or null.
 */
async function undoRefundedTier(
  manager: EntityManager,
  member: Member,
  ladder: TierRule[],
  activity: Activity,
  rule: TierRules,
  now: Date,
): Promise<TierRule | null> {
  if (!activity.refundedOrdersAt?.length || member.tierSource === 'GRANTED') return null;
  const history = await manager.find(TierChange, { where: { memberId: member.id }, order: { at: 'DESC', id: 'DESC' }, take: 50 });
  const target = tierAfterRefund(
    tierById(ladder, member.tierId),
    ladder,
    activity,
    history,
    activity.refundedOrdersAt,
    rule.returnWindowDays * 86_400_000,
  );
  if (!target) return null;
  await changeTier(manager, member, {
    toTier: target.id,
    reason: 'REFUND',
    note: 'a refund within the return window took away what the tier was reached with',
    actor: 'system',
    at: now,
  });
  return target;
}

/** The upgrade the activity earns, with the top tier only as its rule admits; null: none. */
async function upgradeWithin(
  manager: EntityManager,
  member: Member,
  ladder: TierRule[],
  stats: QualifyingStats,
  rule: TopTierRule,
): Promise<TierRule | null> {
  const current = tierById(ladder, member.tierId);
  const target = upgradeTarget(current, ladder, stats);
  if (!target) return null;
  const given = await admitTarget(manager, member, ladder, stats, rule, target);
  return given.rank > current.rank ? given : null;
}

/**
 * A member's latest qualifying activity: stored (when newer than what we have) and, when it
 * crosses a threshold, an immediate upgrade. Activity never downgrades, except that a refund
 * undoes an earned tier reached within the refunded order's return window (undoRefundedTier).
 */
export async function recordActivity(
  dataSource: DataSource,
  activity: Activity,
  onMilestone: MilestoneHook,
  now = new Date(),
  rules: TierRules = DEFAULT_TIER_RULES,
): Promise<TierDecision> {
  validate(activity);
  const { decision, reached } = await inTransaction(
    dataSource,
    async (manager) => {
      const member = await lockMember(manager, activity.memberId);
      await endGrantIfDue(manager, member, now);
      if (member.activityAsOf && member.activityAsOf.getTime() > activity.asOf.getTime()) {
        return { decision: { memberId: member.id, tierId: member.tierId, changed: false, ...copyFacts(member, false) }, reached: [] };
      }
      await manager.update(
        Member,
        { id: member.id },
        { spend12mFen: activity.spendFen, purchases12m: activity.purchases, activityAsOf: activity.asOf },
      );
      const ladder = await loadLadder(manager, now);
      const lowered = await undoRefundedTier(manager, member, ladder, activity, rules, now);
      if (lowered) return { decision: { memberId: member.id, tierId: lowered.id, changed: true, ...copyFacts(member, true) }, reached: [] };
      const target = await upgradeWithin(manager, member, ladder, activity, rules.topTier);
      if (target) {
        await changeTier(manager, member, {
          toTier: target.id,
          reason: 'UPGRADE',
          note: 'qualifying purchase crossed the threshold',
          actor: 'system',
          at: now,
        });
      }
      const tier = target ?? tierById(ladder, member.tierId);
      const earned = target !== null || member.tierSource !== 'GRANTED';
      const reached = await recordMilestones(manager, member.id, { tier, ladder, purchases12m: activity.purchases, earned }, now);
      return {
        decision: { memberId: member.id, tierId: tier.id, changed: target !== null, ...copyFacts(member, target !== null) },
        reached,
      };
    },
    TOP_TIER_TRANSACTION,
  );
  for (const milestone of reached) await onMilestone(milestone);
  // A refund may have freed a seat at a capped top tier, or moved this member up the line.
  await fillTopTierSeats(dataSource, rules.topTier, now);
  return decision;
}

/**
 * The yearly re-evaluation of one member with fresh figures: up to what they qualify for, or one
 * step down at most. A staff grant that has not expired is left alone. Once per cycle per member.
 */
export async function reevaluateMember(
  dataSource: DataSource,
  activity: Activity,
  cycle: string,
  onMilestone: MilestoneHook,
  now = new Date(),
  rules: TierRules = DEFAULT_TIER_RULES,
): Promise<TierDecision> {
  validate(activity);
  if (!/^\d{4}$/.test(cycle)) throw new DomainError('BAD_USER_INPUT', 'cycle must be a year such as 2026');
  const reached: ReachedMilestone[] = [];
  const decision = await inTransaction(
    dataSource,
    async (manager) => {
      const member = await lockMember(manager, activity.memberId);
      const unchanged = { memberId: member.id, tierId: member.tierId, changed: false, ...copyFacts(member, false) };
      if (member.reevaluatedCycle === cycle) return unchanged;
      // An expired grant ends first (back to the earned tier); the re-evaluation steps from there.
      await endGrantIfDue(manager, member, now);
      const grantInForce = member.tierSource === 'GRANTED';
      await manager.update(
        Member,
        { id: member.id },
        { reevaluatedCycle: cycle, spend12mFen: activity.spendFen, purchases12m: activity.purchases, activityAsOf: activity.asOf },
      );
      if (grantInForce) return unchanged;
      const ladder = await loadLadder(manager, now);
      const current = tierById(ladder, member.tierId);
      const evaluated = reevaluate(current, ladder, activity);
      // Up to the top tier only as its rule admits; a step up it does not admit is no step.
      const given =
        evaluated.rank > current.rank ? await admitTarget(manager, member, ladder, activity, rules.topTier, evaluated) : evaluated;
      const target = evaluated.rank > current.rank && given.rank <= current.rank ? current : given;
      if (target.id === member.tierId) {
        return { ...unchanged, tierId: member.tierId, changed: member.tierId !== unchanged.tierId, ...copyFacts(member, false) };
      }
      await changeTier(manager, member, {
        toTier: target.id,
        reason: 'REEVALUATION',
        note: `yearly re-evaluation ${cycle}`,
        actor: 'system',
        at: now,
      });
      // Reaching the top tier at the yearly run is an achievement too.
      reached.push(
        ...(await recordMilestones(manager, member.id, { tier: target, ladder, purchases12m: activity.purchases, earned: true }, now)),
      );
      return { memberId: member.id, tierId: target.id, changed: true, ...copyFacts(member, true) };
    },
    TOP_TIER_TRANSACTION,
  );
  for (const milestone of reached) await onMilestone(milestone);
  // A step down may have freed a seat at a capped top tier.
  await fillTopTierSeats(dataSource, rules.topTier, now);
  return decision;
}
