/** How well a probability model does on data it did not see. */

/**
 * ROC-AUC: the probability that a random positive scores above a random negative (ties count
 * half), by the rank-sum (Mann–Whitney) formula. NaN when either class is empty.
 */
export function rocAuc(scores: readonly number[], labels: readonly boolean[]): number {
  const order = scores.map((s, i) => i).sort((i, j) => scores[i] - scores[j]);
  let positives = 0;
  let rankSum = 0;
  for (let start = 0; start < order.length;) {
    let end = start;
    while (end + 1 < order.length && scores[order[end + 1]] === scores[order[start]]) end++;
    const averageRank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) {
      if (labels[order[k]]) {
        positives++;
        rankSum += averageRank;
      }
    }
    start = end + 1;
  }
  const negatives = order.length - positives;
  if (positives === 0 || negatives === 0) return NaN;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

export interface CalibrationBin {
  /** Mean predicted probability in the bin. */
  predicted: number;
  /** Share of positives in the bin. */
  observed: number;
  count: number;
}

/** Reliability table: members sorted by prediction into `bins` equal-count bins. */
export function calibration(probabilities: readonly number[], labels: readonly boolean[], bins = 10): CalibrationBin[] {
  const order = probabilities.map((p, i) => i).sort((i, j) => probabilities[i] - probabilities[j]);
  const table: CalibrationBin[] = [];
  for (let b = 0; b < bins; b++) {
    const slice = order.slice(Math.floor((b * order.length) / bins), Math.floor(((b + 1) * order.length) / bins));
    if (slice.length === 0) continue;
    const predicted = slice.reduce((s, i) => s + probabilities[i], 0) / slice.length;
    const observed = slice.filter((i) => labels[i]).length / slice.length;
    table.push({ predicted, observed, count: slice.length });
  }
  return table;
}

/** The largest gap between predicted and observed over a reliability table. */
export function maxCalibrationGap(table: readonly CalibrationBin[]): number {
  return Math.max(0, ...table.map((bin) => Math.abs(bin.predicted - bin.observed)));
}

export function brierScore(probabilities: readonly number[], labels: readonly boolean[]): number {
  return probabilities.reduce((s, p, i) => s + (p - (labels[i] ? 1 : 0)) ** 2, 0) / Math.max(1, probabilities.length);
}
