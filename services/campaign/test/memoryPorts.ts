import { DomainError } from '../../kit/src';
import type { PurchaseStats } from '../src/domain/rfm';
import type {
  BenefitsPort,
  CampaignPeers,
  MemberPort,
  PointsPort,
  PurchaseStatsPort,
  RiskPort,
  SegmentMemberPort,
  SegmentProfile,
} from '../src/ports';

/** In-memory member and points peers for segment tests: streams yield in batches like the real ones. */
export class MemorySegmentPeers {
  profiles: SegmentProfile[] = [];
  stats = new Map<string, PurchaseStats>();
  /** Batches the streams yielded, to prove they batch. */
  batchesServed = 0;

  addMember(profile: Partial<SegmentProfile> & { memberId: string }, stats?: Partial<PurchaseStats>): void {
    this.profiles.push({
      tierId: 'REGULAR',
      registeredVia: 'WEB',
      registeredAt: new Date('2026-01-01T00:00:00Z'),
      consents: [],
      ...profile,
    });
    if (stats) {
      this.stats.set(profile.memberId, {
        memberId: profile.memberId,
        purchases: 0,
        spendFen: 0,
        lastPurchaseAt: null,
        firstPurchaseAt: null,
        purchasesEver: 0,
        checkIns: 0,
        channels: 0,
        ...stats,
      });
    }
  }

  private async *batches<T>(items: T[], size: number): AsyncIterable<T[]> {
    for (let i = 0; i < items.length; i += size) {
      this.batchesServed += 1;
      yield items.slice(i, i + size);
    }
  }

  readonly member: SegmentMemberPort = {
    streamSegmentProfiles: (batchSize) =>
      this.batches(
        [...this.profiles].sort((a, b) => a.memberId.localeCompare(b.memberId)),
        batchSize,
      ),
    countRegistrations: async (from, to) => {
      const counts = new Map<string, number>();
      for (const p of this.profiles) {
        if (p.registeredAt >= from && p.registeredAt < to) counts.set(p.registeredVia, (counts.get(p.registeredVia) ?? 0) + 1);
      }
      return [...counts].map(([channel, members]) => ({ channel, members }));
    },
  };

  readonly points: PurchaseStatsPort = {
    streamPurchaseStats: (_asOf, _windowDays, batchSize) => this.batches([...this.stats.values()], batchSize),
  };
}

/** The member service in memory: tiers, members without marketing consent and reward tier grants (once per key). */
export class MemoryMember implements MemberPort {
  readonly tiers = new Map<string, string>();
  readonly withdrawn = new Set<string>();
  readonly grants: Array<{ memberId: string; tierId: string; idempotencyKey: string }> = [];
  /** The programme's ladder (the default seed's tier ids). */
  readonly ladder = new Set(['REGULAR', 'SILVER', 'GOLD', 'DIAMOND']);
  /** Calls to fail before answering (a peer that is down, then back). */
  failNext = 0;

  async getTiers(memberIds: readonly string[]) {
    return new Map(memberIds.flatMap((id) => (this.tiers.has(id) ? [[id, this.tiers.get(id)!] as const] : [])));
  }
  async listTierIds() {
    return new Set(this.ladder);
  }
  async withoutMarketingConsent(memberIds: readonly string[]) {
    return new Set(memberIds.filter((id) => this.withdrawn.has(id)));
  }
  async grantTier(grant: { memberId: string; tierId: string; reason: string; idempotencyKey: string }) {
    if (this.failNext > 0) {
      this.failNext -= 1;
      throw new DomainError('UNAVAILABLE', 'member service down');
    }
    if (!this.grants.some((g) => g.idempotencyKey === grant.idempotencyKey)) this.grants.push(grant);
    this.tiers.set(grant.memberId, grant.tierId);
  }
}

export class MemoryPoints implements PointsPort {
  readonly awards: Array<{ memberId: string; points: number; idempotencyKey: string }> = [];
  failNext = 0;
  async awardPoints(award: { memberId: string; points: number; reason: string; idempotencyKey: string }) {
    if (this.failNext > 0) {
      this.failNext -= 1;
      throw new DomainError('UNAVAILABLE', 'points service down');
    }
    if (!this.awards.some((a) => a.idempotencyKey === award.idempotencyKey)) this.awards.push(award);
  }
  /** Calendar changes heard (each a RecordCampaignCalendarChange). */
  calendarChanges = 0;
  async recordCampaignCalendarChange() {
    this.calendarChanges += 1;
  }
}

export class MemoryBenefits implements BenefitsPort {
  readonly coupons: Array<{ templateCode: string; memberId: string; idempotencyKey: string }> = [];
  failNext = 0;
  async issueCoupon({ templateCode, memberId, idempotencyKey }: { templateCode: string; memberId: string; idempotencyKey: string }) {
    const issue = { templateCode, memberId, idempotencyKey };
    if (this.failNext > 0) {
      this.failNext -= 1;
      throw new DomainError('UNAVAILABLE', 'benefits service down');
    }
    const index = this.coupons.findIndex((c) => c.idempotencyKey === issue.idempotencyKey);
    if (index >= 0) return { couponId: `coupon-${index}` };
    this.coupons.push(issue);
    return { couponId: `coupon-${this.coupons.length - 1}` };
  }
}

/** Risk in memory: denies the pairs it is told to (a ring), holds others for review, allows the rest; counts assessments by key. */
export class MemoryRisk implements RiskPort {
  readonly denied = new Set<string>();
  /** Pairs (`inviter>invitee`) answered REVIEW. */
  readonly review = new Set<string>();
  readonly assessed = new Set<string>();
  async assessReferral(referral: { inviterId: string; inviteeId: string; channel: string; idempotencyKey: string }) {
    this.assessed.add(referral.idempotencyKey);
    const pair = `${referral.inviterId}>${referral.inviteeId}`;
    if (this.denied.has(pair)) return { decision: 'DENY' as const, reason: 'referral ring' };
    if (this.review.has(pair)) return { decision: 'REVIEW' as const, reason: 'inviter and invitee share device d-1' };
    return { decision: 'ALLOW' as const, reason: 'no rule matched' };
  }
}

export type MemoryPeers = CampaignPeers & {
  member: MemoryMember;
  points: MemoryPoints;
  benefits: MemoryBenefits;
  risk: MemoryRisk;
};

export function memoryPeers(): MemoryPeers {
  return {
    member: new MemoryMember(),
    points: new MemoryPoints(),
    benefits: new MemoryBenefits(),
    risk: new MemoryRisk(),
  };
}
