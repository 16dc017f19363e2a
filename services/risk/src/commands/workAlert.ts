import type { DataSource } from 'typeorm';
import { DomainError, parseReason } from '../../../kit/src';
import { RiskAlert } from '../db/entities/RiskAlert';
import type { AlertStatus } from '../domain/models/alerts';

export type AlertStep = 'ACKNOWLEDGE' | 'RESOLVE';

/** Where each step may start from: acknowledge an open alert; resolve an open or acknowledged one. */
const FROM: Record<AlertStep, AlertStatus[]> = { ACKNOWLEDGE: ['OPEN'], RESOLVE: ['OPEN', 'ACKNOWLEDGED'] };

/**
 * Staff work the alert inbox: acknowledge (someone is on it), resolve with a reason. A guarded
 * UPDATE on the status makes each step happen once: repeating it answers the alert as it stands,
 * a step the alert is past (acknowledging a resolved alert) is CONFLICT.
 */
export async function workAlert(
  dataSource: DataSource,
  input: { id: string; step: AlertStep; resolution?: string | null },
  actor: string,
  now = new Date(),
): Promise<RiskAlert> {
  const alerts = dataSource.getRepository(RiskAlert);
  const alert = input.id.length <= 36 ? await alerts.findOneBy({ id: input.id }) : null;
  if (!alert) throw new DomainError('NOT_FOUND', 'no such alert', { field: 'id' });
  const by = actor.slice(0, 64);
  const set =
    input.step === 'ACKNOWLEDGE'
      ? { status: 'ACKNOWLEDGED' as const, acknowledgedBy: by, acknowledgedAt: now }
      : { status: 'RESOLVED' as const, resolvedBy: by, resolvedAt: now, resolution: parseReason(input.resolution ?? '', 'resolution') };
  await dataSource
    .createQueryBuilder()
    .update(RiskAlert)
    .set(set)
    .where('id = :id AND status IN (:...from)', { id: alert.id, from: FROM[input.step] })
    .execute();
  const after = await alerts.findOneByOrFail({ id: alert.id });
  if (after.status !== set.status) throw new DomainError('CONFLICT', `this alert is ${after.status}`, { field: 'id' });
  return after;
}
