import type { Finding } from '../evaluate';
import { memberRisk, type RecentDecision } from '../profile';

const finding = (rule: string, detail = `${rule} matched`): Finding => ({
  rule,
  outcome: 'REVIEW',
  score: 30,
  detail,
  relatedMemberIds: [],
});
const day = (d: number) => new Date(Date.UTC(2026, 10, d));
const decision = (d: Partial<RecentDecision>): RecentDecision => ({
  decision: 'REVIEW',
  score: 30,
  reviewStatus: 'PENDING',
  findings: [],
  at: day(1),
  ...d,
});

describe('memberRisk', () => {
  it('is LOW with score 0 without decisions that count', () => {
    expect(memberRisk(null, [])).toEqual({ level: 'LOW', score: 0, reasons: [] });
    expect(memberRisk(null, [decision({ decision: 'ALLOW', score: 0, reviewStatus: null })])).toEqual({
      level: 'LOW',
      score: 0,
      reasons: [],
    });
    expect(memberRisk(null, [decision({ reviewStatus: 'APPROVED', findings: [finding('a')] })])).toEqual({
      level: 'LOW',
      score: 0,
      reasons: [],
    });
  });

  it('is MEDIUM with an open review, HIGH with a denial, a rejection or a score of 70', () => {
    expect(memberRisk(null, [decision({ score: 40 })])).toMatchObject({ level: 'MEDIUM', score: 40 });
    expect(memberRisk(null, [decision({ decision: 'DENY', score: 50, reviewStatus: null })]).level).toBe('HIGH');
    expect(memberRisk(null, [decision({ reviewStatus: 'REJECTED' })]).level).toBe('HIGH');
    expect(memberRisk(null, [decision({ score: 70 })]).level).toBe('HIGH');
  });

  it('keeps the level staff set', () => {
    expect(memberRisk('HIGH', []).level).toBe('HIGH');
    expect(memberRisk('MEDIUM', []).level).toBe('MEDIUM');
  });

  it('scores the highest decision and lists one reason per rule, latest first', () => {
    const risk = memberRisk(null, [
      decision({ score: 30, at: day(1), findings: [finding('a', 'old a')] }),
      decision({ score: 60, at: day(3), findings: [finding('a', 'new a'), finding('b')] }),
      decision({ score: 40, at: day(2), findings: [finding('c')] }),
    ]);
    expect(risk.score).toBe(60);
    expect(risk.reasons.map((r) => r.detail)).toEqual(['new a', 'b matched', 'c matched']);
  });
});
