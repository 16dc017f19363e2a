/**
 * The member card (README; all five subgraphs in one query) and what the harness reads from each
 * answer: is the member's own data there, are the benefits there, and if not, is the error the
 * masked UNAVAILABLE a client may see.
 */
import type { GraphQLResponse } from '../../test/harness/startStack';

export { MEMBER_CARD as CARD } from '../../test/harness/operations';

/** One card request as the load worker saw it; times are epochMs(). */
export interface CardRecord {
  sentAt: number;
  doneAt: number;
  /** HTTP status; 0 when no answer came (connection refused, reset or timed out). */
  status: number;
  transportError?: string;
  /** maskedPhone and points.balance are there. */
  member: boolean;
  /** Both the member's benefits and their tier's are lists. */
  benefits: boolean;
  /** The benefits are missing and an UNAVAILABLE error says so, with nothing internal in any error. */
  maskedUnavailable: boolean;
  errorCodes: string[];
}

/** What an error shown to a client must never contain: addresses, socket errors, stack frames. */
const INTERNALS = /127\.0\.0\.1|localhost|ECONN|EPIPE|socket hang up|fetch failed|stack|\s+at\s+\S+\s+\(/i;

export function inspectCard(status: number, body: GraphQLResponse | undefined): Omit<CardRecord, 'sentAt' | 'doneAt'> {
  const member = body?.data?.member;
  const errors = body?.errors ?? [];
  const errorCodes = errors.map((e) => String(e.extensions?.code ?? 'NONE'));
  const benefits = Array.isArray(member?.benefits) && Array.isArray(member?.tier?.benefits);
  return {
    status,
    member: typeof member?.maskedPhone === 'string' && typeof member?.points?.balance === 'number',
    benefits,
    // Whether the rest of the member survived is judged on its own (`member`).
    maskedUnavailable: !benefits && errorCodes.includes('UNAVAILABLE') && !INTERNALS.test(JSON.stringify(errors)),
    errorCodes,
  };
}
