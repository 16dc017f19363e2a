import type { CallScope } from '../../kit/src';

/*
 * The peers the benefits service needs, in its own terms. Commands see only these; `grpc/peers.ts`
 * adapts them to the peers' gRPC services, and the command tests use in-memory ones
 * (test/memoryPorts.ts). `scope` passes a serving call's deadline on.
 */

export interface MemberPort {
  /** The member's tier id now; null for a member the member service does not know. */
  getMemberTier(memberId: string, scope?: CallScope): Promise<{ memberId: string; tierId: string } | null>;
}

export interface BenefitsPeers {
  member: MemberPort;
}
