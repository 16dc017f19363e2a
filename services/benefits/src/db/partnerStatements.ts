import type { DataSource } from 'typeorm';
import { statementTotals, type StatementTotals } from '../domain/partners';
import { ClearingEntry } from './entities/ClearingEntry';

export interface PartnerStatementView extends StatementTotals {
  partnerCode: string;
  month: string;
  entries: ClearingEntry[];
}

/** A partner's statement of one month: its clearing entries (an index on partner and period) and their sums. */
export async function partnerStatement(dataSource: DataSource, partnerCode: string, month: string): Promise<PartnerStatementView> {
  const entries = await dataSource
    .getRepository(ClearingEntry)
    .find({ where: { partnerCode, period: month }, order: { recordedAt: 'ASC', id: 'ASC' } });
  return { partnerCode, month, entries, ...statementTotals(entries) };
}
