import { createHash, randomBytes } from 'node:crypto';
import cdf from '@stdlib/stats-base-dists-normal-cdf';
import quantile from '@stdlib/stats-base-dists-normal-quantile';
import { DomainError, parseCode } from '../../../kit/src';

/*
 * A/B experiments (shared/DOMAIN.md §5). Invariants:
 * - weights are thousandths; the variants' weights and the holdout's add up to exactly 1000;
 * - assignment is a pure function of (salt, member id, weights): the same member lands in the same
 *   group in every channel and on every server, with nothing stored; a stopped experiment with a
 *   promoted winner shows everyone (holdout included) the winner;
 * - one variant is the control every other variant is compared against.
 */

/** The group a member is held out in: sees no variant, measured as a baseline. */
export const HOLDOUT = 'HOLDOUT';

export interface VariantPlan {
  key: string;
  name: string;
  /** Share of members in thousandths. */
  weightMilli: number;
  control: boolean;
}

export interface ExperimentPlan {
  key: string;
  name: string;
  salt: string;
  holdoutMilli: number;
  variants: VariantPlan[];
}

export interface ExperimentInput {
  key: string;
  name: string;
  /** Defaults to random bytes: two experiments never split members the same way by accident. */
  salt?: string | null;
  /** "0.1" = 10 % of members held out; default none. */
  holdoutWeight?: string | null;
  variants: Array<{ key: string; name: string; weight: string; control?: boolean | null }>;
}

const WEIGHT = /^(0(\.\d{1,3})?|1(\.0{1,3})?)$/;

function parseWeight(text: string, field: string): number {
  const trimmed = text.trim();
  if (!WEIGHT.test(trimmed))
    throw new DomainError('BAD_USER_INPUT', `${field} must be a decimal from 0 to 1 with at most three places`, { field });
  return Math.round(Number(trimmed) * 1000);
}

function parseName(text: string, field: string): string {
  const name = text.trim();
  if (name.length === 0 || name.length > 128) throw new DomainError('BAD_USER_INPUT', `${field} must be 1–128 characters`, { field });
  return name;
}

/** Validates a new experiment: 2–10 variants with distinct keys, one control, weights summing to 1. */
export function planExperiment(input: ExperimentInput): ExperimentPlan {
  const key = parseCode(input.key, 'key', { max: 64 });
  const name = parseName(input.name, 'name');
  const salt = input.salt == null || input.salt === '' ? randomBytes(12).toString('hex') : parseCode(input.salt, 'salt', { max: 64 });
  if (input.variants.length < 2 || input.variants.length > 10) {
    throw new DomainError('BAD_USER_INPUT', 'an experiment has 2–10 variants', { field: 'variants' });
  }
  const variants = input.variants.map((v, i) => {
    const variantKey = parseCode(v.key, `variants.${i}.key`, { max: 32 });
    if (variantKey === HOLDOUT)
      throw new DomainError('BAD_USER_INPUT', `${HOLDOUT} is the holdout group's name`, { field: `variants.${i}.key` });
    const weightMilli = parseWeight(v.weight, `variants.${i}.weight`);
    if (weightMilli === 0) throw new DomainError('BAD_USER_INPUT', 'a variant needs a weight above 0', { field: `variants.${i}.weight` });
    return { key: variantKey, name: parseName(v.name, `variants.${i}.name`), weightMilli, control: v.control === true };
  });
  if (new Set(variants.map((v) => v.key)).size !== variants.length) {
    throw new DomainError('BAD_USER_INPUT', 'variant keys must be distinct', { field: 'variants' });
  }
  const controls = variants.filter((v) => v.control).length;
  if (controls > 1) throw new DomainError('BAD_USER_INPUT', 'at most one variant is the control', { field: 'variants' });
  // Without an explicit control, the first variant is the baseline (usually the current offer).
  if (controls === 0) variants[0].control = true;
  const holdoutMilli = input.holdoutWeight == null ? 0 : parseWeight(input.holdoutWeight, 'holdoutWeight');
  const total = variants.reduce((sum, v) => sum + v.weightMilli, holdoutMilli);
  if (total !== 1000) {
    throw new DomainError('BAD_USER_INPUT', `the variants' weights and the holdout must add up to 1 (they add up to ${total / 1000})`, {
      field: 'variants',
    });
  }
  return { key, name, salt, holdoutMilli, variants };
}

/**
 * A uniform number in [0, 1) from the member id and the experiment's salt: the first 52 bits of
 * SHA-256, which is as good as uniform and the same everywhere (no process-local seed).
 */
export function assignmentPoint(salt: string, memberId: string): number {
  const digest = createHash('sha256').update(`${salt}:${memberId}`).digest();
  // 52 bits: exactly representable in a double.
  const high = digest.readUInt32BE(0) >>> 12; // 20 bits
  const low = digest.readUInt32BE(4); // 32 bits
  return (high * 2 ** 32 + low) / 2 ** 52;
}

/**
 * The group of a member: the holdout occupies [0, holdout), the variants follow in their order.
 * Once an experiment is stopped with a winner, everyone sees the winner.
 */
export function assignVariant(
  experiment: Pick<ExperimentPlan, 'salt' | 'holdoutMilli' | 'variants'> & { winnerKey?: string | null },
  memberId: string,
): string {
  if (experiment.winnerKey) return experiment.winnerKey;
  const point = assignmentPoint(experiment.salt, memberId) * 1000;
  let edge = experiment.holdoutMilli;
  if (point < edge) return HOLDOUT;
  for (const variant of experiment.variants) {
    edge += variant.weightMilli;
    if (point < edge) return variant.key;
  }
  return experiment.variants[experiment.variants.length - 1].key;
}

export interface GroupTotals {
  key: string;
  exposures: number;
  conversions: number;
  costFen: number;
}

export interface Comparison {
  /** Relative lift of the conversion rate over the control: 0.153 = +15.3 %. Null when the control converted nobody. */
  lift: number | null;
  /** Absolute difference of the rates (variant − control). */
  difference: number;
  z: number;
  /** Two-sided p-value of the pooled two-proportion z-test. */
  pValue: number;
  /** Confidence interval of the difference of the rates (unpooled standard error). */
  differenceLow: number;
  differenceHigh: number;
  significant: boolean;
}

/**
 * The two-proportion z-test of a variant against the control: H0 p_variant = p_control, pooled
 * standard error for the test, unpooled for the interval (the usual pair). Normal approximation:
 * fine for the sample sizes experiments run at; with no exposures on a side there is no test.
 */
export function compareProportions(
  control: { exposures: number; conversions: number },
  variant: { exposures: number; conversions: number },
  confidence = 0.95,
): Comparison | null {
  const { exposures: n1, conversions: x1 } = control;
  const { exposures: n2, conversions: x2 } = variant;
  if (n1 === 0 || n2 === 0) return null;
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const difference = p2 - p1;
  const pooled = (x1 + x2) / (n1 + n2);
  const sePooled = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  const z = sePooled === 0 ? 0 : difference / sePooled;
  const pValue = sePooled === 0 ? 1 : Math.min(1, 2 * (1 - cdf(Math.abs(z), 0, 1)));
  const seDiff = Math.sqrt((p1 * (1 - p1)) / n1 + (p2 * (1 - p2)) / n2);
  const critical = quantile(1 - (1 - confidence) / 2, 0, 1);
  return {
    lift: p1 === 0 ? null : difference / p1,
    difference,
    z,
    pValue,
    differenceLow: difference - critical * seDiff,
    differenceHigh: difference + critical * seDiff,
    significant: pValue < 1 - confidence,
  };
}

/** Customer acquisition cost: spend per conversion, in whole fen (rounded half up); null with no conversion. */
export function costPerAcquisition(costFen: number, acquired: number): number | null {
  return acquired > 0 ? Math.round(costFen / acquired) : null;
}

export interface GroupResult extends GroupTotals {
  conversionRate: number;
  cacFen: number | null;
  control: boolean;
  /** Against the control; null for the control itself and when a side has no exposures. */
  comparison: Comparison | null;
}

export interface ExperimentResults {
  groups: GroupResult[];
  /** The best variant that beats the control significantly; null when none does (keep the control). */
  winnerKey: string | null;
}

/** Results of every group (the holdout last) against the control, and the significant winner. */
export function experimentResults(
  experiment: Pick<ExperimentPlan, 'variants' | 'holdoutMilli'>,
  totals: readonly GroupTotals[],
  confidence = 0.95,
): ExperimentResults {
  const byKey = new Map(totals.map((t) => [t.key, t]));
  const totalsOf = (key: string): GroupTotals => byKey.get(key) ?? { key, exposures: 0, conversions: 0, costFen: 0 };
  const control = totalsOf(experiment.variants.find((v) => v.control)!.key);
  const keys = [...experiment.variants.map((v) => v.key), ...(experiment.holdoutMilli > 0 ? [HOLDOUT] : [])];
  const groups = keys.map((key): GroupResult => {
    const group = totalsOf(key);
    const isControl = key === control.key;
    return {
      ...group,
      conversionRate: group.exposures > 0 ? group.conversions / group.exposures : 0,
      cacFen: costPerAcquisition(group.costFen, group.conversions),
      control: isControl,
      comparison: isControl ? null : compareProportions(control, group, confidence),
    };
  });
  const winners = groups
    .filter((g) => g.key !== HOLDOUT && g.comparison?.significant && g.comparison.difference > 0)
    .sort((a, b) => b.conversionRate - a.conversionRate);
  return { groups, winnerKey: winners[0]?.key ?? null };
}
