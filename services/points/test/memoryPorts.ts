import { DomainError } from '../../kit/src';
import type { EarnCalendar } from '../src/domain/earnCalendar';
import type {
  BenefitsPort,
  BudgetReturn,
  CampaignPort,
  EarnContext,
  ExpiryHold,
  MemberPort,
  MemberTier,
  PointsPeers,
  QualifyingActivity,
  RiskAction,
  RiskPort,
  SpendWindowReport,
  TierDecision,
  TierRung,
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
  /** Every report call (single or batched), as the reports it carried. */
  readonly reportCalls: QualifyingActivity[][] = [];
  readonly reevaluations: Array<{ activity: QualifyingActivity; cycle: string }> = [];
  /** While true every call fails as a member service that is down would (UNAVAILABLE). */
  down = false;
  /** While true only reports of activity fail (the service went down after the tier was read). */
  reportsDown = false;
  /** How long a report call takes, as a call over the network does (0: answered at once). */
  reportLatencyMs = 0;

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

  /**
   * While true, an answer for now carries the member's tier with a version (always 0: no change
   * here is announced), as the real member service's does, so points keeps a copy of it and asks no more.
   */
  versioned = false;

  async getMemberTier(memberId: string, at?: Date): Promise<MemberTier | null> {
    this.failIfDown();
    this.asked.push([memberId]);
    if (!at) {
      const tier = this.tiers.get(memberId);
      if (!tier || !this.versioned) return tier ?? null;
      return { ...tier, current: { memberId, tierId: tier.tierId, tierVersion: 0, granted: false, grantExpiresAt: null } };
    }
    this.askedAt.push(at);
    const then = (this.history.get(memberId) ?? []).filter((change) => change.from.getTime() <= at.getTime()).pop();
    return then?.tier ?? this.tiers.get(memberId) ?? null;
  }

  /** When a member left a tier whose points never expire (see ExpiryHold). */
  readonly neverExpireEndedAt = new Map<string, Date>();

  /** The default ladder (DOMAIN.md §2). Answers carry no tier versions, so points keeps no copy and asks for each earn. */
  async listTiers(): Promise<TierRung[]> {
    this.failIfDown();
    return [
      ['REGULAR', 0, 1000, 0, 1],
      ['SILVER', 1, 1200, 300_000, 5],
      ['GOLD', 2, 1500, 1_000_000, 15],
      ['DIAMOND', 3, 2000, 3_000_000, 30],
    ].map(([tierId, rank, multiplierMilli, spendThresholdFen, purchaseThreshold]) => ({
      tierId: tierId as string,
      rank: rank as number,
      multiplierMilli: multiplierMilli as number,
      pointsNeverExpire: tierId === 'DIAMOND',
      spendThresholdFen: spendThresholdFen as number,
      purchaseThreshold: purchaseThreshold as number,
      rule: 'AND' as const,
    }));
  }

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
    await this.latency();
    this.failIfDown(this.reportsDown);
    this.failIfUnknown([activity]);
    this.reports.push(activity);
    this.reportCalls.push([activity]);
    return { memberId: activity.memberId, tierId: this.tiers.get(activity.memberId)?.tierId ?? 'REGULAR', changed: false };
  }

  async recordQualifyingActivities(activities: readonly QualifyingActivity[]): Promise<TierDecision[]> {
    await this.latency();
    this.failIfDown(this.reportsDown);
    this.failIfUnknown(activities);
    this.reports.push(...activities);
    this.reportCalls.push([...activities]);
    return activities.map((a) => ({ memberId: a.memberId, tierId: this.tiers.get(a.memberId)?.tierId ?? 'REGULAR', changed: false }));
  }

  async reevaluateTier(activity: QualifyingActivity, cycle: string): Promise<TierDecision> {
    this.failIfDown();
    this.reevaluations.push({ activity, cycle });
    // Stands in for the tier engine: a member without purchases in the year steps down.
    return { memberId: activity.memberId, tierId: 'REGULAR', changed: activity.purchases === 0 };
  }

  private async latency(): Promise<void> {
    if (this.reportLatencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.reportLatencyMs));
  }

  /** As the member service: one unknown member refuses the whole call. */
  private failIfUnknown(activities: readonly QualifyingActivity[]): void {
    const unknown = activities.find((a) => !this.tiers.has(a.memberId));
    if (unknown) throw new DomainError('NOT_FOUND', `no member ${unknown.memberId}`);
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

  /**
   * A points budget (null: none) for the one coefficient: an order's extra points are reserved when
   * it is asked with the earn, once per order under a reservation id, as the campaign service does;
   * returnBudget gives them back once per key (all of a refused earn's, a refund's share).
   */
  budgetPoints: number | null = null;
  spentPoints = 0;
  readonly reservations = new Map<string, { reservationId: string; points: number; returned: number }>();
  /** Every return asked for, and the keys already given back (a repeat gives nothing more). */
  readonly returnsAsked: BudgetReturn[] = [];
  private readonly returnedKeys = new Map<string, number>();
  private reservationSeq = 0;
  /** While true every return fails as a campaign service that is down would (UNAVAILABLE). */
  down = false;

  async returnBudget(budgetReturn: BudgetReturn) {
    if (this.down) throw new DomainError('UNAVAILABLE', 'a service this request depends on is unavailable; retry later');
    this.returnsAsked.push(budgetReturn);
    const known = this.returnedKeys.get(budgetReturn.key);
    if (known !== undefined) return { returnedPoints: known, replayed: true };
    const held = this.reservations.get(budgetReturn.orderNo);
    let back = 0;
    if ('reservationId' in budgetReturn) {
      if (held && held.reservationId === budgetReturn.reservationId) {
        back = held.points - held.returned;
        this.reservations.delete(budgetReturn.orderNo);
      }
    } else if (held) {
      back = Math.max(0, Math.floor((held.points * budgetReturn.refundedFen) / budgetReturn.amountFen) - held.returned);
      held.returned += back;
    }
    this.spentPoints -= back;
    this.returnedKeys.set(budgetReturn.key, back);
    return { returnedPoints: back, replayed: false };
  }

  /** The calendar served to points (ListEarnCampaigns); without one the call fails and every earn asks getActivityCoefficient. */
  calendar: EarnCalendar | null = null;
  calendarReads = 0;
  /** While set, a calendar read waits for it (a hung campaign service): it answers when this resolves. */
  calendarHeld: Promise<void> | null = null;
  async listEarnCampaigns(): Promise<EarnCalendar> {
    this.calendarReads += 1;
    if (this.calendarHeld) await this.calendarHeld;
    if (!this.calendar || this.down) throw new DomainError('UNAVAILABLE', 'a service this request depends on is unavailable; retry later');
    return this.calendar;
  }

  async getActivityCoefficient(_memberId: string, at: Date, _scope?: unknown, earn?: EarnContext) {
    this.askedAt.push(at);
    if (this.budgetPoints !== null && earn) return this.reserve(earn);
    if (this.campaigns.length === 0) return { coefficientMilli: this.coefficientMilli, campaignIds: [] };
    const live = this.campaigns.filter((c) => c.startsAt.getTime() <= at.getTime() && at.getTime() < c.endsAt.getTime());
    return { coefficientMilli: Math.max(1000, ...live.map((c) => c.coefficientMilli)), campaignIds: live.map((c) => c.id) };
  }

  private reserve(earn: EarnContext) {
    const stored = this.reservations.get(earn.orderNo);
    if (stored) return { coefficientMilli: this.coefficientMilli, campaignIds: ['budgeted'], reservationId: stored.reservationId };
    const pointsAt = (c: number) => Math.floor((earn.amountFen * earn.baseRateMilli * earn.multiplierMilli * c) / 1e11);
    const extra = pointsAt(this.coefficientMilli) - pointsAt(1000);
    if (this.spentPoints + extra > this.budgetPoints!) return { coefficientMilli: 1000, campaignIds: [] };
    this.spentPoints += extra;
    const reservationId = `reservation-${(this.reservationSeq += 1)}`;
    this.reservations.set(earn.orderNo, { reservationId, points: extra, returned: 0 });
    return { coefficientMilli: this.coefficientMilli, campaignIds: ['budgeted'], reservationId };
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

/** The benefits service in memory: every RecordSpendStats call, with its windows. */
export class MemoryBenefits implements BenefitsPort {
  readonly calls: SpendWindowReport[][] = [];
  /** While true every call fails as a benefits service that is down would (UNAVAILABLE). */
  down = false;

  async recordSpendStats(windows: readonly SpendWindowReport[]) {
    if (this.down) throw new DomainError('UNAVAILABLE', 'a service this request depends on is unavailable; retry later');
    this.calls.push([...windows]);
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
