import { DomainError, parsePageSize, requireStaff } from '../../../../kit/src';
import type { QueryResolvers } from '../__generated__/resolvers-types';
import { RiskEvent } from '../../db/entities/RiskEvent';
import { RiskRuleRow } from '../../db/entities/RiskRuleRow';
import { RISK_READERS } from './RiskProfile';

/** Who works the review queue. */
export const REVIEWERS = ['ADMIN', 'SERVICE_AGENT'] as const;

function encodeCursor(event: RiskEvent): string {
  return Buffer.from(`${event.createdAt.toISOString()}|${event.id}`).toString('base64url');
}

function decodeCursor(cursor: string): { at: Date; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const date = new Date(at);
  if (!id || Number.isNaN(date.getTime()))
    throw new DomainError('BAD_USER_INPUT', 'after is not a cursor from this connection', { field: 'after' });
  return { at: date, id };
}

export const Query: QueryResolvers = {
  riskRules: (_, __, ctx) => {
    requireStaff(ctx.identity, RISK_READERS);
    return ctx.dataSource.getRepository(RiskRuleRow).find({ order: { id: 'ASC' } });
  },

  /** Oldest first (the queue is worked from its head); keyset pagination on (created_at, id) over the review index. */
  riskReviews: async (_, args, ctx) => {
    requireStaff(ctx.identity, REVIEWERS);
    parsePageSize(args.first);
    const query = ctx.dataSource
      .getRepository(RiskEvent)
      .createQueryBuilder('e')
      .where('e.review_status = :status', { status: args.status })
      .orderBy('e.created_at', 'ASC')
      .addOrderBy('e.id', 'ASC')
      .take(args.first + 1);
    if (args.after) {
      const cursor = decodeCursor(args.after);
      query.andWhere('(e.created_at > :at OR (e.created_at = :at AND e.id > :id))', cursor);
    }
    const rows = await query.getMany();
    const page = rows.slice(0, args.first);
    return {
      edges: page.map((event) => ({ cursor: encodeCursor(event), node: event })),
      pageInfo: {
        hasNextPage: rows.length > args.first,
        hasPreviousPage: Boolean(args.after),
        startCursor: page.length ? encodeCursor(page[0]) : null,
        endCursor: page.length ? encodeCursor(page[page.length - 1]) : null,
      },
    };
  },
};
