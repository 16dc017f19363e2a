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
import { findLiveCampaigns } from '../db/liveCampaigns';
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
 * Per-request loaders. The live campaigns are read once per request; the facts their targeting
 * needs (tiers, segments, consent) are asked for all members of the request in one batch, and only
 * when a live campaign targets by them. Segment data is batched per kind: one statement for any
 * number of members.
 */
export function createLoaders(dataSource: DataSource, peers: Pick<CampaignPeers, 'member'>, now: () => Date = () => new Date()) {
  let live: Promise<Campaign[]> | undefined;
  let clustering: Promise<ClusteringView | null> | undefined;
  return {
    liveCampaignsOfMember: new DataLoader<string, Campaign[]>(async (memberIds) => {
      live ??= findLiveCampaigns(dataSource, now());
      const campaigns = await live;
      if (campaigns.length === 0) return memberIds.map(() => []);
      const facts = await memberFacts(dataSource, peers, campaigns, memberIds, null);
      return memberIds.map((id) => campaigns.filter((c) => admits(c, facts.get(id)!)));
    }),
    /** Codes of the members asked for, one given to any member without one yet (ensureReferralCodes). */
    referralCode: new DataLoader<string, string>(async (memberIds) => {
      const codes = await ensureReferralCodes(dataSource, memberIds);
      return memberIds.map((id) => codes.get(id)!);
    }),
    invitedBy: new DataLoader<string, ReferralMember[]>(async (memberIds) => {
      const rows = await dataSource
        .getRepository(ReferralMember)
        .find({ where: { inviterId: In([...memberIds]) }, order: { registeredAt: 'DESC' } });
      return memberIds.map((id) => rows.filter((r) => r.inviterId === id));
    }),
    referralRewardsOf: new DataLoader<string, ReferralReward[]>(async (memberIds) => {
      const rows = await dataSource.getRepository(ReferralReward).find({
        where: { beneficiaryId: In([...memberIds]) },
        order: { rung: 'ASC', createdAt: 'ASC' },
      });
      return memberIds.map((id) => rows.filter((r) => r.beneficiaryId === id));
    }),
    /** The ladder versions rewards were owed under, by revision. */
    rungVersion: new DataLoader<number, ReferralRungVersion | null>(async (revisions) =>
      orderByKeys(
        revisions,
        await dataSource.getRepository(ReferralRungVersion).findBy({ revision: In([...revisions]) }),
        (v) => v.revision,
      ),
    ),
    /** Staff decisions on held referrals, by the friend's member id. */
    referralDecision: new DataLoader<string, ReferralDecision | null>(async (memberIds) =>
      orderByKeys(memberIds, await dataSource.getRepository(ReferralDecision).findBy({ memberId: In([...memberIds]) }), (d) => d.memberId),
    ),
    rfmOfMember: new DataLoader<string, MemberRfm | null>(async (memberIds) =>
      orderByKeys(memberIds, await dataSource.getRepository(MemberRfm).findBy({ memberId: In([...memberIds]) }), (r) => r.memberId),
    ),
    segmentsOfMember: new DataLoader<string, Segment[]>(async (memberIds) => {
      const memberships = await dataSource.getRepository(SegmentMember).findBy({ memberId: In([...memberIds]) });
      const segmentIds = [...new Set(memberships.map((m) => m.segmentId))];
      const segments = segmentIds.length ? await dataSource.getRepository(Segment).findBy({ id: In(segmentIds) }) : [];
      const byId = new Map(segments.map((s) => [s.id, s]));
      return groupByKeys(memberIds, memberships, (m) => m.memberId).map((group) =>
        group.map((m) => byId.get(m.segmentId)!).sort((a, b) => a.key.localeCompare(b.key)),
      );
    }),
    segmentById: new DataLoader<string, Segment | null>(async (ids) =>
      orderByKeys(ids, await dataSource.getRepository(Segment).findBy({ id: In([...ids]) }), (s) => s.id),
    ),
    /** The last clustering, read once per request however many members ask for their cluster. */
    clustering: () => (clustering ??= latestClustering(dataSource)),
  };
}

export type CampaignLoaders = ReturnType<typeof createLoaders>;
