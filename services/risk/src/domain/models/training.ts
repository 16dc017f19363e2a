import { DomainError } from '../../../../kit/src';
import { DAY_MS, type MemberActivity } from './activity';
import { expectedPurchases, fitBgNbd, probabilityAlive, type BgNbdParams, type Rfm } from './bgnbd';
import { annualChurnRate, modelClvFen, simpleClvFen } from './clv';
import { CHURN_FEATURES, churnedAfter, churnFeatures, featureRow, snapshot } from './features';
import { expectedSpend, fitGammaGamma, type GammaGammaParams } from './gammaGamma';
import { HEALTH_WIN_BACK_BELOW, healthScore } from './health';
import { fitLogistic, predictLogistic, rawCoefficients, type LogisticModel } from './logistic';
import { calibration, maxCalibrationGap, rocAuc, type CalibrationBin } from './metrics';
import { memberFraction } from './random';

/**
 * The training job's pure part: from members' histories to the churn model (trained at a past
 * cutoff, `horizonDays` before `asOf`, on whether each member then ordered within the horizon; the
 * held-out share judged by ROC-AUC and calibration) and the CLV models (BG/NBD and Gamma-Gamma fitted on
 * the history up to `clvHoldoutWeeks` before `asOf`, judged on the purchases after). The split is by
 * member id and seed, so the same histories and seed give the same models.
 * Too little data is refused (MODEL_TOO_LITTLE_DATA) rather than answered with a useless model.
 */
export interface TrainingOptions {
  seed: number;
  horizonDays: number;
  holdoutShare: number;
  clvHoldoutWeeks: number;
  /** Members with an order before the cutoff, at least. */
  minMembers: number;
  /** Churned and retained members in the training split, at least each. */
  minPerClass: number;
  /** Members with a repeat purchase (Gamma-Gamma's data), at least. */
  minRepeaters: number;
}

export const DEFAULT_TRAINING: TrainingOptions = {
  seed: 1,
  horizonDays: 90,
  holdoutShare: 0.3,
  clvHoldoutWeeks: 26,
  minMembers: 200,
  minPerClass: 30,
  minRepeaters: 50,
};

export interface ChurnReport {
  cutoff: string;
  horizonDays: number;
  trainMembers: number;
  testMembers: number;
  churnRate: number;
  auc: number;
  calibration: CalibrationBin[];
  maxCalibrationGap: number;
  /** Per unit of each raw feature, intercept first. */
  coefficients: Array<{ name: string; value: number }>;
  logLikelihood: number;
  iterations: number;
  converged: boolean;
}

export interface ClvReport {
  calibrationEnd: string;
  holdoutWeeks: number;
  members: number;
  bgNbd: { params: BgNbdParams; logLikelihood: number; converged: boolean; atBound: boolean };
  gammaGamma: { params: GammaGammaParams; logLikelihood: number; converged: boolean; atBound: boolean; members: number };
  holdout: {
    predicted: number;
    actual: number;
    byRepeatPurchases: Array<{ x: string; members: number; predicted: number; actual: number }>;
  };
}

export interface TrainedModels {
  churn: LogisticModel;
  churnReport: ChurnReport;
  bgNbd: BgNbdParams;
  gammaGamma: GammaGammaParams;
  clvReport: ClvReport;
}

const WEEK_MS = 7 * DAY_MS;

function refuse(message: string): never {
  throw new DomainError('MODEL_TOO_LITTLE_DATA', message);
}

/** A member's (x, tₓ, T) and repeat-spend summary up to `end`; null without an order by then. */
export function rfmOf(activity: MemberActivity, end: Date): { rfm: Rfm; repeatMeanFen: number } | null {
  const times = activity.orders
    .filter((o) => o.orderedAt.getTime() < end.getTime())
    .sort((a, b) => a.orderedAt.getTime() - b.orderedAt.getTime());
  if (times.length === 0) return null;
  const first = times[0].orderedAt.getTime();
  const repeats = times.slice(1);
  return {
    rfm: {
      x: repeats.length,
      tx: (times[times.length - 1].orderedAt.getTime() - first) / WEEK_MS,
      T: (end.getTime() - first) / WEEK_MS,
    },
    repeatMeanFen: repeats.length ? repeats.reduce((s, o) => s + (o.amountFen - o.refundedFen), 0) / repeats.length : 0,
  };
}

export function trainChurn(
  activities: readonly MemberActivity[],
  asOf: Date,
  options: TrainingOptions,
): { model: LogisticModel; report: ChurnReport } {
  const cutoff = new Date(asOf.getTime() - options.horizonDays * DAY_MS);
  const rows: Array<{ memberId: string; features: number[]; churned: boolean }> = [];
  for (const activity of activities) {
    const s = snapshot(activity, cutoff);
    if (s)
      rows.push({ memberId: activity.memberId, features: churnFeatures(s), churned: churnedAfter(activity, cutoff, options.horizonDays) });
  }
  if (rows.length < options.minMembers) {
    refuse(`churn: ${rows.length} members had ordered by ${cutoff.toISOString()}; training needs at least ${options.minMembers}`);
  }
  const isTest = (memberId: string) => memberFraction(memberId, options.seed) < options.holdoutShare;
  const train = rows.filter((r) => !isTest(r.memberId));
  const test = rows.filter((r) => isTest(r.memberId));
  const churners = train.filter((r) => r.churned).length;
  if (Math.min(churners, train.length - churners) < options.minPerClass || test.every((r) => r.churned) || test.every((r) => !r.churned)) {
    refuse(
      `churn: ${churners} churned and ${train.length - churners} retained members to train on; each needs at least ${options.minPerClass}, and the held-out share both`,
    );
  }
  const model = fitLogistic(
    CHURN_FEATURES,
    train.map((r) => r.features),
    train.map((r) => r.churned),
  );
  const predicted = test.map((r) => predictLogistic(model, r.features));
  const labels = test.map((r) => r.churned);
  const table = calibration(predicted, labels);
  const raw = rawCoefficients(model);
  return {
    model,
    report: {
      cutoff: cutoff.toISOString(),
      horizonDays: options.horizonDays,
      trainMembers: train.length,
      testMembers: test.length,
      churnRate: rows.filter((r) => r.churned).length / rows.length,
      auc: rocAuc(predicted, labels),
      calibration: table,
      maxCalibrationGap: maxCalibrationGap(table),
      coefficients: raw.map((value, j) => ({ name: j === 0 ? 'intercept' : CHURN_FEATURES[j - 1], value })),
      logLikelihood: model.logLikelihood,
      iterations: model.iterations,
      converged: model.converged,
    },
  };
}

/** The churn model's ROC-AUC on today's data: features at asOf − horizon, labels since (the monthly check). */
export function evaluateChurn(
  model: LogisticModel,
  activities: readonly MemberActivity[],
  asOf: Date,
  horizonDays: number,
): { auc: number; members: number } {
  const cutoff = new Date(asOf.getTime() - horizonDays * DAY_MS);
  const scores: number[] = [];
  const labels: boolean[] = [];
  for (const activity of activities) {
    const s = snapshot(activity, cutoff);
    if (!s) continue;
    scores.push(predictLogistic(model, featureRow(model.features, s)));
    labels.push(churnedAfter(activity, cutoff, horizonDays));
  }
  return { auc: rocAuc(scores, labels), members: scores.length };
}

export function trainClv(
  activities: readonly MemberActivity[],
  asOf: Date,
  options: TrainingOptions,
): { bgNbd: BgNbdParams; gammaGamma: GammaGammaParams; report: ClvReport } {
  const calibrationEnd = new Date(asOf.getTime() - options.clvHoldoutWeeks * WEEK_MS);
  const members: Array<{ rfm: Rfm; repeatMeanFen: number; holdout: number }> = [];
  for (const activity of activities) {
    const summary = rfmOf(activity, calibrationEnd);
    if (!summary) continue;
    const holdout = activity.orders.filter(
      (o) => o.orderedAt.getTime() >= calibrationEnd.getTime() && o.orderedAt.getTime() < asOf.getTime(),
    ).length;
    members.push({ ...summary, holdout });
  }
  if (members.length < options.minMembers) {
    refuse(`CLV: ${members.length} members had ordered by ${calibrationEnd.toISOString()}; fitting needs at least ${options.minMembers}`);
  }
  const repeaters = members.filter((m) => m.rfm.x > 0 && m.repeatMeanFen > 0);
  if (repeaters.length < options.minRepeaters) {
    refuse(`CLV: ${repeaters.length} members with a repeat purchase; Gamma-Gamma needs at least ${options.minRepeaters}`);
  }
  const bg = fitBgNbd(members.map((m) => m.rfm));
  // Spend in CNY keeps the optimiser's numbers near 1; the model is scale-free in it.
  const gg = fitGammaGamma(repeaters.map((m) => ({ x: m.rfm.x, mean: m.repeatMeanFen / 100 })));
  const predicted = members.map((m) => expectedPurchases(bg.params, m.rfm, options.clvHoldoutWeeks));
  const groups = ['0', '1', '2', '3', '4', '5', '6+'];
  const groupOf = (x: number) => (x >= 6 ? '6+' : String(x));
  const byRepeatPurchases = groups.map((x) => {
    const ids = members.map((m, i) => i).filter((i) => groupOf(members[i].rfm.x) === x);
    return {
      x,
      members: ids.length,
      predicted: ids.reduce((s, i) => s + predicted[i], 0),
      actual: ids.reduce((s, i) => s + members[i].holdout, 0),
    };
  });
  return {
    bgNbd: bg.params,
    gammaGamma: gg.params,
    report: {
      calibrationEnd: calibrationEnd.toISOString(),
      holdoutWeeks: options.clvHoldoutWeeks,
      members: members.length,
      bgNbd: { params: bg.params, logLikelihood: bg.logLikelihood, converged: bg.converged, atBound: bg.atBound },
      gammaGamma: {
        params: gg.params,
        logLikelihood: gg.logLikelihood,
        converged: gg.converged,
        atBound: gg.atBound,
        members: repeaters.length,
      },
      holdout: {
        predicted: predicted.reduce((s, v) => s + v, 0),
        actual: members.reduce((s, m) => s + m.holdout, 0),
        byRepeatPurchases,
      },
    },
  };
}

export function trainModels(activities: readonly MemberActivity[], asOf: Date, options: TrainingOptions = DEFAULT_TRAINING): TrainedModels {
  const churn = trainChurn(activities, asOf, options);
  const clv = trainClv(activities, asOf, options);
  return { churn: churn.model, churnReport: churn.report, bgNbd: clv.bgNbd, gammaGamma: clv.gammaGamma, clvReport: clv.report };
}

export interface MemberScore {
  memberId: string;
  churnProbability: number;
  health: number;
  winBack: boolean;
  clvSimpleFen: number;
  clvModelFen: number;
  probabilityAlive: number;
  expectedPurchasesYear: number;
}

/** Scores every member with an order before `asOf` (members who never ordered have nothing to score). */
export function scoreMembers(
  models: Pick<TrainedModels, 'churn' | 'bgNbd' | 'gammaGamma'>,
  activities: readonly MemberActivity[],
  asOf: Date,
  settings: { horizonDays: number; margin: number },
): MemberScore[] {
  const scores: MemberScore[] = [];
  for (const activity of activities) {
    const s = snapshot(activity, asOf);
    const summary = rfmOf(activity, asOf);
    if (!s || !summary) continue;
    const churnProbability = predictLogistic(models.churn, featureRow(models.churn.features, s));
    const health = healthScore(s);
    const expectedYear = expectedPurchases(models.bgNbd, summary.rfm, 52);
    const expectedOrderFen = 100 * expectedSpend(models.gammaGamma, summary.rfm.x, summary.repeatMeanFen / 100);
    scores.push({
      memberId: activity.memberId,
      churnProbability,
      health,
      winBack: health < HEALTH_WIN_BACK_BELOW,
      clvSimpleFen: simpleClvFen({
        aovFen: s.ordersLastYear ? s.spendLastYearFen / s.ordersLastYear : s.meanOrderFen,
        purchasesPerYear: s.ordersLastYear,
        margin: settings.margin,
        annualChurnRate: annualChurnRate(churnProbability, settings.horizonDays),
      }),
      clvModelFen: modelClvFen({ expectedPurchases: expectedYear, expectedOrderFen, margin: settings.margin }),
      probabilityAlive: probabilityAlive(models.bgNbd, summary.rfm),
      expectedPurchasesYear: Number.isFinite(expectedYear) ? expectedYear : 0,
    });
  }
  return scores;
}
