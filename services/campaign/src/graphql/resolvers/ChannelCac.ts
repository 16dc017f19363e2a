import { In } from 'typeorm';
import { formatFen, type Channel } from '../../../../kit/src';
import { Segment } from '../../db/entities/Segment';
import type { ChannelCacResolvers, ChannelSpendResolvers, SegmentRecomputationResolvers } from '../__generated__/resolvers-types';

export const ChannelCac: ChannelCacResolvers = {
  channel: (row) => row.channel as Channel,
  spend: (row) => formatFen(row.spendFen),
  cac: (row) => (row.cacFen === null ? null : formatFen(row.cacFen)),
};

export const ChannelSpend: ChannelSpendResolvers = {
  id: (recorded) => recorded.spend.id,
  channel: (recorded) => recorded.spend.channel as Channel,
  month: (recorded) => recorded.spend.month,
  amount: (recorded) => formatFen(recorded.spend.amountFen),
};

export const SegmentRecomputation: SegmentRecomputationResolvers = {
  segments: async (summary, _, ctx) =>
    summary.segments.length
      ? ctx.dataSource.getRepository(Segment).find({ where: { key: In(summary.segments.map((s) => s.key)) }, order: { key: 'ASC' } })
      : [],
  clustering: (summary) => {
    if (!summary.clustering) return null;
    const { assignments: _assignments, ...report } = summary.clustering;
    return { report, members: summary.members, computedAt: summary.computedAt };
  },
};
