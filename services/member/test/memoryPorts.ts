import { DomainError } from '../../kit/src';
import type {
  AccountMerge,
  BenefitsPort,
  BonusKind,
  CampaignPort,
  MemberPeers,
  MemberTierChange,
  MilestoneEvent,
  PointsPort,
  Registration,
  RiskAction,
  RiskDecision,
  RiskPort,
} from '../src/ports';

export type PointsCall = { award: BonusKind; memberId: string } | { merge: AccountMerge };

/** The points service in memory: every call recorded in the order it arrived, each applied once like the real one. */
export class MemoryPoints implements PointsPort {
  readonly calls: PointsCall[] = [];
  /** While true every call fails as a points service that is down would (UNAVAILABLE). */
  down = false;
  private readonly applied = new Set<string>();

  async awardBonus(memberId: string, kind: BonusKind) {
    this.failIfDown();
    this.calls.push({ award: kind, memberId });
    const replayed = !this.once(`AWARD:${kind}:${memberId}`);
    return { points: 100, balanceAfter: 100, replayed };
  }

  async mergeAccounts(merge: AccountMerge) {
    this.failIfDown();
    this.calls.push({ merge });
    const replayed = !this.once(`MERGE:${merge.mergeId}`);
    return { pointsMoved: 0, targetBalanceAfter: 0, replayed };
  }

  /** The tier copy, per member, as the real one keeps it: the highest version wins. */
  readonly tiers = new Map<string, MemberTierChange>();

  /** How many ladder edits were announced. */
  ladderChanges = 0;

  async recordTierLadderChange() {
    this.failIfDown();
    this.ladderChanges += 1;
  }

  async recordMemberTiers(changes: readonly MemberTierChange[]) {
    this.failIfDown();
    for (const change of changes) {
      const kept = this.tiers.get(change.memberId);
      if (!kept || kept.tierVersion < change.tierVersion) this.tiers.set(change.memberId, change);
    }
  }

  private once(key: string): boolean {
    if (this.applied.has(key)) return false;
    this.applied.add(key);
    return true;
  }

  private failIfDown(): void {
    if (this.down) throw new DomainError('UNAVAILABLE', 'a service this request depends on is unavailable; retry later');
  }
}

/**
 * The risk service in memory: records every assessment and answers `decide(action)` (ALLOW by
 * default), the first answer again for a repeated idempotency key, like the real one.
 */
export class MemoryRisk implements RiskPort {
  readonly calls: RiskAction[] = [];
  /** While true every call fails as a risk service that does not answer in time would (UNAVAILABLE). */
  down = false;
  decide: (action: RiskAction) => RiskDecision = () => 'ALLOW';
  private readonly decided = new Map<string, RiskDecision>();

  async assess(action: RiskAction) {
    if (this.down) throw new DomainError('UNAVAILABLE', 'a service this request depends on is unavailable; retry later');
    this.calls.push(action);
    const decision = this.decided.get(action.idempotencyKey) ?? this.decide(action);
    this.decided.set(action.idempotencyKey, decision);
    return { decision, reason: decision === 'ALLOW' ? 'no rule matched' : `memory rule: ${decision}` };
  }
}

/** The benefits service in memory: every milestone delivered, in order; each rewarded once, like the real one. */
export class MemoryBenefits implements BenefitsPort {
  readonly milestones: MilestoneEvent[] = [];
  down = false;
  private readonly rewarded = new Set<string>();

  async grantMilestoneReward(milestone: MilestoneEvent) {
    if (this.down) throw new DomainError('UNAVAILABLE', 'a service this request depends on is unavailable; retry later');
    this.milestones.push(milestone);
    const replayed = this.rewarded.has(milestone.milestoneId);
    this.rewarded.add(milestone.milestoneId);
    return { outcome: 'ISSUED' as const, couponId: `coupon-${milestone.milestoneId}`, replayed };
  }
}

/** The campaign service in memory: the referral codes it knows, and the registrations reported (each once). */
export class MemoryCampaign implements CampaignPort {
  readonly codes = new Map<string, string>();
  readonly registrations: Registration[] = [];

  async referrerOf(code: string) {
    return this.codes.get(code) ?? null;
  }

  readonly profilesCompleted: string[] = [];

  async recordProfileCompleted(memberId: string) {
    if (!this.profilesCompleted.includes(memberId)) this.profilesCompleted.push(memberId);
  }

  async recordRegistration(registration: Registration) {
    if (!this.registrations.some((r) => r.memberId === registration.memberId)) this.registrations.push(registration);
  }
}

export interface MemoryMemberPeers extends MemberPeers {
  points: MemoryPoints;
  risk: MemoryRisk;
  benefits: MemoryBenefits;
  campaign: MemoryCampaign;
}

export function memoryPeers(): MemoryMemberPeers {
  return { points: new MemoryPoints(), risk: new MemoryRisk(), benefits: new MemoryBenefits(), campaign: new MemoryCampaign() };
}
