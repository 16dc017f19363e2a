import type { ProtoGrpcType as MemberProto } from '../../../../proto/gen/member';
import { createPeerClient, loadProto } from '../../../kit/src';
import type { BenefitsPeers } from '../ports';

/** Where the peers are and what every call carries. */
export interface PeerAddresses {
  memberGrpcAddress: string;
  grpcDeadlineMs: number;
  serviceToken: string;
}

/** The member service, as the benefits service's commands see it. */
export function connectPeers(config: PeerAddresses): BenefitsPeers & { close(): void } {
  const member = createPeerClient(loadProto<MemberProto>('member').membergraph.member.v1.MemberService.service, {
    address: config.memberGrpcAddress,
    deadlineMs: config.grpcDeadlineMs,
    serviceToken: config.serviceToken,
    retryable: ['GetMemberTiers'],
  });
  return {
    member: {
      getMemberTier: async (memberId, scope) => {
        const { tiers } = await member.GetMemberTiers({ memberIds: [memberId] }, scope);
        const tier = tiers.find((t) => t.memberId === memberId);
        return tier ? { memberId, tierId: tier.tierId } : null;
      },
    },
    close: () => member.close(),
  };
}
