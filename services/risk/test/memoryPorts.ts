import { DomainError } from '../../kit/src';
import type { MemberActivity } from '../src/domain/models/activity';
import type { ModelPeers } from '../src/commands/memberModels';
import type { ActivityPort, EngagementPort } from '../src/ports';

/** Points' ListMemberActivity over an array, paged as the real one is (member id order, before `before`); no engagement (campaign's). */
export function memoryActivity(members: readonly MemberActivity[]): ActivityPort & { pagesRead: number } {
  const sorted = [...members].sort((a, b) => (a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0));
  const port = {
    pagesRead: 0,
    listMemberActivity: async (afterMemberId: string, limit: number, before: Date) => {
      port.pagesRead++;
      const page = sorted.filter((m) => m.memberId > afterMemberId).slice(0, limit);
      return {
        members: page.map((m) => ({
          ...m,
          orders: m.orders.filter((o) => o.orderedAt < before),
          points: m.points.filter((p) => p.at < before),
          engagements: [],
        })),
        nextAfterMemberId: page.length === limit ? page[page.length - 1].memberId : null,
      };
    },
  };
  return port;
}

/**
 * Campaign's GetMemberEngagement over the same array: each member's engagements in [since, before).
 * `down`: every call fails as a peer that does not answer does (UNAVAILABLE).
 */
export function memoryEngagement(
  members: readonly MemberActivity[],
  options: { down?: boolean } = {},
): EngagementPort & { batches: number[] } {
  const byId = new Map(members.map((m) => [m.memberId, m.engagements]));
  const port = {
    batches: [] as number[],
    getMemberEngagement: async (memberIds: readonly string[], since: Date, before: Date) => {
      if (options.down) throw new DomainError('UNAVAILABLE', 'a service this request depends on is unavailable; retry later');
      port.batches.push(memberIds.length);
      return new Map(memberIds.map((id) => [id, (byId.get(id) ?? []).filter((e) => e.at >= since && e.at < before)]));
    },
  };
  return port;
}

/** Points and campaign in memory over one population. */
export function memoryModelPeers(
  members: readonly MemberActivity[],
  options: { campaignDown?: boolean } = {},
): ModelPeers & { points: ReturnType<typeof memoryActivity>; campaign: ReturnType<typeof memoryEngagement> } {
  return { points: memoryActivity(members), campaign: memoryEngagement(members, { down: options.campaignDown }) };
}
