import { simulateBuyers } from '../../../../test/modelPopulations';
import { bgNbdLogLikelihood, expectedPurchases, fitBgNbd, probabilityAlive, type Rfm } from '../bgnbd';
import { expectedSpend, fitGammaGamma } from '../gammaGamma';

const BG = { r: 0.8, alpha: 6, a: 1.6, b: 5 };
const GG = { p: 6, q: 4, gamma: 15 };

function summarise(buyers: ReturnType<typeof simulateBuyers>) {
  return buyers.map((buyer) => {
    const inCalibration = buyer.purchases.filter((t) => t <= buyer.T);
    const rfm: Rfm = { x: inCalibration.length - 1, tx: inCalibration[inCalibration.length - 1], T: buyer.T };
    const repeatValues = buyer.values.slice(1, inCalibration.length);
    return {
      rfm,
      holdout: buyer.purchases.length - inCalibration.length,
      spend: { x: rfm.x, mean: repeatValues.length ? repeatValues.reduce((s, v) => s + v, 0) / repeatValues.length : 0 },
    };
  });
}

describe('BG/NBD and Gamma-Gamma on buyers drawn from known parameters', () => {
  const members = summarise(simulateBuyers(7, 8000, BG, GG, { minT: 26, maxT: 78, holdout: 26 }));
  const fit = fitBgNbd(members.map((m) => m.rfm));

  it('recovers r, α, a and b within 20%', () => {
    expect(fit.converged).toBe(true);
    for (const key of ['r', 'alpha', 'a', 'b'] as const) {
      expect(Math.abs(fit.params[key] - BG[key]) / BG[key]).toBeLessThan(0.2);
    }
    // The fit is the maximum: the generating parameters are no likelier.
    expect(fit.logLikelihood).toBeGreaterThanOrEqual(
      bgNbdLogLikelihood(
        BG,
        members.map((m) => m.rfm),
      ),
    );
  });

  it('predicts the holdout period’s purchases within 5% in total and within 15% for each calibration frequency up to 4', () => {
    const predicted = members.map((m) => expectedPurchases(fit.params, m.rfm, 26));
    const total = (xs: number[]) => xs.reduce((s, v) => s + v, 0);
    const actual = members.map((m) => m.holdout);
    expect(Math.abs(total(predicted) - total(actual)) / total(actual)).toBeLessThan(0.05);
    for (let x = 0; x <= 4; x++) {
      const group = members.map((m, i) => i).filter((i) => members[i].rfm.x === x);
      const p = total(group.map((i) => predicted[i]));
      const a = total(group.map((i) => actual[i]));
      expect(Math.abs(p - a) / a).toBeLessThan(0.15);
    }
  });

  it('predicts with a < 1 as well (the CDNOW fit, a = 0.793): positive and rising with the horizon', () => {
    const cdnow = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
    const history = { x: 2, tx: 30.43, T: 38.86 };
    const year = expectedPurchases(cdnow, history, 52);
    expect(year).toBeGreaterThan(0);
    expect(expectedPurchases(cdnow, history, 104)).toBeGreaterThan(year);
    // Published for this customer in FHL's note (x = 2, tₓ = 30.43, T = 38.86, t = 39): 1.226.
    expect(expectedPurchases(cdnow, history, 39)).toBeCloseTo(1.226, 2);
  });

  it('has P(alive) = 1 without repeat purchases and lower the longer since the last one', () => {
    expect(probabilityAlive(fit.params, { x: 0, tx: 0, T: 40 })).toBe(1);
    expect(probabilityAlive(fit.params, { x: 3, tx: 38, T: 40 })).toBeGreaterThan(probabilityAlive(fit.params, { x: 3, tx: 5, T: 40 }));
  });

  it('Gamma-Gamma recovers p, q and γ within 20% and shrinks a member’s mean towards the population’s', () => {
    const repeaters = members.filter((m) => m.spend.x > 0).map((m) => m.spend);
    const spend = fitGammaGamma(repeaters);
    for (const key of ['p', 'q', 'gamma'] as const) {
      expect(Math.abs(spend.params[key] - GG[key]) / GG[key]).toBeLessThan(0.2);
    }
    const population = (spend.params.p * spend.params.gamma) / (spend.params.q - 1);
    const shrunk = expectedSpend(spend.params, 1, population * 3);
    expect(shrunk).toBeGreaterThan(population);
    expect(shrunk).toBeLessThan(population * 3);
  });
});
