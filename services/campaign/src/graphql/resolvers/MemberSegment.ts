import { formatFen } from '../../../../kit/src';
import { CUSTOMER_SEGMENT_INFO, RFM_SEGMENT_INFO, type CustomerSegment, type RfmSegment } from '../../domain/rfm';
import type { ClusteringResolvers, MemberClusterResolvers, MemberSegmentResolvers } from '../__generated__/resolvers-types';

export const MemberSegment: MemberSegmentResolvers = {
  monetary: (rfm) => formatFen(rfm.monetaryFen),
  spend: (rfm) => formatFen(rfm.spendFen),
  recencyScore: (rfm) => rfm.r,
  frequencyScore: (rfm) => rfm.f,
  monetaryScore: (rfm) => rfm.m,
  rfmSegment: (rfm) => rfm.rfmSegment as RfmSegment,
  customerSegment: (rfm) => rfm.customerSegment as CustomerSegment,
  rfmSegmentLabel: (rfm) => RFM_SEGMENT_INFO[rfm.rfmSegment as RfmSegment].label,
  customerSegmentLabel: (rfm) => CUSTOMER_SEGMENT_INFO[rfm.customerSegment as CustomerSegment].label,
  cluster: async (rfm, _, ctx) => {
    if (rfm.cluster === null) return null;
    const clustering = await ctx.loaders.clustering();
    return clustering?.report.clusters.find((c) => c.index === rfm.cluster) ?? null;
  },
  segments: (rfm, _, ctx) => ctx.loaders.segmentsOfMember.load(rfm.memberId),
  computedAt: (rfm) => rfm.computedAt.toISOString(),
};

export const MemberCluster: MemberClusterResolvers = {
  recencyDays: (cluster) => cluster.centroid.recencyDays,
  purchases: (cluster) => cluster.centroid.purchases,
  averageSpend: (cluster) => formatFen(Math.round(cluster.centroid.averageSpendFen)),
  checkIns: (cluster) => cluster.centroid.checkIns,
  channels: (cluster) => cluster.centroid.channels,
};

export const Clustering: ClusteringResolvers = {
  k: (view) => view.report.k,
  wcss: (view) => view.report.wcss,
  silhouette: (view) => view.report.silhouette,
  candidates: (view) => view.report.candidates,
  clusters: (view) => view.report.clusters,
  computedAt: (view) => view.computedAt.toISOString(),
};
