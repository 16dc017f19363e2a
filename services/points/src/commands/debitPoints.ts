import type { DataSource } from 'typeorm';
import { debitMove, parseDebit } from '../domain/debit';
import { movePoints, type MoveResult } from './movePoints';

/** Takes points from a member (a redemption, a checkout offset): oldest lots first, once per idempotency key. */
export async function debitPoints(dataSource: DataSource, input: Parameters<typeof parseDebit>[0], actor: string): Promise<MoveResult> {
  return movePoints(dataSource, debitMove(parseDebit(input), actor));
}
