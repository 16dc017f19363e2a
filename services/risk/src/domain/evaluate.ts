import { magnitudeOf, type Action, type ActionToAssess, type Decision } from './action';
import type { RiskRule, Scope } from './rules';

/*
 * Evaluation in two pure steps around one read: `planChecks` says, for each enabled rule that
 * applies to the action, which fact of the stored history it needs (a FactQuery, answered by
 * db/facts.ts with one indexed search, all the facts of the actions judged together in one
 * statement); `judge` turns the answers into findings, and `decide`
 * into a decision. The history never includes the action being assessed: it is not stored yet.
 */

export type FactQuery =
  | { type: 'COUNT'; by: Scope; key: string; actions: Action[]; since: Date }
  | { type: 'MEMBERS'; by: 'DEVICE' | 'IP'; key: string; actions: Action[]; since: Date; except: string }
  | { type: 'AMOUNTS'; memberId: string; actions: Action[]; limit: number }
  | { type: 'LAST_REGISTERED'; memberId: string }
  | { type: 'REFUNDS'; memberId: string; since: Date }
  | { type: 'REFERRAL'; inviter: string; invitee: string; maxDepth: number };

/** What each query answers. */
export interface FactAnswers {
  /** Past actions in the window. */
  COUNT: number;
  /** Other members (not `except`) seen on the device or IP in the window: how many, and up to 20 of them. */
  MEMBERS: { count: number; sample: string[] };
  /** The magnitudes of the member's latest actions, newest first. */
  AMOUNTS: number[];
  /** When the member last registered, null when never. */
  LAST_REGISTERED: Date | null;
  REFUNDS: { refunds: number; earns: number };
  REFERRAL: {
    /** Devices both inviter and invitee have used. */
    sharedDevices: string[];
    /** A chain of past referrals leading from the invitee back to the inviter (invitee first), null when none. */
    cycle: string[] | null;
    /** Other invitees of the inviter seen on the invitee's devices. */
    inviteesSharingDevice: string[];
  };
}

export interface Finding {
  rule: string;
  outcome: Exclude<Decision, 'ALLOW'>;
  score: number;
  /** The evidence in words, for a reviewer. */
  detail: string;
  relatedMemberIds: string[];
}

export interface Check {
  rule: RiskRule;
  query: FactQuery;
  judge(answer: FactAnswers[FactQuery['type']]): Finding | null;
}

export interface Verdict {
  decision: Decision;
  /** 0–100. */
  score: number;
  /** One line: the findings, or "no rule matched". */
  reason: string;
  findings: Finding[];
}

const MAX_RELATED = 20;

function check<T extends FactQuery['type']>(
  rule: RiskRule,
  query: Extract<FactQuery, { type: T }>,
  judge: (answer: FactAnswers[T]) => string | { detail: string; related: string[] } | null,
): Check {
  return {
    rule,
    query,
    judge: (answer) => {
      const found = judge(answer as FactAnswers[T]);
      if (found === null) return null;
      const { detail, related } = typeof found === 'string' ? { detail: found, related: [] } : found;
      return { rule: rule.id, outcome: rule.outcome, score: rule.score, detail, relatedMemberIds: related.slice(0, MAX_RELATED) };
    },
  };
}

/** A window as people say it: 600 → "10 min", 86400 → "24 h", 604800 → "7 d". */
export function formatWindow(seconds: number): string {
  if (seconds % 86_400 === 0 && seconds >= 2 * 86_400) return `${seconds / 86_400} d`;
  if (seconds % 3_600 === 0) return `${seconds / 3_600} h`;
  if (seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}

const ago = (now: Date, seconds: number) => new Date(now.getTime() - seconds * 1000);
const unitOf = (action: Action): 'points' | 'fen' => (action === 'BURN' || action === 'REDEEM' ? 'points' : 'fen');

/**
 * A loopback address names no client: the caller's own machine (a local proxy, a test, a load
 * generator beside the gateway). Counting it would put every such caller behind one IP.
 */
export function isLoopback(ip: string): boolean {
  return /^127\./.test(ip) || ip === '::1' || /^::ffff:127\./i.test(ip);
}

function scopeKey(action: ActionToAssess, by: Scope): string | null {
  if (by === 'IP') return action.ip && !isLoopback(action.ip) ? action.ip : null;
  return by === 'MEMBER' ? action.memberId : action.deviceId;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The checks the action needs: enabled rules that name its action and whose scope it carries (no IP, no IP rule). */
export function planChecks(rules: readonly RiskRule[], action: ActionToAssess, now: Date): Check[] {
  const checks: Check[] = [];
  for (const rule of rules) {
    if (!rule.enabled) continue;
    const d = rule.definition;
    if (d.kind === 'REFERRAL_RING') {
      if (action.action !== 'REFERRAL_REWARD' || !action.inviteeMemberId) continue;
      checks.push(
        check(rule, { type: 'REFERRAL', inviter: action.memberId, invitee: action.inviteeMemberId, maxDepth: d.maxDepth }, (answer) => {
          const evidence: string[] = [];
          const related = new Set<string>();
          if (answer.sharedDevices.length) evidence.push(`inviter and invitee share device ${answer.sharedDevices.join(', ')}`);
          if (answer.cycle) {
            evidence.push(`referral cycle ${[action.memberId, ...answer.cycle].join(' → ')}`);
            answer.cycle.forEach((m) => related.add(m));
          }
          if (answer.inviteesSharingDevice.length >= d.maxSharedInvitees) {
            evidence.push(`${answer.inviteesSharingDevice.length} other invitees of ${action.memberId} on the invitee's devices`);
            answer.inviteesSharingDevice.forEach((m) => related.add(m));
          }
          if (!evidence.length) return null;
          related.add(action.inviteeMemberId!);
          related.delete(action.memberId);
          return { detail: evidence.join('; '), related: [...related] };
        }),
      );
      continue;
    }
    if (!(d.actions as readonly Action[]).includes(action.action)) continue;
    switch (d.kind) {
      case 'VELOCITY': {
        const key = scopeKey(action, d.by);
        if (!key) break;
        checks.push(
          check(rule, { type: 'COUNT', by: d.by, key, actions: d.actions, since: ago(now, d.windowSeconds) }, (past) =>
            past + 1 > d.max
              ? `${past + 1} ${d.actions.join('/')} by ${d.by.toLowerCase()} ${key} within ${formatWindow(d.windowSeconds)} (limit ${d.max})`
              : null,
          ),
        );
        break;
      }
      case 'FAN_OUT': {
        const key = scopeKey(action, d.by);
        if (!key) break;
        const since = ago(now, d.windowSeconds);
        checks.push(
          check(rule, { type: 'MEMBERS', by: d.by, key, actions: d.actions, since, except: action.memberId }, (others) =>
            others.count + 1 > d.maxMembers
              ? {
                  detail: `${others.count + 1} members on ${d.by.toLowerCase()} ${key} within ${formatWindow(d.windowSeconds)} (limit ${d.maxMembers})`,
                  related: others.sample,
                }
              : null,
          ),
        );
        break;
      }
      case 'AMOUNT_OUTLIER': {
        const unit = unitOf(action.action);
        const sameUnit: Action[] = d.actions.filter((a) => unitOf(a) === unit);
        const amount = magnitudeOf(action);
        checks.push(
          check(rule, { type: 'AMOUNTS', memberId: action.memberId, actions: sameUnit, limit: d.historySize }, (history) => {
            if (history.length < d.minHistory) return null;
            const usual = median(history);
            return amount > d.factor * usual
              ? `${action.action} of ${amount} ${unit} is ${(amount / usual).toFixed(1)}× the member's median ${usual} over ${history.length} (limit ${d.factor}×)`
              : null;
          }),
        );
        break;
      }
      case 'SOON_AFTER_REGISTER':
        checks.push(
          check(rule, { type: 'LAST_REGISTERED', memberId: action.memberId }, (registeredAt) => {
            if (!registeredAt) return null;
            const seconds = Math.max(0, Math.round((now.getTime() - registeredAt.getTime()) / 1000));
            return seconds < d.withinSeconds
              ? `${action.action} ${formatWindow(seconds)} after registering (within ${formatWindow(d.withinSeconds)})`
              : null;
          }),
        );
        break;
      case 'REFUND_FARMING':
        checks.push(
          check(rule, { type: 'REFUNDS', memberId: action.memberId, since: ago(now, d.windowSeconds) }, (past) => {
            const refunds = past.refunds + (action.action === 'REFUND' ? 1 : 0);
            const earns = past.earns + (action.action === 'EARN' ? 1 : 0);
            const ratio = refunds / Math.max(earns, 1);
            return refunds >= d.minRefunds && ratio >= d.minRefundRatio
              ? `${refunds} refunds against ${earns} earns within ${formatWindow(d.windowSeconds)} (limit ${d.minRefunds} refunds at ${Math.round(d.minRefundRatio * 100)}%)`
              : null;
          }),
        );
        break;
    }
  }
  return checks;
}

const SEVERITY: Record<Decision, number> = { ALLOW: 0, REVIEW: 1, DENY: 2 };

/** The strictest outcome of the findings, their scores summed (capped at 100), and one line for logs and callers. */
export function decide(findings: Finding[]): Verdict {
  let decision: Decision = 'ALLOW';
  for (const f of findings) if (SEVERITY[f.outcome] > SEVERITY[decision]) decision = f.outcome;
  const score = Math.min(
    100,
    findings.reduce((sum, f) => sum + f.score, 0),
  );
  const line = findings.map((f) => `${f.rule}: ${f.detail}`).join('; ');
  const reason = findings.length === 0 ? 'no rule matched' : line.length > 255 ? `${line.slice(0, 254)}…` : line;
  return { decision, score, reason, findings };
}

/** The finding of an action that went ahead while risk did not answer (see AssessRequest.fail_open). */
export const UNASSESSED = 'unassessed';

/**
 * An action the caller let through without a decision is reviewed whatever the rules found: the
 * verdict is at least REVIEW, with a finding that says why.
 */
export function reviewFailedOpen(verdict: Verdict, action: Pick<ActionToAssess, 'action' | 'failOpen'>): Verdict {
  if (!action.failOpen) return verdict;
  const finding: Finding = {
    rule: UNASSESSED,
    outcome: 'REVIEW',
    score: 0,
    detail: `${action.action} went ahead while risk did not answer; assessed after the fact`,
    relatedMemberIds: [],
  };
  const flagged = decide([finding, ...verdict.findings]);
  return { ...flagged, decision: verdict.decision === 'DENY' ? 'DENY' : 'REVIEW' };
}
