import { randomUUID } from 'node:crypto';
import { In, LessThan, type DataSource, type EntityManager } from 'typeorm';
import type { PlannedAlert } from '../domain/models/alerts';
import { MemberHealthRow } from './entities/MemberHealthRow';
import { MemberScoreRow } from './entities/MemberScoreRow';
import { RiskAlert } from './entities/RiskAlert';
import { RiskModelRow } from './entities/RiskModelRow';

/*
 * The model runs' one writer: versioned model rows, members' scores (replaced), their health per
 * period (replaced within the period) and alerts (inserted once per kind, subject and period, by
 * the unique key; a rerun's duplicates are ignored by the database, not by a read before).
 */

const CHUNK = 200;

function chunks<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK));
  return out;
}

export async function latestModel(dataSource: DataSource | EntityManager): Promise<RiskModelRow | null> {
  const [row] = await dataSource.getRepository(RiskModelRow).find({ order: { version: 'DESC' }, take: 1 });
  return row ?? null;
}

/** Inserts the next version; two runs racing for one version: the primary key lets one in. */
export async function insertModel(manager: EntityManager, row: Omit<RiskModelRow, 'version'>): Promise<RiskModelRow> {
  const latest = await latestModel(manager);
  const stored = { ...row, version: (latest?.version ?? 0) + 1 };
  await manager.getRepository(RiskModelRow).insert(stored);
  return stored;
}

export async function writeScores(manager: EntityManager, rows: readonly MemberScoreRow[]): Promise<void> {
  const columns = [
    'model_version',
    'period',
    'churn_probability',
    'health',
    'win_back',
    'clv_simple_fen',
    'clv_model_fen',
    'probability_alive',
    'expected_purchases',
    'scored_at',
  ];
  for (const chunk of chunks(rows)) {
    await manager.createQueryBuilder().insert().into(MemberScoreRow).values(chunk).orUpdate(columns, ['member_id']).execute();
  }
}

export async function writeHealth(manager: EntityManager, rows: readonly MemberHealthRow[]): Promise<void> {
  for (const chunk of chunks(rows)) {
    await manager.createQueryBuilder().insert().into(MemberHealthRow).values(chunk).orUpdate(['score'], ['member_id', 'period']).execute();
  }
}

/** Each member's health in periods before `period`, oldest first (the last `keep`). */
export async function healthBefore(
  manager: DataSource | EntityManager,
  memberIds: readonly string[],
  period: string,
  keep = 3,
): Promise<Map<string, number[]>> {
  const history = new Map<string, number[]>();
  for (const chunk of chunks(memberIds)) {
    const rows = await manager.getRepository(MemberHealthRow).find({
      where: { memberId: In(chunk), period: LessThan(period) },
      order: { memberId: 'ASC', period: 'ASC' },
    });
    for (const row of rows) {
      const list = history.get(row.memberId) ?? [];
      list.push(row.score);
      history.set(row.memberId, list.slice(-keep));
    }
  }
  return history;
}

export async function raiseAlerts(manager: EntityManager, alerts: readonly PlannedAlert[], period: string, now: Date): Promise<void> {
  const rows = alerts.map((a) => ({
    id: randomUUID(),
    kind: a.kind,
    subject: a.subject.slice(0, 64),
    period,
    severity: a.severity,
    detail: a.detail.slice(0, 255),
    status: 'OPEN' as const,
    createdAt: now,
    acknowledgedBy: null,
    acknowledgedAt: null,
    resolvedBy: null,
    resolvedAt: null,
    resolution: null,
  }));
  for (const chunk of chunks(rows)) {
    await manager.createQueryBuilder().insert().into(RiskAlert).values(chunk).orIgnore().execute();
  }
}
