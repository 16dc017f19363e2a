import { DomainError } from '../../../kit/src';

/** A keyset position: newest first by time, then id, so pages stay stable while rows are added. */
export interface Position {
  at: Date;
  id: string;
}

export function encodeCursor(position: Position): string {
  return Buffer.from(`${position.at.toISOString()}|${position.id}`).toString('base64url');
}

export function decodeCursor(cursor: string): Position {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const date = new Date(at);
  if (!id || Number.isNaN(date.getTime()))
    throw new DomainError('BAD_USER_INPUT', 'after is not a cursor from this connection', { field: 'after' });
  return { at: date, id };
}

/** A Relay connection over `rows` fetched with one row more than `first` (the extra one says there is a next page). */
export function connectionOf<R>(rows: R[], first: number, after: string | null | undefined, positionOf: (row: R) => Position) {
  const page = rows.slice(0, first);
  const cursorOf = (row: R) => encodeCursor(positionOf(row));
  return {
    edges: page.map((node) => ({ cursor: cursorOf(node), node })),
    pageInfo: {
      hasNextPage: rows.length > first,
      hasPreviousPage: Boolean(after),
      startCursor: page.length ? cursorOf(page[0]) : null,
      endCursor: page.length ? cursorOf(page[page.length - 1]) : null,
    },
  };
}
