import { milliToNumber } from '../../../../kit/src';
import { groupTotals } from '../../db/experiments';
import { experimentResults } from '../../domain/experiment';
import type { ExperimentResolvers } from '../__generated__/resolvers-types';

export const Experiment: ExperimentResolvers = {
  holdoutWeight: (experiment) => milliToNumber(experiment.holdoutMilli),
  variants: (experiment) =>
    experiment.plan.variants.map((v) => ({ key: v.key, name: v.name, weight: milliToNumber(v.weightMilli), control: v.control })),
  winner: (experiment) => experiment.winnerKey,
  createdAt: (experiment) => experiment.createdAt.toISOString(),
  stoppedAt: (experiment) => experiment.stoppedAt?.toISOString() ?? null,
  results: async (experiment, _, ctx) => experimentResults(experiment.plan, await groupTotals(ctx.dataSource, experiment.id)),
};
