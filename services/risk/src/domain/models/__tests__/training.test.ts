import { generateMembers } from '../../../../test/modelPopulations';
import { DomainError } from '../../../../../kit/src';
import { thrown } from '../../../../../../test/harness/thrown';
import { CHURN_FEATURES } from '../features';
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

  it('has the generated signs: recency +, frequency −, burn rate −, trend −', () => {
    expect(coefficient('recency')).toBeGreaterThan(0);
    expect(coefficient('frequency')).toBeLessThan(0);
    expect(coefficient('burnRate')).toBeLessThan(0);
    expect(coefficient('trend')).toBeLessThan(0);
    expect(model.converged).toBe(true);
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

  it('refuses too little data with MODEL_TOO_LITTLE_DATA', () => {
    expect(thrown(DomainError, () => trainModels(members.slice(0, 50), AS_OF))).toMatchObject({ code: 'MODEL_TOO_LITTLE_DATA' });
    const retainedOnly = members.map((m) => ({
      ...m,
      orders: [...m.orders, { orderedAt: new Date(AS_OF.getTime() - 86_400_000), amountFen: 100, refundedFen: 0 }],
    }));
    expect(thrown(DomainError, () => trainChurn(retainedOnly, AS_OF, DEFAULT_TRAINING))).toMatchObject({ code: 'MODEL_TOO_LITTLE_DATA' });
  });
});
