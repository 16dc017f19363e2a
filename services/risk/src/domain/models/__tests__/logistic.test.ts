import { fitLogistic, predictLogistic, rawCoefficients } from '../logistic';
import { calibration, maxCalibrationGap, rocAuc } from '../metrics';
import { seededRandom } from '../random';

const logit = (p: number) => Math.log(p / (1 - p));

function normal(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

describe('fitLogistic', () => {
  it('matches the closed-form maximum-likelihood solution for one binary feature', () => {
    // Group 0: 30 of 100 positive; group 1: 70 of 80. The MLE is β₀ = logit(0.3), β₁ = logit(0.875) − logit(0.3).
    const rows: number[][] = [];
    const labels: boolean[] = [];
    for (let i = 0; i < 100; i++) {
      rows.push([0]);
      labels.push(i < 30);
    }
    for (let i = 0; i < 80; i++) {
      rows.push([1]);
      labels.push(i < 70);
    }
    const model = fitLogistic(['group'], rows, labels, { l2: 0 });
    expect(model.converged).toBe(true);
    const [b0, b1] = rawCoefficients(model);
    expect(b0).toBeCloseTo(logit(0.3), 8);
    expect(b1).toBeCloseTo(logit(0.875) - logit(0.3), 8);
    expect(predictLogistic(model, [1])).toBeCloseTo(0.875, 8);
  });

  it('satisfies the score equations Xᵀ(y − p) = 0 at its solution', () => {
    const random = seededRandom(3);
    const rows = Array.from({ length: 500 }, () => [normal(random), normal(random) * 5 + 2]);
    const labels = rows.map((r) => random() < 1 / (1 + Math.exp(-(0.3 + r[0] - 0.2 * r[1]))));
    const model = fitLogistic(['a', 'b'], rows, labels, { l2: 0 });
    const score = [0, 0, 0];
    rows.forEach((r, i) => {
      const residual = (labels[i] ? 1 : 0) - predictLogistic(model, r);
      score[0] += residual;
      score[1] += residual * r[0];
      score[2] += residual * r[1];
    });
    score.forEach((s) => expect(Math.abs(s)).toBeLessThan(1e-6));
  });

  it('recovers generated coefficients, ranks held-out rows (AUC > 0.75) and is calibrated within 0.05 per decile', () => {
    const truth = [-0.5, 1.2, -0.8, 0.4];
    const random = seededRandom(42);
    const make = (n: number) => {
      const rows = Array.from({ length: n }, () => [normal(random), normal(random), normal(random)]);
      const labels = rows.map((r) => random() < 1 / (1 + Math.exp(-(truth[0] + truth[1] * r[0] + truth[2] * r[1] + truth[3] * r[2]))));
      return { rows, labels };
    };
    const train = make(20_000);
    const test = make(10_000);
    const model = fitLogistic(['x1', 'x2', 'x3'], train.rows, train.labels);
    rawCoefficients(model).forEach((b, j) => expect(Math.abs(b - truth[j])).toBeLessThan(0.08));
    const predicted = test.rows.map((r) => predictLogistic(model, r));
    expect(rocAuc(predicted, test.labels)).toBeGreaterThan(0.75);
    expect(maxCalibrationGap(calibration(predicted, test.labels))).toBeLessThan(0.05);
  });
});

describe('rocAuc', () => {
  it('is 1 for a perfect ranking, 0.5 for ties everywhere, and counts ties half', () => {
    expect(rocAuc([0.1, 0.2, 0.8, 0.9], [false, false, true, true])).toBe(1);
    expect(rocAuc([0.5, 0.5, 0.5, 0.5], [false, true, false, true])).toBe(0.5);
    // One positive above one negative and tied with the other: (1 + 0.5) / 2.
    expect(rocAuc([0.2, 0.5, 0.5], [false, false, true])).toBe(0.75);
  });
});
