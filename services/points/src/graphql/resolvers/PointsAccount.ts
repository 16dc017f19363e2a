import { LessThan, type FindOptionsWhere } from 'typeorm';
import { DomainError, parsePageSize } from '../../../../kit/src';
import { LedgerEntry } from '../../db/entities/LedgerEntry';
import { lastDayBefore } from '../../domain/account';
import type { LedgerEntryResolvers as LedgerEntryFieldResolvers, PointsAccountResolvers } from '../__generated__/resolvers-types';

function encodeCursor(entry: LedgerEntry): string {
  return Buffer.from(`${entry.createdAt.toISOString()}|${entry.id}`).toString('base64url');
}

function decodeCursor(cursor: string): { at: Date; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const date = new Date(at);
  if (!id || Number.isNaN(date.getTime()))
    throw new DomainError('BAD_USER_INPUT', 'after is not a cursor from this connection', { field: 'after' });
  return { at: date, id };
}

export const PointsAccount: PointsAccountResolvers = {
  available: (account) => account.balance,
  pending: (account, _, ctx) => ctx.loaders.pendingOfMember.load(account.memberId),

  expiringSoon: async (account, _, ctx) => {
    const byDay = new Map<string, number>();
    for (const lot of await ctx.loaders.lotsExpiringSoon.load(account.memberId)) {
      const day = lastDayBefore(lot.expiresAt!, ctx.rules.utcOffsetMinutes);
      byDay.set(day, (byDay.get(day) ?? 0) + lot.remaining);
    }
    return [...byDay].map(([on, points]) => ({ on, points }));
  },

  /** Newest first; keyset pagination on (created_at, id), so pages stay stable while entries are added. */
  history: async (account, args, ctx) => {
    parsePageSize(args.first);
    const base: FindOptionsWhere<LedgerEntry> = { memberId: account.memberId, ...(args.type ? { entryType: args.type } : {}) };
    let where: FindOptionsWhere<LedgerEntry>[] = [base];
    if (args.after) {
      const cursor = decodeCursor(args.after);
      where = [
        { ...base, createdAt: LessThan(cursor.at) },
        { ...base, createdAt: cursor.at, id: LessThan(cursor.id) },
      ];
    }
    const rows = await ctx.dataSource
      .getRepository(LedgerEntry)
      .find({ where, order: { createdAt: 'DESC', id: 'DESC' }, take: args.first + 1 });
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
