import { ModelEvaluation } from '../../db/entities/ModelEvaluation';
import { parseModels } from '../../db/modelRow';
import type { MemberModelVersionResolvers } from '../__generated__/resolvers-types';

/** A stored version's report (JSON) as the graph's typed fit. */
export const MemberModelVersion: MemberModelVersionResolvers = {
  trainedAt: (row) => row.trainedAt.toISOString(),
  asOf: (row) => row.asOf.toISOString(),
  churn: (row) => {
    const { churn } = parseModels(row).report;
    return { ...churn, auc: churn.auc ?? NaN };
  },
  clv: (row) => {
    const { clv } = parseModels(row).report;
    return {
      calibrationEnd: clv.calibrationEnd,
      holdoutWeeks: clv.holdoutWeeks,
      members: clv.members,
      bgNbd: { ...clv.bgNbd.params, logLikelihood: clv.bgNbd.logLikelihood, converged: clv.bgNbd.converged, atBound: clv.bgNbd.atBound },
      gammaGamma: {
        ...clv.gammaGamma.params,
        logLikelihood: clv.gammaGamma.logLikelihood,
        members: clv.gammaGamma.members,
        converged: clv.gammaGamma.converged,
        atBound: clv.gammaGamma.atBound,
      },
      predictedPurchases: clv.holdout.predicted,
      actualPurchases: clv.holdout.actual,
      byRepeatPurchases: clv.holdout.byRepeatPurchases.map((g) => ({
        repeatPurchases: g.x,
        members: g.members,
        predicted: g.predicted,
        actual: g.actual,
      })),
    };
  },
  evaluations: (row, _, ctx) =>
    ctx.dataSource.getRepository(ModelEvaluation).find({ where: { version: row.version }, order: { period: 'DESC' } }),
};
