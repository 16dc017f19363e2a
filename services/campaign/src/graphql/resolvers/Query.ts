import { MoreThan, type FindOptionsWhere } from 'typeorm';
import { parseChannel, parseInstant, requireStaff } from '../../../../kit/src';
import { Campaign } from '../../db/entities/Campaign';
import { Experiment } from '../../db/entities/Experiment';
import { MemberRfm } from '../../db/entities/MemberRfm';
import { ReferralMember } from '../../db/entities/ReferralMember';
import { ReferralRungVersion } from '../../db/entities/ReferralRungVersion';
import { Segment } from '../../db/entities/Segment';
import { channelCac } from '../../db/channelCac';
import { withPlan } from '../../db/experiments';
import { referralKFactor } from '../../db/kFactor';
import { referralsInReview } from '../../db/referralQueue';
import { asRungVersion, loadRungVersions } from '../../db/referralLadder';
import { ladderAt } from '../../domain/referralLadder';
import { findLiveCampaigns } from '../../db/liveCampaigns';
import { coefficientCombination } from '../../db/settings';
import { CUSTOMER_SEGMENT_INFO, CUSTOMER_SEGMENTS, RFM_SEGMENT_INFO, RFM_SEGMENTS } from '../../domain/rfm';
import type { QueryResolvers } from '../__generated__/resolvers-types';
import { latestClustering } from '../loaders';
import { decodeMemberCursor, memberConnection, pageSize } from '../segmentConnection';
import { requireGrowthReader } from '../staff';

export const Query: QueryResolvers = {
  campaigns: (_, args, ctx) =>
    args.liveOnly
      ? findLiveCampaigns(ctx.dataSource, new Date())
      : ctx.dataSource.getRepository(Campaign).find({ order: { startsAt: 'DESC' }, take: 200 }),
  experiment: async (_, args, ctx) => {
    requireGrowthReader(ctx.identity);
    const row = await ctx.dataSource.getRepository(Experiment).findOneBy({ key: args.key });
    return row ? withPlan(row) : null;
  },
  experiments: async (_, __, ctx) => {
    requireGrowthReader(ctx.identity);
    return (await ctx.dataSource.getRepository(Experiment).find({ order: { createdAt: 'DESC' }, take: 100 })).map(withPlan);
  },
  segments: (_, __, ctx) => {
    requireGrowthReader(ctx.identity);
    return ctx.dataSource.getRepository(Segment).find({ order: { key: 'ASC' } });
  },
  segment: (_, args, ctx) => {
    requireGrowthReader(ctx.identity);
    return ctx.dataSource.getRepository(Segment).findOneBy({ key: args.key });
  },
  membersBy: async (_, args, ctx) => {
    requireGrowthReader(ctx.identity);
    const first = pageSize(args.first);
    const where: FindOptionsWhere<MemberRfm> = { memberId: MoreThan(decodeMemberCursor(args.after)) };
    if (args.rfmSegment) where.rfmSegment = args.rfmSegment;
    if (args.customerSegment) where.customerSegment = args.customerSegment;
    if (args.cluster != null) where.cluster = args.cluster;
    const rows = await ctx.dataSource
      .getRepository(MemberRfm)
      .find({ select: { memberId: true }, where, order: { memberId: 'ASC' }, take: first + 1 });
    return memberConnection(
      rows.map((r) => r.memberId),
      first,
      args.after,
    );
  },
  segmentSummary: async (_, __, ctx) => {
    requireGrowthReader(ctx.identity);
    const count = async (column: 'rfm_segment' | 'customer_segment') =>
      new Map(
        (
          await ctx.dataSource
            .getRepository(MemberRfm)
            .createQueryBuilder('r')
            .select(`r.${column}`, 'segment')
            .addSelect('COUNT(*)', 'members')
            .groupBy(`r.${column}`)
            .getRawMany<{ segment: string; members: string | number }>()
        ).map((row) => [row.segment, Number(row.members)]),
      );
    const [rfm, customer] = [await count('rfm_segment'), await count('customer_segment')];
    const [latest] = await ctx.dataSource
      .getRepository(MemberRfm)
      .find({ select: { computedAt: true }, order: { computedAt: 'DESC' }, take: 1 });
    return {
      rfm: RFM_SEGMENTS.map((segment) => ({ segment, label: RFM_SEGMENT_INFO[segment].label, members: rfm.get(segment) ?? 0 })),
      customer: CUSTOMER_SEGMENTS.map((segment) => ({
        segment,
        label: CUSTOMER_SEGMENT_INFO[segment].label,
        members: customer.get(segment) ?? 0,
      })),
      members: [...rfm.values()].reduce((a, b) => a + b, 0),
      computedAt: latest?.computedAt.toISOString() ?? null,
    };
  },
  clustering: (_, __, ctx) => {
    requireGrowthReader(ctx.identity);
    return latestClustering(ctx.dataSource);
  },
  channelCac: (_, args, ctx) => {
    requireGrowthReader(ctx.identity);
    return channelCac(ctx.dataSource, ctx.segments.peers.member, args.month, ctx.segments.utcOffsetMinutes);
  },
  referralLadder: async (_, args, ctx) => {
    const at = args.at ? parseInstant(args.at, 'at') : new Date();
    const rows = await loadRungVersions(ctx.dataSource);
    const live = new Set(ladderAt(rows.map(asRungVersion), at).map((rung) => rung.revision));
    return rows.filter((row) => live.has(row.revision)).sort((a, b) => a.friends - b.friends);
  },
  referralLadderHistory: (_, args, ctx) => {
    requireGrowthReader(ctx.identity);
    return ctx.dataSource
      .getRepository(ReferralRungVersion)
      .find({ where: args.rungId == null ? {} : { rungId: args.rungId }, order: { revision: 'ASC' } });
  },
  referralsInReview: (_, args, ctx) => {
    requireGrowthReader(ctx.identity);
    return referralsInReview(ctx.dataSource, args.first ?? 20, args.after ?? null);
  },
  heldReferral: async (_, args, ctx) => {
    requireGrowthReader(ctx.identity);
    const referral = await ctx.dataSource.getRepository(ReferralMember).findOneBy({ memberId: args.id });
    return referral?.inviterId ? referral : null;
  },
  referralKFactor: async (_, args, ctx) => {
    requireStaff(ctx.identity, ['ADMIN', 'OPERATOR', 'ANALYST']);
    const from = parseInstant(args.from, 'from');
    const to = parseInstant(args.to, 'to');
    const channel = args.channel ? parseChannel(args.channel) : null;
    const figures = await referralKFactor(ctx.dataSource, { from, to, channel });
    return { ...figures, from: from.toISOString(), to: to.toISOString(), channel };
  },
  coefficientCombination: async (_, __, ctx) =>
    (await coefficientCombination(ctx.dataSource, ctx.config.coefficientCombination)) === 'max' ? 'MAX' : 'MULTIPLY',
};
