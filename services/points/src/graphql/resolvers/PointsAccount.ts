import { LessThan, type FindOptionsWhere } from 'typeorm';
import { DomainError, parsePageSize } from '../../../../kit/src';
import { LedgerEntry } from '../../db/entities/LedgerEntry';
import { lastDayBefore } from '../../domain/account';
import type { LedgerEntryResolvers as LedgerEntryFieldResolvers, PointsAccountResolvers } from '../__generated__/resolvers-types';

/** The cursor is the entry's seq, its place in the order the account's entries were applied. */
function encodeCursor(entry: LedgerEntry): string {
  return Buffer.from(`seq:${entry.seq}`).toString('base64url');
}

function decodeCursor(cursor: string): number {
  const match = /^seq:(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw new DomainError('BAD_USER_INPUT', 'after is not a cursor from this connection', { field: 'after' });
  return Number(match[1]);
}

export const PointsAccount: PointsAccountResolvers = {
  available: (account) => Math.max(0, account.balance - account.held),
  pending: (account, _, ctx) => ctx.loaders.pendingOfMember.load(account.memberId),

  expiringSoon: async (account, _, ctx) => {
    const byDay = new Map<string, number>();
    for (const lot of await ctx.loaders.lotsExpiringSoon.load(account.memberId)) {
      const day = lastDayBefore(lot.expiresAt, ctx.rules.utcOffsetMinutes);
      byDay.set(day, (byDay.get(day) ?? 0) + lot.remaining);
    }
    return [...byDay].map(([on, points]) => ({ on, points }));
  },

  /**
   * Newest first in the order the entries were applied (seq, given under the account lock), so
   * each entry's balanceAfter is the next older one's plus its points; keyset pagination on seq
   * keeps pages stable while entries are added.
   */
  history: async (account, args, ctx) => {
    parsePageSize(args.first);
    const base: FindOptionsWhere<LedgerEntry> = { memberId: account.memberId, ...(args.type ? { entryType: args.type } : {}) };
    const where = args.after ? { ...base, seq: LessThan(decodeCursor(args.after)) } : base;
    const rows = await ctx.dataSource.getRepository(LedgerEntry).find({ where, order: { seq: 'DESC' }, take: args.first + 1 });
    const page = rows.slice(0, args.first);
    return {
      edges: page.map((entry) => ({ cursor: encodeCursor(entry), node: entry })),
      pageInfo: {
        hasNextPage: rows.length > args.first,
        hasPreviousPage: Boolean(args.after),
        startCursor: page.length ? encodeCursor(page[0]) : null,
        endCursor: page.length ? encodeCursor(page[page.length - 1]) : null,
      },
    };
  },
};

export const LedgerEntryResolvers: LedgerEntryFieldResolvers = {
  type: (entry) => entry.entryType,
  at: (entry) => entry.createdAt.toISOString(),
};
