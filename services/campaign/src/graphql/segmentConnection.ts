import { DomainError, parsePageSize } from '../../../kit/src';

/** Members are paged by id: the cursor is the last member id, opaque to clients. */
export function decodeMemberCursor(after: string | null | undefined): string {
  if (!after) return '';
  const id = Buffer.from(after, 'base64url').toString('utf8');
  if (!id.startsWith('m:')) throw new DomainError('BAD_USER_INPUT', 'after is not a cursor from this connection', { field: 'after' });
  return id.slice(2);
}

const encode = (memberId: string) => Buffer.from(`m:${memberId}`).toString('base64url');

/**
 * A Relay connection over member ids fetched with one more than `first` (the extra one says there
 * is a next page).
 */
export function memberConnection(memberIds: string[], first: number, after: string | null | undefined) {
  const page = memberIds.slice(0, first);
  return {
    edges: page.map((id) => ({ cursor: encode(id), node: { id } })),
    pageInfo: {
      hasNextPage: memberIds.length > first,
      hasPreviousPage: Boolean(after),
      startCursor: page.length ? encode(page[0]) : null,
      endCursor: page.length ? encode(page[page.length - 1]) : null,
    },
  };
}

export const pageSize = (first: number | null | undefined) => parsePageSize(first ?? 20);
