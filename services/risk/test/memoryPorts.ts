import type { MemberActivity } from '../src/domain/models/activity';
import type { ActivityPort } from '../src/ports';

/** Points' ListMemberActivity over an array, paged as the real one is (member id order, before `before`). */
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
