import type { DataSource } from 'typeorm';
import type { ProtoGrpcType } from '../../../../proto/gen/member';
import type { MemberServiceHandlers } from '../../../../proto/gen/membergraph/member/v1/MemberService';
import { loadProto, serverStreamHandler, unaryHandler, type GrpcGuard, type PiiCipher } from '../../../kit/src';
import type { MilestoneHook } from '../commands/milestones';
import type { TierRules } from '../commands/recordActivity';
import type { EventDelivery } from '../ports';
import { countRegistrations } from './handlers/CountRegistrations';
import { getConsents } from './handlers/GetConsents';
import { getMemberTiers } from './handlers/GetMemberTiers';
import { listBirthdays } from './handlers/ListBirthdays';
import { listTiers } from './handlers/ListTiers';
import { resolvePartnerMembersForPeer } from './handlers/ResolvePartnerMembers';
import { grantTier } from './handlers/GrantTier';
import { recordQualifyingActivities } from './handlers/RecordQualifyingActivities';
import { recordQualifyingActivity } from './handlers/RecordQualifyingActivity';
import { reevaluateTier } from './handlers/ReevaluateTier';
import { streamSegmentProfiles } from './handlers/StreamSegmentProfiles';
import { verifyPartnerKey } from './handlers/VerifyPartnerKey';

export const MEMBER_GRPC_SERVICE = 'membergraph.member.v1.MemberService';

/** The member gRPC service: one handler file per rpc, wired here. */
export function memberGrpcService(
  dataSource: DataSource,
  onMilestone: MilestoneHook,
  guard: GrpcGuard,
  tierRules: TierRules,
  pii: PiiCipher,
  events: EventDelivery,
) {
  const proto = loadProto<ProtoGrpcType>('member');
  const implementation: MemberServiceHandlers = {
    GetMemberTiers: unaryHandler(guard, (request) => getMemberTiers(dataSource, request)),
    RecordQualifyingActivity: unaryHandler(guard, (request) =>
      recordQualifyingActivity(dataSource, onMilestone, events, request, tierRules),
    ),
    RecordQualifyingActivities: unaryHandler(guard, (request) =>
      recordQualifyingActivities(dataSource, onMilestone, events, request, tierRules),
    ),
    ReevaluateTier: unaryHandler(guard, (request) => reevaluateTier(dataSource, onMilestone, events, request, tierRules)),
    VerifyPartnerKey: unaryHandler(guard, (request) => verifyPartnerKey(dataSource, request)),
    StreamSegmentProfiles: serverStreamHandler(guard, (request) => streamSegmentProfiles(dataSource, request)),
    CountRegistrations: unaryHandler(guard, (request) => countRegistrations(dataSource, request)),
    GetConsents: unaryHandler(guard, (request) => getConsents(dataSource, request)),
    ListBirthdays: unaryHandler(guard, (request) => listBirthdays(dataSource, request)),
    ResolvePartnerMembers: unaryHandler(guard, (request) => resolvePartnerMembersForPeer(dataSource, pii, request)),
    GrantTier: unaryHandler(guard, (request) => grantTier(dataSource, events, request)),
    ListTiers: unaryHandler(guard, () => listTiers(dataSource)),
  };
  return { definition: proto.membergraph.member.v1.MemberService.service, implementation };
}
