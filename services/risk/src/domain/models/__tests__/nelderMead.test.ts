import { nelderMead } from '../nelderMead';

describe('nelderMead', () => {
  it('finds the minimum of the Rosenbrock function at (1, 1)', () => {
    const result = nelderMead((x) => 100 * (x[1] - x[0] ** 2) ** 2 + (1 - x[0]) ** 2, [-1.2, 1], { maxIterations: 5000 });
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 3);
    expect(result.x[1]).toBeCloseTo(1, 3);
  });

  it('finds the centre of a shifted quadratic bowl in four dimensions', () => {
    const centre = [3, -2, 0.5, 10];
    const result = nelderMead((x) => x.reduce((s, xi, i) => s + (i + 1) * (xi - centre[i]) ** 2, 0), [0, 0, 0, 0], {
      maxIterations: 10_000,
    });
    result.x.forEach((xi, i) => expect(xi).toBeCloseTo(centre[i], 3));
  });

  it('treats a non-finite value as worse than any finite one', () => {
    const result = nelderMead((x) => (x[0] <= 0 ? NaN : (Math.log(x[0]) - 1) ** 2), [1]);
    expect(result.x[0]).toBeCloseTo(Math.E, 3);
  });
});
