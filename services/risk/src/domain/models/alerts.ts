import type { MemberSnapshot } from './features';
import { fallingForPeriods, HEALTH_WIN_BACK_BELOW } from './health';

/**
 * The alerts the models raise into the staff inbox, ranked LOW / MEDIUM / HIGH, each once per
 * (kind, subject, period) — the table's unique key makes a rerun of the same period raise nothing new:
 * - HEALTH_LOW (member, MEDIUM): health below 30; the member enters the win-back segment.
 * - HEALTH_FALLING (member, HIGH): health fell in each of the last three periods (escalation).
 * - ACTIVITY_DROP (member): at least 3 orders in the 90 days before the last 90, and at most a
 *   quarter of that since; HIGH when none at all, else MEDIUM.
 * - REFUND_SPIKE (member): at least 3 refunded orders in the last 30 days and more than three
 *   times the member's monthly average of the 11 months before; HIGH from 5.
 * - BURN_RATE_LOW (programme): points burned / issued over the last 12 months below 30% (§3);
 *   HIGH below 15%, else MEDIUM.
 * - MODEL_AUC_LOW (model): the monthly re-evaluation's ROC-AUC below 0.75 (§6), HIGH.
 */
export const ALERT_KINDS = ['HEALTH_LOW', 'HEALTH_FALLING', 'ACTIVITY_DROP', 'REFUND_SPIKE', 'BURN_RATE_LOW', 'MODEL_AUC_LOW'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];
export type AlertSeverity = 'LOW' | 'MEDIUM' | 'HIGH';
export type AlertStatus = 'OPEN' | 'ACKNOWLEDGED' | 'RESOLVED';

export const BURN_RATE_TARGET = 0.3;
export const AUC_FLOOR = 0.75;

export interface PlannedAlert {
  kind: AlertKind;
  subject: string;
  severity: AlertSeverity;
  detail: string;
}

/** A member's alerts from their snapshot, this period's health and the health of earlier periods (oldest first). */
export function memberAlerts(memberId: string, s: MemberSnapshot, health: number, earlierHealth: readonly number[]): PlannedAlert[] {
  const alerts: PlannedAlert[] = [];
  if (health < HEALTH_WIN_BACK_BELOW) {
    alerts.push({
      kind: 'HEALTH_LOW',
      subject: memberId,
      severity: 'MEDIUM',
      detail: `health ${health} is below ${HEALTH_WIN_BACK_BELOW}: win-back`,
    });
  }
  const history = [...earlierHealth, health];
  if (fallingForPeriods(history)) {
    alerts.push({
      kind: 'HEALTH_FALLING',
      subject: memberId,
      severity: 'HIGH',
      detail: `health fell three periods running: ${history.slice(-4).join(' → ')}`,
    });
  }
  if (s.ordersPrior90 >= 3 && s.orders90 * 4 <= s.ordersPrior90) {
    alerts.push({
      kind: 'ACTIVITY_DROP',
      subject: memberId,
      severity: s.orders90 === 0 ? 'HIGH' : 'MEDIUM',
      detail: `${s.orders90} orders in the last 90 days after ${s.ordersPrior90} in the 90 before`,
    });
  }
  if (s.refunds30 >= 3 && s.refunds30 > (3 * s.refundsPrior) / 11) {
    alerts.push({
      kind: 'REFUND_SPIKE',
      subject: memberId,
      severity: s.refunds30 >= 5 ? 'HIGH' : 'MEDIUM',
      detail: `${s.refunds30} refunded orders in the last 30 days after ${s.refundsPrior} in the 11 months before`,
    });
  }
  return alerts;
}

export function burnRateAlert(issued: number, burned: number): PlannedAlert | null {
  if (issued <= 0) return null;
  const rate = burned / issued;
  if (rate >= BURN_RATE_TARGET) return null;
  return {
    kind: 'BURN_RATE_LOW',
    subject: 'programme',
    severity: rate < BURN_RATE_TARGET / 2 ? 'HIGH' : 'MEDIUM',
    detail: `points burn rate ${(rate * 100).toFixed(1)}% over 12 months (${burned} of ${issued}) is below 30%`,
  };
}

export function aucAlert(model: string, auc: number, version: number): PlannedAlert | null {
  if (auc >= AUC_FLOOR) return null;
  return {
    kind: 'MODEL_AUC_LOW',
    subject: model,
    severity: 'HIGH',
    detail: `model v${version} ROC-AUC ${auc.toFixed(3)} on fresh data is below ${AUC_FLOOR}: retrain`,
  };
}

/** The period a run belongs to: its UTC month. */
export function periodOf(at: Date): string {
  return at.toISOString().slice(0, 7);
}
