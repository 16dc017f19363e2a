import { OutboxEventSchema, type DatabaseSchema } from '../../../kit/src';
import { Member } from './entities/Member';
import { Milestone } from './entities/Milestone';
import { TierChange } from './entities/TierChange';
import { TierVersion } from './entities/TierVersion';
import { ChannelIdentity } from './entities/ChannelIdentity';
import { LoginCode } from './entities/LoginCode';
import { LoginGuard } from './entities/LoginGuard';
import { PartnerKey } from './entities/PartnerKey';
import { PiiAccess } from './entities/PiiAccess';
import { RefreshToken } from './entities/RefreshToken';
import { SigningKey } from './entities/SigningKey';
import { StaffAccount } from './entities/StaffAccount';
import { MemberMerge } from './entities/MemberMerge';
import { ConsentChange } from './entities/ConsentChange';
import { CreateMembers1764000000000 } from './migrations/1764000000000-CreateMembers';
import { TierEngine1764100000000 } from './migrations/1764100000000-TierEngine';
import { ProfileOutbox1764200000000 } from './migrations/1764200000000-ProfileOutbox';
import { EncryptPhones1764300000000 } from './migrations/1764300000000-EncryptPhones';
import { Identity1764400000000 } from './migrations/1764400000000-Identity';
import { KitOutbox1764510000000 } from './migrations/1764510000000-KitOutbox';
import { TierHistorySource1764613000000 } from './migrations/1764613000000-TierHistorySource';
import { TierVersion1765000000000 } from './migrations/1765000000000-TierVersion';
import { Consents1764900000000 } from './migrations/1764900000000-Consents';

/** The member service's entities and migrations; the kit's factory builds the DataSource from it. */
export const memberSchema: DatabaseSchema = {
  entities: [
    Member,
    TierVersion,
    TierChange,
    Milestone,
    OutboxEventSchema,
    SigningKey,
    RefreshToken,
    LoginCode,
    LoginGuard,
    ChannelIdentity,
    StaffAccount,
    PartnerKey,
    PiiAccess,
    MemberMerge,
    ConsentChange,
  ],
  migrations: [
    CreateMembers1764000000000,
    TierEngine1764100000000,
    ProfileOutbox1764200000000,
    EncryptPhones1764300000000,
    Identity1764400000000,
    KitOutbox1764510000000,
    TierHistorySource1764613000000,
    Consents1764900000000,
    TierVersion1765000000000,
  ],
};
