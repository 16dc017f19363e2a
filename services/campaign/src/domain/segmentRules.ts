import { CHANNELS, DomainError, parseCnyToFen, parseInstant } from '../../../kit/src';
import { CUSTOMER_SEGMENTS, RFM_SEGMENTS, type RfmScore } from './rfm';

/*
 * Rule-based segments. A rule is JSON an operator writes:
 *   { "all": [rule, …] } · { "any": [rule, …] } · { "not": rule } · { "field": F, "op": OP, "value": V }
 * It is validated completely when the segment is defined (unknown fields, operators, values, RFM or
 * customer segment names → BAD_USER_INPUT on `rules`, with the path of the offending part) and
 * compiled to a predicate over one member's facts; evaluation never throws.
 */

/** Everything a rule can ask about a member: member service facts plus the RFM of the points statistics. */
export interface MemberFacts {
  memberId: string;
  tierId: string;
  registeredVia: string;
  /** Purposes the member consents to: MARKETING, ANALYTICS, PARTNER_SHARING. */
  consents: readonly string[];
  rfm: RfmScore;
  /** Spend in the RFM window, fen. */
  spendFen: number;
  lastPurchaseAt: Date | null;
}

export const CONSENT_PURPOSES = ['MARKETING', 'ANALYTICS', 'PARTNER_SHARING'] as const;

type Predicate = (member: MemberFacts) => boolean;
type Kind = 'text' | 'number' | 'instant' | 'set';

interface FieldSpec {
  kind: Kind;
  read: (member: MemberFacts) => string | number | null | readonly string[];
  /** Parses one value of a rule into the unit `read` gives (fen, days, epoch ms …). */
  parse: (value: unknown, path: string) => string | number;
  doc: string;
}

const fail = (path: string, message: string): never => {
  throw new DomainError('BAD_USER_INPUT', `rules${path}: ${message}`, { field: 'rules' });
};

const oneOf =
  (allowed: readonly string[], what: string) =>
  (value: unknown, path: string): string =>
    typeof value === 'string' && allowed.includes(value)
      ? value
      : fail(path, `unknown ${what} ${JSON.stringify(value)}; one of ${allowed.join(', ')}`);

const code = (value: unknown, path: string): string =>
  typeof value === 'string' && /^[A-Z0-9_]{1,32}$/.test(value) ? value : fail(path, 'must be an upper-case code, e.g. "GOLD"');

const wholeNumber =
  (min: number, max: number) =>
  (value: unknown, path: string): number =>
    typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max
      ? value
      : fail(path, `must be a whole number from ${min} to ${max}`);

/** Money in a rule is CNY, as a string ("500.00") or a number (500); compared in fen. */
const money = (value: unknown, path: string): number => {
  if (typeof value !== 'string' && typeof value !== 'number') return fail(path, 'must be an amount in CNY, e.g. "500.00"');
  try {
    return parseCnyToFen(String(value), 'rules');
  } catch {
    return fail(path, 'must be an amount in CNY with at most two decimals, e.g. "500.00"');
  }
};

const instant = (value: unknown, path: string): number => {
  if (typeof value !== 'string') return fail(path, 'must be an ISO-8601 timestamp with its zone');
  try {
    return parseInstant(value, 'rules').getTime();
  } catch {
    return fail(path, 'must be an ISO-8601 timestamp with its zone, e.g. 2026-12-01T00:00:00Z');
  }
};

export const RULE_FIELDS: Record<string, FieldSpec> = {
  tier: { kind: 'text', read: (m) => m.tierId, parse: code, doc: 'tier id, e.g. "GOLD"' },
  channel: { kind: 'text', read: (m) => m.registeredVia, parse: oneOf(CHANNELS, 'channel'), doc: 'registration channel' },
  rfmSegment: {
    kind: 'text',
    read: (m) => m.rfm.rfmSegment,
    parse: oneOf(RFM_SEGMENTS, 'RFM segment'),
    doc: 'one of the eight RFM segments',
  },
  customerSegment: {
    kind: 'text',
    read: (m) => m.rfm.customerSegment,
    parse: oneOf(CUSTOMER_SEGMENTS, 'customer segment'),
    doc: 'one of the five customer segments',
  },
  recencyScore: { kind: 'number', read: (m) => m.rfm.r, parse: wholeNumber(1, 5), doc: 'R score 1–5' },
  frequencyScore: { kind: 'number', read: (m) => m.rfm.f, parse: wholeNumber(1, 5), doc: 'F score 1–5' },
  monetaryScore: { kind: 'number', read: (m) => m.rfm.m, parse: wholeNumber(1, 5), doc: 'M score 1–5' },
  purchases: { kind: 'number', read: (m) => m.rfm.frequency, parse: wholeNumber(0, 1_000_000), doc: 'purchases in the window' },
  spend: { kind: 'number', read: (m) => m.spendFen, parse: money, doc: 'spend in the window, CNY' },
  averageSpend: { kind: 'number', read: (m) => m.rfm.monetaryFen, parse: money, doc: 'average spend per purchase, CNY' },
  // Never bought: infinitely long ago, so "more than 90 days" includes them and "within 30" does not.
  daysSinceLastPurchase: {
    kind: 'number',
    read: (m) => m.rfm.recencyDays ?? Number.POSITIVE_INFINITY,
    parse: wholeNumber(0, 100_000),
    doc: 'whole days since the last purchase',
  },
  lastPurchaseAt: { kind: 'instant', read: (m) => m.lastPurchaseAt?.getTime() ?? null, parse: instant, doc: 'time of the last purchase' },
  consent: { kind: 'set', read: (m) => m.consents, parse: oneOf(CONSENT_PURPOSES, 'consent purpose'), doc: 'purposes consented to' },
};

const OPERATORS: Record<Kind, readonly string[]> = {
  text: ['eq', 'ne', 'in', 'notIn'],
  number: ['eq', 'ne', 'lt', 'lte', 'gt', 'gte'],
  instant: ['lt', 'lte', 'gt', 'gte'],
  set: ['has', 'lacks'],
};

const MAX_DEPTH = 6;
const MAX_CONDITIONS = 64;
/** The largest rule text accepted (the column holds it whole). */
export const MAX_RULE_LENGTH = 8000;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function compare(op: string, actual: number, expected: number): boolean {
  switch (op) {
    case 'eq':
      return actual === expected;
    case 'ne':
      return actual !== expected;
    case 'lt':
      return actual < expected;
    case 'lte':
      return actual <= expected;
    case 'gt':
      return actual > expected;
    default:
      return actual >= expected;
  }
}

export interface CompiledRule {
  /** The rule, normalised (re-serialised without whitespace) for storage. */
  text: string;
  matches: Predicate;
}

/** Parses and validates a rule's JSON text; BAD_USER_INPUT on `rules` names the first problem. */
export function compileRule(text: string): CompiledRule {
  if (text.length > MAX_RULE_LENGTH) fail('', `must be at most ${MAX_RULE_LENGTH} characters`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return fail('', `is not valid JSON (${(error as Error).message})`);
  }
  let conditions = 0;
  const compile = (node: unknown, path: string, depth: number): Predicate => {
    if (depth > MAX_DEPTH) fail(path, `nests deeper than ${MAX_DEPTH} levels`);
    if (!isObject(node)) return fail(path, 'must be an object');
    const keys = Object.keys(node);
    if (keys.length === 1 && (keys[0] === 'all' || keys[0] === 'any')) {
      const children = node[keys[0]];
      if (!Array.isArray(children) || children.length === 0) return fail(`${path}.${keys[0]}`, 'must be a non-empty array of rules');
      const compiled = children.map((child, i) => compile(child, `${path}.${keys[0]}[${i}]`, depth + 1));
      return keys[0] === 'all' ? (m) => compiled.every((p) => p(m)) : (m) => compiled.some((p) => p(m));
    }
    if (keys.length === 1 && keys[0] === 'not') {
      const inner = compile(node.not, `${path}.not`, depth + 1);
      return (m) => !inner(m);
    }
    const unknown = keys.filter((k) => k !== 'field' && k !== 'op' && k !== 'value');
    if (unknown.length > 0 || keys.length !== 3) {
      return fail(
        path,
        `a condition is {"field","op","value"} and a group {"all"|"any": [...]} or {"not": ...}; got keys ${keys.join(', ') || 'none'}`,
      );
    }
    conditions += 1;
    if (conditions > MAX_CONDITIONS) fail('', `has more than ${MAX_CONDITIONS} conditions`);
    const field = node.field;
    const spec = typeof field === 'string' && Object.hasOwn(RULE_FIELDS, field) ? RULE_FIELDS[field] : undefined;
    if (!spec) return fail(`${path}.field`, `unknown field ${JSON.stringify(field)}; one of ${Object.keys(RULE_FIELDS).join(', ')}`);
    const op = node.op;
    if (typeof op !== 'string' || !OPERATORS[spec.kind].includes(op)) {
      return fail(`${path}.op`, `${String(field)} takes ${OPERATORS[spec.kind].join(', ')}`);
    }
    if (op === 'in' || op === 'notIn') {
      if (!Array.isArray(node.value) || node.value.length === 0) return fail(`${path}.value`, `${op} needs a non-empty array`);
      const values = new Set(node.value.map((v, i) => spec.parse(v, `${path}.value[${i}]`)));
      return op === 'in' ? (m) => values.has(spec.read(m) as string) : (m) => !values.has(spec.read(m) as string);
    }
    const value = spec.parse(node.value, `${path}.value`);
    if (spec.kind === 'set')
      return op === 'has'
        ? (m) => (spec.read(m) as string[]).includes(value as string)
        : (m) => !(spec.read(m) as string[]).includes(value as string);
    if (spec.kind === 'text') return op === 'eq' ? (m) => spec.read(m) === value : (m) => spec.read(m) !== value;
    return (m) => {
      const actual = spec.read(m);
      return actual !== null && compare(op, actual as number, value as number);
    };
  };
  const matches = compile(json, '', 1);
  return { text: JSON.stringify(json), matches };
}
