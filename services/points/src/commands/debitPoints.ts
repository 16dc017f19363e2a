import type { DataSource } from 'typeorm';
import { debitMove, parseDebit } from '../domain/debit';
import type { RiskPort } from '../ports';
import { assessSpend } from './assessRisk';
import { movePoints, type MoveResult } from './movePoints';

/**
 * Takes points from a member (a redemption, a checkout offset): oldest lots first, once per
 * idempotency key. Risk is asked first and must answer (burns fail closed).
 */
export async function debitPoints(
  dataSource: DataSource,
  risk: RiskPort,
  input: Parameters<typeof parseDebit>[0],
  actor: string,
): Promise<MoveResult> {
  const debit = parseDebit(input);
  await assessSpend(risk, {
    action: debit.source === 'REDEMPTION' ? 'REDEEM' : 'BURN',
    memberId: debit.memberId,
    amountFen: 0,
    points: debit.points,
    // Debits come from peer services (benefits' redemptions), not from a channel of their own.
    channel: 'PARTNER',
    idempotencyKey: `${debit.source === 'REDEMPTION' ? 'REDEEM' : 'BURN'}:${debit.idempotencyKey}`,
  });
  return movePoints(dataSource, debitMove(debit, actor));
}
