import { DomainError, parseCode, parseIdempotencyKey, parseMemberId } from '../../../kit/src';

export const DEBIT_SOURCES = ['REDEMPTION', 'CHECKOUT'] as const;
export type DebitSource = (typeof DEBIT_SOURCES)[number];

export interface DebitInput {
  memberId: string;
  points: number;
  source: DebitSource;
  sourceRef: string;
  reason: string;
  idempotencyKey: string;
}

/** Largest single burn: far above any real basket, small enough to stay an exact integer everywhere. */
const MAX_POINTS = 100_000_000;

export function parseDebit(input: {
  memberId: string;
  points: number;
  source: string;
  sourceRef: string;
  reason: string;
  idempotencyKey: string;
}): DebitInput {
  parseMemberId(input.memberId);
  if (!Number.isSafeInteger(input.points) || input.points <= 0 || input.points > MAX_POINTS) {
    throw new DomainError('BAD_USER_INPUT', `points must be a whole number between 1 and ${MAX_POINTS}`, { field: 'points' });
  }
  if (!(DEBIT_SOURCES as readonly string[]).includes(input.source)) {
    throw new DomainError('BAD_USER_INPUT', `source must be one of ${DEBIT_SOURCES.join(', ')}`, { field: 'source' });
  }
  parseCode(input.sourceRef, 'sourceRef');
  parseIdempotencyKey(input.idempotencyKey);
  return { ...input, source: input.source as DebitSource, reason: input.reason.slice(0, 255) };
}

/** A validated debit as a ledger move; its key is namespaced so it never meets another command's. */
export function debitMove(input: DebitInput, actor: string) {
  return {
    memberId: input.memberId,
    points: -input.points,
    entryType: 'REDEEM' as const,
    source: input.source,
    sourceRef: input.sourceRef,
    reason: input.reason,
    idempotencyKey: `DEBIT:${input.idempotencyKey}`,
    actor,
  };
}

/**
 * Points needed to take `fen` off a checkout at `pointsPerCny` (e.g. 100 points = 1 CNY), rounded
 * up so the brand never gives more than the points pay for; and the fen that many points are worth.
 */
export function pointsForOffset(fen: number, pointsPerCny: number): number {
  return Math.ceil((fen * pointsPerCny) / 100);
}
