import type { PurchaseStats } from '../src/domain/rfm';
import type { PurchaseStatsPort, SegmentMemberPort, SegmentProfile } from '../src/ports';

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
