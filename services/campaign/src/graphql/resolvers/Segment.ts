import { MoreThan } from 'typeorm';
import { SegmentMember } from '../../db/entities/SegmentMember';
import type { SegmentResolvers } from '../__generated__/resolvers-types';
import { decodeMemberCursor, memberConnection, pageSize } from '../segmentConnection';
import { requireGrowthReader } from '../staff';

export const Segment: SegmentResolvers = {
  computedAt: (segment) => segment.computedAt?.toISOString() ?? null,
  members: async (segment, args, ctx) => {
    requireGrowthReader(ctx.identity);
    const first = pageSize(args.first);
    const rows = await ctx.dataSource.getRepository(SegmentMember).find({
      where: { segmentId: segment.id, memberId: MoreThan(decodeMemberCursor(args.after)) },
      order: { memberId: 'ASC' },
      take: first + 1,
    });
    return memberConnection(
      rows.map((r) => r.memberId),
      first,
      args.after,
    );
  },
};
