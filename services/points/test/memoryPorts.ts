import { DomainError } from '../../kit/src';
import type {
  CampaignPort,
  ExpiryHold,
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
  /** Tiers a member held from a moment on (their tier history), latest last; `tiers` holds the present one. */
  readonly history = new Map<string, Array<{ from: Date; tier: MemberTier }>>();
  /** The moment of every look-up that asked for one. */
  readonly askedAt: Date[] = [];
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

  /** The member held `tier` from `from` until the next change (a tier history entry). */
  held(memberId: string, from: Date, tier: Partial<Omit<MemberTier, 'memberId'>>): void {
    const base = this.tiers.get(memberId) ?? { memberId, tierId: 'REGULAR', multiplierMilli: 1000, pointsNeverExpire: false };
    const changes = this.history.get(memberId) ?? [];
    changes.push({ from, tier: { ...base, ...tier } });
    changes.sort((a, b) => a.from.getTime() - b.from.getTime());
    this.history.set(memberId, changes);
  }

  async getMemberTier(memberId: string, at?: Date): Promise<MemberTier | null> {
    this.failIfDown();
    this.asked.push([memberId]);
    if (!at) return this.tiers.get(memberId) ?? null;
    this.askedAt.push(at);
    const then = (this.history.get(memberId) ?? []).filter((change) => change.from.getTime() <= at.getTime()).pop();
    return then?.tier ?? this.tiers.get(memberId) ?? null;
  }

  /** When a member left a tier whose points never expire (see ExpiryHold). */
  readonly neverExpireEndedAt = new Map<string, Date>();

  async getExpiryHolds(memberIds: readonly string[]): Promise<ExpiryHold[]> {
    this.failIfDown();
    this.asked.push([...memberIds]);
    return memberIds.flatMap((memberId) => {
      const tier = this.tiers.get(memberId);
      if (!tier) return [];
      const ended = tier.pointsNeverExpire ? null : (this.neverExpireEndedAt.get(memberId) ?? null);
      return [{ memberId, pointsNeverExpire: tier.pointsNeverExpire, neverExpireEndedAt: ended }];
    });
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

/**
 * The campaign service in memory: one coefficient for everyone, or (once `live` was called) the
 * highest of the campaigns live at the moment asked, as the default `max` combination; the times
 * it was asked at.
 */
export class MemoryCampaign implements CampaignPort {
  coefficientMilli = 1000;
  readonly askedAt: Date[] = [];
  private readonly campaigns: Array<{ id: string; coefficientMilli: number; startsAt: Date; endsAt: Date }> = [];

  /** A campaign live in [startsAt, endsAt). */
  live(id: string, coefficientMilli: number, startsAt: Date, endsAt: Date): void {
    this.campaigns.push({ id, coefficientMilli, startsAt, endsAt });
  }

  readonly actions: Array<{ memberId: string; action: string; ref: string }> = [];
  async recordAction(action: { memberId: string; action: string; ref: string; at: Date }) {
    this.actions.push({ memberId: action.memberId, action: action.action, ref: action.ref });
  }

  async getActivityCoefficient(_memberId: string, at: Date) {
    this.askedAt.push(at);
    if (this.campaigns.length === 0) return { coefficientMilli: this.coefficientMilli, campaignIds: [] };
    const live = this.campaigns.filter((c) => c.startsAt.getTime() <= at.getTime() && at.getTime() < c.endsAt.getTime());
    return { coefficientMilli: Math.max(1000, ...live.map((c) => c.coefficientMilli)), campaignIds: live.map((c) => c.id) };
  }
}

/** The risk service in memory: one decision for every action, each assessment recorded. */
export class MemoryRisk implements RiskPort {
  decision: 'ALLOW' | 'REVIEW' | 'DENY' = 'ALLOW';
  readonly assessed: RiskAction[] = [];
  /** While true every call fails as a risk service that is down or past its deadline would (UNAVAILABLE). */
  down = false;

  async assess(action: RiskAction) {
    if (this.down) throw new DomainError('UNAVAILABLE', 'a service this request depends on is unavailable; retry later');
    this.assessed.push(action);
    return { decision: this.decision, reason: this.decision === 'DENY' ? 'test rule' : 'no rule matched' };
  }

  /** Every call of assessBatch, with its actions: a test sees how they were batched. */
  readonly batches: RiskAction[][] = [];

  async assessBatch(actions: readonly RiskAction[]) {
    if (this.down) throw new DomainError('UNAVAILABLE', 'a service this request depends on is unavailable; retry later');
    this.batches.push([...actions]);
    return Promise.all(actions.map((action) => this.assess(action)));
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
