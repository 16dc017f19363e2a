import type { CallScope } from '../../kit/src';
import type { CampaignEngagement, MemberActivity } from './domain/models/activity';

/*
 * The peers the risk service needs, in its own terms (fen, Dates). `grpc/peers.ts` adapts them to
 * the peers' gRPC services; the command tests use in-memory ones (test/memoryPorts.ts).
 */

export interface ActivityPage {
  members: MemberActivity[];
  /** Pass as `afterMemberId` for the next page; null after the last. */
  nextAfterMemberId: string | null;
}

/** Members' histories for the models, from points (orders, points issued and burned). */
export interface ActivityPort {
  listMemberActivity(afterMemberId: string, limit: number, before: Date, scope?: CallScope): Promise<ActivityPage>;
}

/** Members' engagement with campaigns for the models, from campaign: a batch of members per call. */
export interface EngagementPort {
  /** Every requested member (none: an empty list), their engagements in [since, before), oldest first. */
  getMemberEngagement(
    memberIds: readonly string[],
    since: Date,
    before: Date,
    scope?: CallScope,
  ): Promise<Map<string, CampaignEngagement[]>>;
}
