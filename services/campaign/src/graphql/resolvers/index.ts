import type { Resolvers } from '../__generated__/resolvers-types';
import { Campaign } from './Campaign';
import { ChannelCac, ChannelSpend, SegmentRecomputation } from './ChannelCac';
import { Experiment } from './Experiment';
import { ExperimentGroupResult, ExperimentResults } from './ExperimentResults';
import { Member } from './Member';
import { Clustering, MemberCluster, MemberSegment } from './MemberSegment';
import { Mutation } from './Mutation';
import { Query } from './Query';
import { Segment } from './Segment';

export const resolvers: Resolvers = {
  Query,
  Mutation,
  Campaign,
  Member,
  Experiment,
  ExperimentResults,
  ExperimentGroupResult,
  Segment,
  MemberSegment,
  MemberCluster,
  Clustering,
  ChannelCac,
  ChannelSpend,
  SegmentRecomputation,
};
