import { CholeskyDecomposition, Matrix } from 'ml-matrix';

/**
 * Logistic regression P(y) = 1 / (1 + e^−(β₀ + βᵀx)) (DOMAIN.md §6), fitted by maximum likelihood
 * with Newton–Raphson (IRLS): each step solves (XᵀWX + λI)Δ = Xᵀ(y − p) − λβ with ml-matrix's
 * Cholesky decomposition. Features are standardised first (their means and scales are part of
 * the model), so the step is well conditioned and λ means the same for every feature.
 *
 * Why not `ml-logistic-regression`: it fits by fixed-step gradient ascent with no intercept and no
 * convergence test (500,000 steps by default), which reaches the maximum-likelihood estimate only
 * slowly or not at all on 20,000 members; Newton's method gets there in a handful of steps and
 * says when it has (checked against a closed-form solution in the tests).
 */
export interface LogisticModel {
  features: string[];
  means: number[];
  scales: number[];
  /** Intercept first, then one per feature, on the standardised scale. */
  coefficients: number[];
  iterations: number;
  converged: boolean;
  /** Log-likelihood on the training rows. */
  logLikelihood: number;
}

export interface LogisticOptions {
  /** Ridge penalty λ on the standardised coefficients (not the intercept); a little keeps separable data finite. */
  l2?: number;
  maxIterations?: number;
  /** Converged when no coefficient moves more than this. */
  tolerance?: number;
}

const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

export function fitLogistic(
  features: readonly string[],
  rows: ReadonlyArray<readonly number[]>,
  labels: readonly boolean[],
  options: LogisticOptions = {},
): LogisticModel {
  const l2 = options.l2 ?? 1e-4;
  const maxIterations = options.maxIterations ?? 50;
  const tolerance = options.tolerance ?? 1e-8;
  const n = rows.length;
  const k = features.length;
  const means = features.map((_, j) => rows.reduce((s, r) => s + r[j], 0) / n);
  const scales = features.map((_, j) => {
    const variance = rows.reduce((s, r) => s + (r[j] - means[j]) ** 2, 0) / n;
    return variance > 0 ? Math.sqrt(variance) : 1;
  });
  // Design matrix with the intercept column, standardised.
  const x = rows.map((r) => [1, ...r.map((v, j) => (v - means[j]) / scales[j])]);
  const y = labels.map((l) => (l ? 1 : 0));
  const beta = new Array<number>(k + 1).fill(0);
  let iterations = 0;
  let converged = false;
  for (; iterations < maxIterations && !converged;) {
    iterations++;
    const hessian = Matrix.zeros(k + 1, k + 1);
    const gradient = new Array<number>(k + 1).fill(0);
    for (let i = 0; i < n; i++) {
      const xi = x[i];
      let z = 0;
      for (let j = 0; j <= k; j++) z += beta[j] * xi[j];
      const p = sigmoid(z);
      const w = p * (1 - p);
      const residual = y[i] - p;
      for (let a = 0; a <= k; a++) {
        gradient[a] += xi[a] * residual;
        const wa = w * xi[a];
        for (let b = a; b <= k; b++) hessian.set(a, b, hessian.get(a, b) + wa * xi[b]);
      }
    }
    for (let a = 0; a <= k; a++) {
      for (let b = 0; b < a; b++) hessian.set(a, b, hessian.get(b, a));
      if (a > 0) {
        hessian.set(a, a, hessian.get(a, a) + l2);
        gradient[a] -= l2 * beta[a];
      }
    }
    const step = new CholeskyDecomposition(hessian).solve(Matrix.columnVector(gradient)).getColumn(0);
    let largest = 0;
    for (let j = 0; j <= k; j++) {
      beta[j] += step[j];
      largest = Math.max(largest, Math.abs(step[j]));
    }
    converged = largest < tolerance;
  }
  const model: LogisticModel = {
    features: [...features],
    means,
    scales,
    coefficients: beta,
    iterations,
    converged,
    logLikelihood: 0,
  };
  model.logLikelihood = logLikelihood(model, rows, labels);
  return model;
}

/** P(y) for one row of raw (unstandardised) features. */
export function predictLogistic(model: LogisticModel, row: readonly number[]): number {
  let z = model.coefficients[0];
  for (let j = 0; j < model.features.length; j++) z += model.coefficients[j + 1] * ((row[j] - model.means[j]) / model.scales[j]);
  return sigmoid(z);
}

/** The coefficients per unit of each raw feature (intercept first), for the report. */
export function rawCoefficients(model: LogisticModel): number[] {
  const slopes = model.coefficients.slice(1).map((b, j) => b / model.scales[j]);
  const intercept = model.coefficients[0] - slopes.reduce((s, b, j) => s + b * model.means[j], 0);
  return [intercept, ...slopes];
}

export function logLikelihood(model: LogisticModel, rows: ReadonlyArray<readonly number[]>, labels: readonly boolean[]): number {
  let sum = 0;
  for (let i = 0; i < rows.length; i++) {
    const p = Math.min(1 - 1e-15, Math.max(1e-15, predictLogistic(model, rows[i])));
    sum += labels[i] ? Math.log(p) : Math.log(1 - p);
  }
  return sum;
}
