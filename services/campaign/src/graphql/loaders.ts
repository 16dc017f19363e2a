import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { groupByKeys, orderByKeys } from '../../../kit/src';
import { memberFacts } from '../commands/boostEarn';
import { ensureReferralCodes } from '../commands/referralCode';
import type { Campaign } from '../db/entities/Campaign';
import { MemberRfm } from '../db/entities/MemberRfm';
import { ReferralDecision } from '../db/entities/ReferralDecision';
import { ReferralMember } from '../db/entities/ReferralMember';
import { ReferralReward } from '../db/entities/ReferralReward';
import { ReferralRungVersion } from '../db/entities/ReferralRungVersion';
import { Segment } from '../db/entities/Segment';
import { SegmentMember } from '../db/entities/SegmentMember';
import { SegmentRun } from '../db/entities/SegmentRun';
import { sharedLiveCampaigns, spendOf } from '../db/liveCampaigns';
import type { ClusteringReport } from '../domain/clusters';
import { admits } from '../domain/targeting';
import type { CampaignPeers } from '../ports';

/** The clustering of a recomputation as the graph shows it. */
export interface ClusteringView {
  report: Omit<ClusteringReport, 'assignments'>;
  members: number;
  computedAt: Date;
}

/** The last recomputation's clustering; null before the first, or when there were too few members. */
export async function latestClustering(dataSource: DataSource): Promise<ClusteringView | null> {
  const [run] = await dataSource.getRepository(SegmentRun).find({ order: { finishedAt: 'DESC' }, take: 1 });
  if (!run?.clustering) return null;
  return { report: JSON.parse(run.clustering) as ClusteringView['report'], members: run.members, computedAt: run.finishedAt };
}

/**
 * Per-request loaders, each made on first use (a card asks for one of them: a request builds only
 * what it reads). The live campaigns come from the process's shared copy (sharedLiveCampaigns); the facts their targeting needs
 * (tiers, segments, consent) are asked for all members of the request in one batch, and only when a
 * live campaign targets by them. Segment data is batched per kind: one statement for any number of
 * members.
 */
export class CampaignLoaders {
  private live: Promise<Campaign[]> | undefined;
  private latest: Promise<ClusteringView | null> | undefined;
  private made: {
    liveCampaignsOfMember?: DataLoader<string, Campaign[]>;
    campaignSpend?: DataLoader<string, Pick<Campaign, 'id' | 'spentPoints' | 'spentCoupons'> | null>;
    referralCode?: DataLoader<string, string>;
    invitedBy?: DataLoader<string, ReferralMember[]>;
    referralRewardsOf?: DataLoader<string, ReferralReward[]>;
    rungVersion?: DataLoader<number, ReferralRungVersion | null>;
    referralDecision?: DataLoader<string, ReferralDecision | null>;
    rfmOfMember?: DataLoader<string, MemberRfm | null>;
    segmentsOfMember?: DataLoader<string, Segment[]>;
    segmentById?: DataLoader<string, Segment | null>;
  } = {};

  constructor(
    private readonly dataSource: DataSource,
    private readonly peers: Pick<CampaignPeers, 'member'>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  get liveCampaignsOfMember(): DataLoader<string, Campaign[]> {
    return (this.made.liveCampaignsOfMember ??= new DataLoader(async (memberIds) => {
      this.live ??= sharedLiveCampaigns(this.dataSource, this.now());
      const campaigns = await this.live;
      if (campaigns.length === 0) return memberIds.map(() => []);
      const facts = await memberFacts(this.dataSource, this.peers, campaigns, memberIds, null);
      return memberIds.map((id) => campaigns.filter((c) => admits(c, facts.get(id)!)));
    }));
  }

  /** Campaigns' spend counters as they are now, for campaigns from the shared copy (see sharedLiveCampaigns). */
  get campaignSpend(): DataLoader<string, Pick<Campaign, 'id' | 'spentPoints' | 'spentCoupons'> | null> {
    return (this.made.campaignSpend ??= new DataLoader((ids) => spendOf(this.dataSource, ids)));
  }

  /** Codes of the members asked for, one given to any member without one yet (ensureReferralCodes). */
  get referralCode(): DataLoader<string, string> {
    return (this.made.referralCode ??= new DataLoader(async (memberIds) => {
      const codes = await ensureReferralCodes(this.dataSource, memberIds);
      return memberIds.map((id) => codes.get(id)!);
    }));
  }

  get invitedBy(): DataLoader<string, ReferralMember[]> {
    return (this.made.invitedBy ??= new DataLoader(async (memberIds) => {
      const rows = await this.dataSource
        .getRepository(ReferralMember)
        .find({ where: { inviterId: In([...memberIds]) }, order: { registeredAt: 'DESC' } });
      return memberIds.map((id) => rows.filter((r) => r.inviterId === id));
    }));
  }

  get referralRewardsOf(): DataLoader<string, ReferralReward[]> {
    return (this.made.referralRewardsOf ??= new DataLoader(async (memberIds) => {
      const rows = await this.dataSource.getRepository(ReferralReward).find({
        where: { beneficiaryId: In([...memberIds]) },
        order: { rung: 'ASC', createdAt: 'ASC' },
      });
      return memberIds.map((id) => rows.filter((r) => r.beneficiaryId === id));
    }));
  }

  /** The ladder versions rewards were owed under, by revision. */
  get rungVersion(): DataLoader<number, ReferralRungVersion | null> {
    return (this.made.rungVersion ??= new DataLoader(async (revisions) =>
      orderByKeys(
        revisions,
        await this.dataSource.getRepository(ReferralRungVersion).findBy({ revision: In([...revisions]) }),
        (v) => v.revision,
      ),
    ));
  }

  /** Staff decisions on held referrals, by the friend's member id. */
  get referralDecision(): DataLoader<string, ReferralDecision | null> {
    return (this.made.referralDecision ??= new DataLoader(async (memberIds) =>
      orderByKeys(
        memberIds,
        await this.dataSource.getRepository(ReferralDecision).findBy({ memberId: In([...memberIds]) }),
        (d) => d.memberId,
      ),
    ));
  }

  get rfmOfMember(): DataLoader<string, MemberRfm | null> {
    return (this.made.rfmOfMember ??= new DataLoader(async (memberIds) =>
      orderByKeys(memberIds, await this.dataSource.getRepository(MemberRfm).findBy({ memberId: In([...memberIds]) }), (r) => r.memberId),
    ));
  }

  get segmentsOfMember(): DataLoader<string, Segment[]> {
    return (this.made.segmentsOfMember ??= new DataLoader(async (memberIds) => {
      const memberships = await this.dataSource.getRepository(SegmentMember).findBy({ memberId: In([...memberIds]) });
      const segmentIds = [...new Set(memberships.map((m) => m.segmentId))];
      const segments = segmentIds.length ? await this.dataSource.getRepository(Segment).findBy({ id: In(segmentIds) }) : [];
      const byId = new Map(segments.map((s) => [s.id, s]));
      return groupByKeys(memberIds, memberships, (m) => m.memberId).map((group) =>
        group.map((m) => byId.get(m.segmentId)!).sort((a, b) => a.key.localeCompare(b.key)),
      );
    }));
  }

  get segmentById(): DataLoader<string, Segment | null> {
    return (this.made.segmentById ??= new DataLoader(async (ids) =>
      orderByKeys(ids, await this.dataSource.getRepository(Segment).findBy({ id: In([...ids]) }), (s) => s.id),
    ));
  }

  /** The last clustering, read once per request however many members ask for their cluster. */
  clustering(): Promise<ClusteringView | null> {
    return (this.latest ??= latestClustering(this.dataSource));
  }
}

export function createLoaders(dataSource: DataSource, peers: Pick<CampaignPeers, 'member'>, now?: () => Date): CampaignLoaders {
  return new CampaignLoaders(dataSource, peers, now);
}
