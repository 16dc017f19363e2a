import type { DataSource, EntityManager } from 'typeorm';
import { DomainError, inTransaction, rowLock } from '../../../kit/src';
import { Member } from '../db/entities/Member';
import { TierChange } from '../db/entities/TierChange';
import { loadLadder, tierById } from '../db/ladder';
import { readActivityStates, storeFigures, type FiguresToStore } from '../db/activityBatch';
import { TOP_TIER_TRANSACTION } from '../db/topTier';
import { triageActivity } from '../domain/activityTriage';
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
 * As a batch of one (recordActivities): a report that changes nothing but the figures costs a read
 * and one guarded UPDATE, no transaction.
 */
export async function recordActivity(
  dataSource: DataSource,
  activity: Activity,
  onMilestone: MilestoneHook,
  now = new Date(),
  rules: TierRules = DEFAULT_TIER_RULES,
): Promise<TierDecision> {
  const [decision] = await recordActivities(dataSource, [activity], onMilestone, now, rules);
  return decision;
}

/** Most reports in one batch: its statements carry a few parameters per report. */
export const MAX_ACTIVITY_BATCH = 500;

/**
 * Many members' reports at once, answered in their order, each decided as recordActivity decides
 * it alone. One read of the members (and their milestones) and of the ladder judges every report
 * (triageActivity): the older ones are skipped, those that only bring new figures are stored in one
 * guarded UPDATE, and only those that may change a tier or reach a milestone go one by one through
 * the locked path (top tier seats, milestones and tier history exactly as for one report). A member
 * named twice goes the locked path for each of its reports, in order. A bad report or an unknown
 * member refuses the whole batch before anything is written.
 */
export async function recordActivities(
  dataSource: DataSource,
  activities: readonly Activity[],
  onMilestone: MilestoneHook,
  now = new Date(),
  rules: TierRules = DEFAULT_TIER_RULES,
): Promise<TierDecision[]> {
  if (activities.length > MAX_ACTIVITY_BATCH) throw new DomainError('BAD_USER_INPUT', `at most ${MAX_ACTIVITY_BATCH} reports at once`);
  activities.forEach(validate);
  if (activities.length === 0) return [];
  const states = await readActivityStates(
    dataSource,
    activities.map((a) => a.memberId),
    now,
  );
  const unknown = activities.find((a) => !states.has(a.memberId));
  if (unknown) throw new DomainError('NOT_FOUND', `no member ${unknown.memberId}`);
  const ladder = await loadLadder(dataSource, now);
  const reports = new Map<string, number>();
  for (const a of activities) reports.set(a.memberId, (reports.get(a.memberId) ?? 0) + 1);

  const decisions: Array<TierDecision | undefined> = activities.map(() => undefined);
  const locked: number[] = [];
  const figures: Array<FiguresToStore & { index: number }> = [];
  activities.forEach((activity, index) => {
    const state = states.get(activity.memberId)!;
    const triage = reports.get(activity.memberId)! > 1 ? 'TIER_ENGINE' : triageActivity(state, ladder, activity, now);
    if (triage === 'TIER_ENGINE') return void locked.push(index);
    const granted = state.tierSource === 'GRANTED';
    decisions[index] = {
      memberId: activity.memberId,
      tierId: state.tierId,
      changed: false,
      tierVersion: state.tierVersion,
      granted,
      grantExpiresAt: granted ? state.grantExpiresAt : null,
    };
    if (triage === 'FIGURES_ONLY') figures.push({ ...activity, tierId: state.tierId, tierSource: state.tierSource, index });
  });
  // A member that changed since the read (a tier, a grant, newer figures) fails the guard: then
  // every report of the statement goes the locked path, which stores or skips each exactly.
  if ((await storeFigures(dataSource, figures, now)) < figures.length) locked.push(...figures.map((f) => f.index));
  for (const index of locked.sort((a, b) => a - b)) {
    decisions[index] = await recordActivityLocked(dataSource, activities[index], onMilestone, now, rules);
  }
  // A refund may have freed a seat at a capped top tier, or moved a member up the line.
  await fillTopTierSeats(dataSource, rules.topTier, now);
  return decisions as TierDecision[];
}

/**
 * One report under the member's row lock, the tier engine deciding; then its milestones' hook.
 * Every report took this path before the batch existed: the batch's tests hold it to this.
 */
export async function recordActivityLocked(
  dataSource: DataSource,
  activity: Activity,
  onMilestone: MilestoneHook,
  now: Date,
  rules: TierRules,
): Promise<TierDecision> {
  const { decision, reached } = await inTransaction(
    dataSource,
    async (manager) => {
      const member = await lockMember(manager, activity.memberId);
      await endGrantIfDue(manager, member, now);
      if (member.activityAsOf && member.activityAsOf.getTime() > activity.asOf.getTime()) {
        // Older than the figures held: they stay. A refund's report still undoes what the refund took
        // away, judged by those newer figures (read after it, they count it): a report sent later
        // without the refund may have arrived first, and the step down must not be lost with it.
        const held = { ...activity, spendFen: Number(member.spend12mFen), purchases: Number(member.purchases12m) };
        const lowered = activity.refundedOrdersAt?.length
          ? await undoRefundedTier(manager, member, await loadLadder(manager, now), held, rules, now)
          : null;
        const tierId = lowered?.id ?? member.tierId;
        return {
          decision: { memberId: member.id, tierId, changed: lowered !== null, ...copyFacts(member, lowered !== null) },
          reached: [],
        };
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
