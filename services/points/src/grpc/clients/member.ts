import type { ProtoGrpcType } from '../../../../../proto/gen/member';
import type { GetMemberTiersResponse__Output } from '../../../../../proto/gen/membergraph/member/v1/GetMemberTiersResponse';
import type { QualifyingActivity } from '../../../../../proto/gen/membergraph/member/v1/QualifyingActivity';
import type { TierDecision__Output } from '../../../../../proto/gen/membergraph/member/v1/TierDecision';
import { callUnary, clientChannelOptions, grpc, loadProto } from '../../../../kit/src';

const SERVICE = 'membergraph.member.v1.MemberService';

/** The member service as points sees it: tier multipliers and the tier engine, with a deadline on every call. */
export function createMemberClient(address: string, deadlineMs: number, serviceToken: string) {
  const proto = loadProto<ProtoGrpcType>('member');
  const client = new proto.membergraph.member.v1.MemberService(
    address,
    grpc.credentials.createInsecure(),
    clientChannelOptions(SERVICE, serviceToken),
  );
  return {
    getMemberTiers: (memberIds: string[]) =>
      callUnary<GetMemberTiersResponse__Output>((md, options, cb) => client.getMemberTiers({ memberIds }, md, options, cb), deadlineMs),
    recordQualifyingActivity: (activity: QualifyingActivity) =>
      callUnary<TierDecision__Output>((md, options, cb) => client.recordQualifyingActivity({ activity }, md, options, cb), deadlineMs),
    reevaluateTier: (activity: QualifyingActivity, cycle: string) =>
      callUnary<TierDecision__Output>((md, options, cb) => client.reevaluateTier({ activity, cycle }, md, options, cb), deadlineMs),
    close: () => client.close(),
  };
}

export type MemberClient = ReturnType<typeof createMemberClient>;
