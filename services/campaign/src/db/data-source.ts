import { JobLease, OutboxEventSchema, type DatabaseSchema } from '../../../kit/src';
import { BudgetReturn } from './entities/BudgetReturn';
import { Campaign } from './entities/Campaign';
import { CampaignAction } from './entities/CampaignAction';
import { CampaignGrant } from './entities/CampaignGrant';
import { CampaignProgress } from './entities/CampaignProgress';
import { CampaignSetting } from './entities/CampaignSetting';
import { ChannelSpend } from './entities/ChannelSpend';
import { EarnBoost } from './entities/EarnBoost';
import { Experiment } from './entities/Experiment';
import { ExperimentCost } from './entities/ExperimentCost';
import { ExperimentParticipant } from './entities/ExperimentParticipant';
import { MemberRfm } from './entities/MemberRfm';
import { ReferralCode } from './entities/ReferralCode';
import { ReferralInvitation } from './entities/ReferralInvitation';
import { ReferralMember } from './entities/ReferralMember';
import { ReferralReward } from './entities/ReferralReward';
import { ReferralDecision } from './entities/ReferralDecision';
import { ReferralRungVersion } from './entities/ReferralRungVersion';
import { Segment } from './entities/Segment';
import { SegmentMember } from './entities/SegmentMember';
import { SegmentRun } from './entities/SegmentRun';
import { CreateCampaigns1764000000000 } from './migrations/1764000000000-CreateCampaigns';
import { CampaignRules1764800000000 } from './migrations/1764800000000-CampaignRules';
import { Referrals1764810000000 } from './migrations/1764810000000-Referrals';
import { CampaignActions1764820000000 } from './migrations/1764820000000-CampaignActions';
import { ExperimentsSegments1764900000000 } from './migrations/1764900000000-ExperimentsSegments';
import { VersionReferralLadder1764950000000 } from './migrations/1764950000000-VersionReferralLadder';
import { BudgetReturns1764960000000 } from './migrations/1764960000000-BudgetReturns';

/** The campaign service's entities and migrations (in timestamp order). */
export const campaignSchema: DatabaseSchema = {
  entities: [
    Campaign,
    CampaignGrant,
    CampaignSetting,
    EarnBoost,
    BudgetReturn,
    ReferralCode,
    ReferralMember,
    ReferralInvitation,
    ReferralRungVersion,
    ReferralDecision,
    ReferralReward,
    CampaignAction,
    CampaignProgress,
    OutboxEventSchema,
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
  migrations: [
    CreateCampaigns1764000000000,
    CampaignRules1764800000000,
    Referrals1764810000000,
    CampaignActions1764820000000,
    ExperimentsSegments1764900000000,
    VersionReferralLadder1764950000000,
    BudgetReturns1764960000000,
  ],
};
