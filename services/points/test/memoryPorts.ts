import { DomainError } from '../../kit/src';
import type {
  CampaignPort,
  MemberPort,
  MemberTier,
  PointsPeers,
  QualifyingActivity,
  RiskAction,
  RiskPort,
  TierDecision,
} from '../src/ports';

/** The member service in memory: tiers set by the test, every report and re-evaluation recorded. */
export class MemoryMember implements MemberPort {
  readonly tiers = new Map<string, MemberTier>();
  /** Every look-up, as the batch of ids asked (a refused input must not ask at all). */
  readonly asked: string[][] = [];
  readonly reports: QualifyingActivity[] = [];
  readonly reevaluations: Array<{ activity: QualifyingActivity; cycle: string }> = [];
  /** While true every call fails as a member service that is down would (UNAVAILABLE). */
  down = false;
  /** While true only reports of activity fail (the service went down after the tier was read). */
  reportsDown = false;

  /** A known member, on the entry tier (γ 1.0) unless told otherwise. */
  add(memberId: string, tier: Partial<Omit<MemberTier, 'memberId'>> = {}): string {
    this.tiers.set(memberId, { memberId, tierId: 'REGULAR', multiplierMilli: 1000, pointsNeverExpire: false, ...tier });
    return memberId;
  }

  async getMemberTier(memberId: string): Promise<MemberTier | null> {
    this.failIfDown();
    this.asked.push([memberId]);
    return this.tiers.get(memberId) ?? null;
  }

  async recordQualifyingActivity(activity: QualifyingActivity): Promise<TierDecision> {
    this.failIfDown(this.reportsDown);
    this.reports.push(activity);
    return { memberId: activity.memberId, tierId: this.tiers.get(activity.memberId)?.tierId ?? 'REGULAR', changed: false };
  }

  async reevaluateTier(activity: QualifyingActivity, cycle: string): Promise<TierDecision> {
    this.failIfDown();
    this.reevaluations.push({ activity, cycle });
    // Stands in for the tier engine: a member without purchases in the year steps down.
    return { memberId: activity.memberId, tierId: 'REGULAR', changed: activity.purchases === 0 };
  }

  private failIfDown(alsoWhen = false): void {
    if (this.down || alsoWhen) throw new DomainError('UNAVAILABLE', 'a service this request depends on is unavailable; retry later');
  }
}

/** The campaign service in memory: one coefficient for everyone, the times it was asked at. */
export class MemoryCampaign implements CampaignPort {
  coefficientMilli = 1000;
  readonly askedAt: Date[] = [];

  async getActivityCoefficient(_memberId: string, at: Date) {
    this.askedAt.push(at);
    return { coefficientMilli: this.coefficientMilli, campaignIds: [] };
  }
}

/** The risk service in memory: one decision for every action, each assessment recorded. */
export class MemoryRisk implements RiskPort {
  decision: 'ALLOW' | 'REVIEW' | 'DENY' = 'ALLOW';
  readonly assessed: RiskAction[] = [];

  async assess(action: RiskAction) {
    this.assessed.push(action);
    return { decision: this.decision, reason: this.decision === 'DENY' ? 'test rule' : 'no rule matched' };
  }
}

export interface MemoryPeers extends PointsPeers {
  member: MemoryMember;
  campaign: MemoryCampaign;
  risk: MemoryRisk;
}

export function memoryPeers(): MemoryPeers {
  return { member: new MemoryMember(), campaign: new MemoryCampaign(), risk: new MemoryRisk() };
}
