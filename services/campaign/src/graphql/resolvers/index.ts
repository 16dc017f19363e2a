import type { Resolvers } from '../__generated__/resolvers-types';
import { ChannelCac, ChannelSpend, SegmentRecomputation } from './ChannelCac';
import { Experiment } from './Experiment';
import { ExperimentGroupResult, ExperimentResults } from './ExperimentResults';
import { Campaign, CampaignTarget } from './Campaign';
import { Member } from './Member';
import { Clustering, MemberCluster, MemberSegment } from './MemberSegment';
import { Mutation } from './Mutation';
import { Query } from './Query';
import { HeldReferral, Referral, ReferralDecision, ReferralReward, ReferralRung, ReferralRungVersion, ReferredFriend } from './Referral';
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
  CampaignTarget,
  Referral,
  ReferredFriend,
  ReferralReward,
  ReferralRung,
  ReferralRungVersion,
  HeldReferral,
  ReferralDecision,
};
