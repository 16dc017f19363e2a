import { GENERATED_CHURN, generateMembers } from '../../../../test/modelPopulations';
import { DomainError } from '../../../../../kit/src';
import { thrown } from '../../../../../../test/harness/thrown';
import { CHURN_FEATURES, featureRow, snapshot } from '../features';
import { fitLogistic, predictLogistic } from '../logistic';
import { DEFAULT_TRAINING, scoreMembers, trainChurn, trainModels } from '../training';

const AS_OF = new Date('2026-10-01T00:00:00Z');

describe('the churn model on members drawn from a known churn process', () => {
  const { members, churned } = generateMembers(11, 10_000, AS_OF);
  const { model, report } = trainChurn(members, AS_OF, DEFAULT_TRAINING);
  const coefficient = (name: string) => report.coefficients.find((c) => c.name === name)!.value;

  it('ranks held-out members with ROC-AUC above 0.75', () => {
    expect(churned / members.length).toBeGreaterThan(0.2);
    expect(report.testMembers).toBeGreaterThan(2500);
    expect(report.auc).toBeGreaterThan(0.75);
  });

  it('has the generated signs: recency +, frequency −, burn rate −, trend −, campaign engagement −, check-ins −', () => {
    expect(coefficient('recency')).toBeGreaterThan(0);
    expect(coefficient('frequency')).toBeLessThan(0);
    expect(coefficient('burnRate')).toBeLessThan(0);
    expect(coefficient('trend')).toBeLessThan(0);
    expect(coefficient('campaignEngagement')).toBeLessThan(0);
    expect(coefficient('checkIns')).toBeLessThan(0);
    expect(model.converged).toBe(true);
  });

  it('learns the engagement effects near their generated size (per unit of log(1 + count))', () => {
    expect(coefficient('campaignEngagement')).toBeGreaterThan(GENERATED_CHURN.campaignEngagement * 1.5);
    expect(coefficient('campaignEngagement')).toBeLessThan(GENERATED_CHURN.campaignEngagement * 0.5);
    expect(coefficient('checkIns')).toBeGreaterThan(GENERATED_CHURN.checkIns * 1.5);
    expect(coefficient('checkIns')).toBeLessThan(GENERATED_CHURN.checkIns * 0.5);
  });

  it('ranks better with the engagement it was generated with than without it', () => {
    const withoutEngagement = members.map((m) => ({
      ...m,
      engagements: [],
      points: m.points.filter((p) => p.source !== 'CHECK_IN'),
    }));
    expect(trainChurn(withoutEngagement, AS_OF, DEFAULT_TRAINING).report.auc).toBeLessThan(report.auc - 0.01);
  });

  it('is calibrated on the held-out share: every decile within 0.08 of what happened', () => {
    expect(report.calibration).toHaveLength(10);
    expect(report.maxCalibrationGap).toBeLessThan(0.08);
  });

  it('gives the same model for the same seed, and another split for another', () => {
    expect(trainChurn(members, AS_OF, DEFAULT_TRAINING)).toEqual({ model, report });
    expect(trainChurn(members, AS_OF, { ...DEFAULT_TRAINING, seed: 2 }).model.coefficients).not.toEqual(model.coefficients);
  });

  it('names its features in the order the rows are built', () => {
    expect(model.features).toEqual([...CHURN_FEATURES]);
  });
});

describe('trainModels and scoreMembers', () => {
  const { members } = generateMembers(5, 3000, AS_OF);

  it('fits CLV models with a holdout report and scores every member who ordered', () => {
    const trained = trainModels(members, AS_OF);
    const { holdout } = trained.clvReport;
    expect(trained.clvReport.bgNbd.converged).toBe(true);
    expect(holdout.actual).toBeGreaterThan(0);
    expect(Math.abs(holdout.predicted - holdout.actual) / holdout.actual).toBeLessThan(0.5);
    const scores = scoreMembers(trained, members, AS_OF, { horizonDays: 90, margin: 0.3 });
    expect(scores).toHaveLength(members.length);
    for (const s of scores) {
      expect(s.churnProbability).toBeGreaterThanOrEqual(0);
      expect(s.churnProbability).toBeLessThanOrEqual(1);
      expect(s.health).toBeGreaterThanOrEqual(0);
      expect(s.health).toBeLessThanOrEqual(100);
      expect(s.winBack).toBe(s.health < 30);
      expect(Number.isInteger(s.clvSimpleFen) && Number.isInteger(s.clvModelFen)).toBe(true);
    }
  });

  it('scores with a stored model by its own feature names (a version trained before the engagement features)', () => {
    const older = ['recency', 'frequency', 'monetary', 'trend', 'tenure', 'refundShare', 'burnRate', 'engagement', 'recencyXfrequency'];
    const snapshots = members.map((m) => snapshot(m, new Date(AS_OF.getTime() - 90 * 86_400_000))).filter((s) => s !== null);
    const model = fitLogistic(
      older,
      snapshots.map((s) => featureRow(older, s)),
      snapshots.map((_, i) => i % 3 === 0),
    );
    const [score] = scoreMembers({ ...trainModels(members, AS_OF), churn: model }, [members[0]], AS_OF, { horizonDays: 90, margin: 0.3 });
    expect(score.churnProbability).toBeCloseTo(predictLogistic(model, featureRow(older, snapshot(members[0], AS_OF)!)), 12);
    expect(() => featureRow(['recency', 'shoeSize'], snapshots[0])).toThrow(/shoeSize/);
  });

  it('refuses too little data with MODEL_TOO_LITTLE_DATA', () => {
    expect(thrown(DomainError, () => trainModels(members.slice(0, 50), AS_OF))).toMatchObject({ code: 'MODEL_TOO_LITTLE_DATA' });
    const retainedOnly = members.map((m) => ({
      ...m,
      orders: [...m.orders, { orderedAt: new Date(AS_OF.getTime() - 86_400_000), amountFen: 100, refundedFen: 0 }],
    }));
    expect(thrown(DomainError, () => trainChurn(retainedOnly, AS_OF, DEFAULT_TRAINING))).toMatchObject({ code: 'MODEL_TOO_LITTLE_DATA' });
  });
});
