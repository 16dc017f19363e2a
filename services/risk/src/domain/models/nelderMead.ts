/**
 * Nelder–Mead simplex minimisation (Nelder & Mead 1965, the standard coefficients: reflection 1,
 * expansion 2, contraction ½, shrink ½).
 *
 * Written here because no maintained npm package fits: `fmin` (the usual choice) ships a UMD build
 * under `"type": "module"` that exports nothing to Node and an ES entry whose extensionless
 * imports Node cannot resolve; `ml-levenberg-marquardt` fits least squares, not a likelihood.
 * Tested against functions with known minima (domain/models/__tests__/nelderMead.test.ts).
 */
export interface MinimiseResult {
  x: number[];
  fx: number;
  iterations: number;
  converged: boolean;
}

export function nelderMead(
  f: (x: number[]) => number,
  start: readonly number[],
  options: { maxIterations?: number; tolerance?: number; step?: number } = {},
): MinimiseResult {
  const n = start.length;
  const maxIterations = options.maxIterations ?? 200 * n;
  const tolerance = options.tolerance ?? 1e-9;
  const step = options.step ?? 0.5;
  const value = (x: number[]) => {
    const v = f(x);
    return Number.isFinite(v) ? v : Infinity;
  };
  let simplex = [start.slice()];
  for (let i = 0; i < n; i++) {
    const point = start.slice();
    point[i] = point[i] !== 0 ? point[i] * (1 + step) : step;
    simplex.push(point);
  }
  let values = simplex.map(value);
  const combine = (a: number[], b: number[], t: number) => a.map((ai, i) => ai + t * (b[i] - ai));

  let iterations = 0;
  let converged = false;
  for (; iterations < maxIterations; iterations++) {
    const order = values.map((v, i) => i).sort((i, j) => values[i] - values[j]);
    simplex = order.map((i) => simplex[i]);
    values = order.map((i) => values[i]);
    const spread = Math.abs(values[n] - values[0]);
    const size = Math.max(...simplex.slice(1).map((p) => Math.max(...p.map((pi, i) => Math.abs(pi - simplex[0][i])))));
    if (spread <= tolerance * (Math.abs(values[0]) + tolerance) && size <= Math.sqrt(tolerance)) {
      converged = true;
      break;
    }
    const centroid = new Array<number>(n).fill(0);
    for (let k = 0; k < n; k++) for (let i = 0; i < n; i++) centroid[i] += simplex[k][i] / n;
    const worst = simplex[n];
    const reflected = combine(centroid, worst, -1);
    const fr = value(reflected);
    if (fr < values[0]) {
      const expanded = combine(centroid, worst, -2);
      const fe = value(expanded);
      if (fe < fr) [simplex[n], values[n]] = [expanded, fe];
      else [simplex[n], values[n]] = [reflected, fr];
    } else if (fr < values[n - 1]) {
      [simplex[n], values[n]] = [reflected, fr];
    } else {
      const outside = fr < values[n];
      const contracted = outside ? combine(centroid, worst, -0.5) : combine(centroid, worst, 0.5);
      const fc = value(contracted);
      if (fc < (outside ? fr : values[n])) {
        [simplex[n], values[n]] = [contracted, fc];
      } else {
        for (let k = 1; k <= n; k++) {
          simplex[k] = combine(simplex[0], simplex[k], 0.5);
          values[k] = value(simplex[k]);
        }
      }
    }
  }
  const best = values.indexOf(Math.min(...values));
  return { x: simplex[best], fx: values[best], iterations, converged };
}
