import type { BgNbdParams } from '../domain/models/bgnbd';
import type { GammaGammaParams } from '../domain/models/gammaGamma';
import type { LogisticModel } from '../domain/models/logistic';
import type { ChurnReport, ClvReport } from '../domain/models/training';
import type { RiskModelRow } from './entities/RiskModelRow';

export type MemberModelsRow = RiskModelRow;

/** A stored version's models and report, parsed back from their JSON columns. */
export function parseModels(row: RiskModelRow): {
  churn: LogisticModel;
  bgNbd: BgNbdParams;
  gammaGamma: GammaGammaParams;
  report: { churn: ChurnReport; clv: ClvReport };
} {
  const clv = JSON.parse(row.clv) as { bgNbd: BgNbdParams; gammaGamma: GammaGammaParams };
  return { churn: JSON.parse(row.churn) as LogisticModel, ...clv, report: JSON.parse(row.report) };
}
