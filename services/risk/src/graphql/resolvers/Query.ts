import { DomainError, parsePageSize, requireStaff } from '../../../../kit/src';
import type { QueryResolvers } from '../__generated__/resolvers-types';
import { MemberScoreRow } from '../../db/entities/MemberScoreRow';
import { RiskAlert } from '../../db/entities/RiskAlert';
import { RiskEvent } from '../../db/entities/RiskEvent';
import { RiskModelRow } from '../../db/entities/RiskModelRow';
import { RiskRuleRow } from '../../db/entities/RiskRuleRow';
import { RISK_READERS } from './RiskProfile';

/** Who reads the models' fit. */
export const MODEL_READERS = ['ADMIN', 'ANALYST'] as const;
/** Who works the alert inbox. */
export const ALERT_WORKERS = ['ADMIN', 'OPERATOR', 'SERVICE_AGENT', 'ANALYST'] as const;
/** Who reads the win-back segment. */
export const SEGMENT_READERS = ['ADMIN', 'OPERATOR', 'ANALYST'] as const;

/** Who works the review queue. */
export const REVIEWERS = ['ADMIN', 'SERVICE_AGENT'] as const;

function encodeCursor(event: RiskEvent): string {
  return Buffer.from(`${event.createdAt.toISOString()}|${event.id}`).toString('base64url');
}

function pageOf<T>(rows: T[], first: number, after: unknown, cursor: (row: T) => string) {
  const page = rows.slice(0, first);
  return {
    edges: page.map((node) => ({ cursor: cursor(node), node })),
    pageInfo: {
      hasNextPage: rows.length > first,
      hasPreviousPage: Boolean(after),
      startCursor: page.length ? cursor(page[0]) : null,
      endCursor: page.length ? cursor(page[page.length - 1]) : null,
    },
  };
}

const alertCursor = (alert: RiskAlert) => Buffer.from(`${alert.createdAt.toISOString()}|${alert.id}`).toString('base64url');
const winBackCursor = (row: MemberScoreRow) => Buffer.from(`${row.health}|${row.memberId}`).toString('base64url');

function decodeWinBackCursor(cursor: string): { health: number; memberId: string } {
  const [health, memberId] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!memberId || !/^\d+$/.test(health))
    throw new DomainError('BAD_USER_INPUT', 'after is not a cursor from this connection', { field: 'after' });
  return { health: Number(health), memberId };
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

  memberModels: (_, args, ctx) => {
    requireStaff(ctx.identity, MODEL_READERS);
    if (!Number.isInteger(args.first) || args.first < 1 || args.first > 20) {
      throw new DomainError('BAD_USER_INPUT', 'first must be between 1 and 20', { field: 'first' });
    }
    return ctx.dataSource.getRepository(RiskModelRow).find({ order: { version: 'DESC' }, take: args.first });
  },

  /** Newest first; keyset pagination on (status, created_at, id) over the inbox index. */
  riskAlerts: async (_, args, ctx) => {
    requireStaff(ctx.identity, ALERT_WORKERS);
    parsePageSize(args.first);
    const query = ctx.dataSource
      .getRepository(RiskAlert)
      .createQueryBuilder('a')
      .where('a.status = :status', { status: args.status })
      .orderBy('a.created_at', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .take(args.first + 1);
    if (args.kind) query.andWhere('a.kind = :kind', { kind: args.kind });
    if (args.after) {
      const cursor = decodeCursor(args.after);
      query.andWhere('(a.created_at < :at OR (a.created_at = :at AND a.id < :id))', cursor);
    }
    return pageOf(await query.getMany(), args.first, args.after, alertCursor);
  },

  /** Lowest health first; keyset on (health, member_id) over idx_member_scores_win_back. */
  winBackMembers: async (_, args, ctx) => {
    requireStaff(ctx.identity, SEGMENT_READERS);
    parsePageSize(args.first);
    const query = ctx.dataSource
      .getRepository(MemberScoreRow)
      .createQueryBuilder('s')
      .where('s.win_back = :yes', { yes: true })
      .orderBy('s.health', 'ASC')
      .addOrderBy('s.member_id', 'ASC')
      .take(args.first + 1);
    if (args.after) {
      const cursor = decodeWinBackCursor(args.after);
      query.andWhere('(s.health > :health OR (s.health = :health AND s.member_id > :memberId))', cursor);
    }
    return pageOf(await query.getMany(), args.first, args.after, winBackCursor);
  },
};
