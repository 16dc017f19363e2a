import { JobLease, type DatabaseSchema } from '../../../kit/src';
import { Campaign } from './entities/Campaign';
import { ChannelSpend } from './entities/ChannelSpend';
import { Experiment } from './entities/Experiment';
import { ExperimentCost } from './entities/ExperimentCost';
import { ExperimentParticipant } from './entities/ExperimentParticipant';
import { MemberRfm } from './entities/MemberRfm';
import { Segment } from './entities/Segment';
import { SegmentMember } from './entities/SegmentMember';
import { SegmentRun } from './entities/SegmentRun';
import { CreateCampaigns1764000000000 } from './migrations/1764000000000-CreateCampaigns';
import { ExperimentsSegments1764900000000 } from './migrations/1764900000000-ExperimentsSegments';

/** The campaign service's entities and migrations. */
export const campaignSchema: DatabaseSchema = {
  entities: [
    Campaign,
    Experiment,
    ExperimentParticipant,
    ExperimentCost,
    Segment,
    SegmentMember,
    MemberRfm,
    SegmentRun,
    ChannelSpend,
    JobLease,
  ],
  migrations: [CreateCampaigns1764000000000, ExperimentsSegments1764900000000],
};
