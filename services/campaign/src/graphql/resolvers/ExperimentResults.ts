import { formatFen } from '../../../../kit/src';
import type { ExperimentGroupResultResolvers, ExperimentResultsResolvers } from '../__generated__/resolvers-types';

export const ExperimentResults: ExperimentResultsResolvers = {
  significantWinner: (results) => results.winnerKey,
};

export const ExperimentGroupResult: ExperimentGroupResultResolvers = {
  cost: (group) => formatFen(group.costFen),
  cac: (group) => (group.cacFen === null ? null : formatFen(group.cacFen)),
  lift: (group) => group.comparison?.lift ?? null,
  pValue: (group) => group.comparison?.pValue ?? null,
  differenceLow: (group) => group.comparison?.differenceLow ?? null,
  differenceHigh: (group) => group.comparison?.differenceHigh ?? null,
  significant: (group) => group.comparison?.significant ?? null,
};
