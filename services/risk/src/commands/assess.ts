import { randomUUID } from 'node:crypto';
import { EntityNotFoundError, type DataSource, type EntityManager } from 'typeorm';
import { DomainError, findByPlainSql, insertByPlainSql, isUniqueViolation } from '../../../kit/src';
import { RiskEvent } from '../db/entities/RiskEvent';
import { answerFacts } from '../db/facts';
import { sharedEnabledRules } from '../db/rules';
import { parseAction, type ActionToAssess, type AssessInput, type Decision } from '../domain/action';
import { decide, isLoopback, planChecks, reviewFailedOpen, type Finding, type Verdict } from '../domain/evaluate';
import type { RiskRule } from '../domain/rules';

export interface Assessment {
  decision: Decision;
  score: number;
  reason: string;
  findings: Finding[];
  eventId: string;
}

export function assessmentOf(event: RiskEvent): Assessment {
  return {
    decision: event.decision,
    score: event.score,
    reason: event.reason,
    findings: event.reasons ? (JSON.parse(event.reasons) as Finding[]) : [],
    eventId: event.id,
  };
}

/**
 * Actions judged together (one Assess, or one round of AssessBatch), as the rows that record them
 * (not stored yet), with the facts all of them need read at once (answerFacts). Each is judged
 * without the others, none being stored yet: hence a round's actions have no subject in common.
 */
async function judge(
  manager: EntityManager,
  rules: readonly RiskRule[],
  actions: readonly ActionToAssess[],
  now: Date,
): Promise<RiskEvent[]> {
  const planned = actions.map((action) => {
    // An assessment sent after the fact is judged, and recorded, as of when the action happened.
    const at = action.occurredAt ?? now;
    return { action, at, checks: planChecks(rules, action, at) };
  });
  const answers = await answerFacts(
    manager,
    planned.flatMap(({ checks }) => checks.map((c) => c.query)),
  );
  let next = 0;
  return planned.map(({ action, at, checks }) => {
    const findings = checks.flatMap((c) => c.judge(answers[next++]) ?? []);
    return eventOf(action, at, reviewFailedOpen(decide(findings), action));
  });
}

/** The row that records an action judged as of `at`. */
function eventOf(action: ActionToAssess, at: Date, verdict: Verdict): RiskEvent {
  const { occurredAt: _occurredAt, failOpen, afterCommit, ...context } = action;
  // A DENY of an action that already happened stops nothing: it waits in the review queue for staff.
  const queued = verdict.decision === 'REVIEW' || (verdict.decision === 'DENY' && (failOpen || afterCommit));
  return Object.assign(new RiskEvent(), {
    ...context,
    id: randomUUID(),
    decision: verdict.decision,
    score: verdict.score,
    reason: verdict.reason,
    reasons: verdict.findings.length ? JSON.stringify(verdict.findings) : null,
    reviewStatus: queued ? 'PENDING' : null,
    reviewedBy: null,
    reviewedAt: null,
    reviewNote: null,
    createdAt: at,
  });
}

/*
 * Every earn is assessed (in a batch, after its commit), so the decisions are read and recorded by
 * plain SQL (the kit's findByPlainSql and insertByPlainSql): the same statements as findBy() and
 * insert(), whose query building cost risk more CPU than the statements' own work. eventOf gives
 * every column a value, as insertByPlainSql needs.
 */

/** The decisions recorded under these idempotency keys (at most one a key: the key is unique). */
function recordedUnder(dataSource: DataSource, keys: readonly string[]): Promise<RiskEvent[]> {
  return findByPlainSql(dataSource, RiskEvent, 'WHERE idempotency_key IN (:...keys)', { keys: [...keys] });
}

/**
 * Judges an action against the enabled rules and records it with its decision, score and
 * findings. The facts are read outside any transaction: a decision is as of the moment it is
 * read, and an action racing it is judged with this one in its history. A retry with the same
 * idempotency key answers the recorded decision (its unique key decides a race), so a caller's
 * retry never decides twice.
 */
export async function assess(dataSource: DataSource, input: AssessInput, now = new Date()): Promise<Assessment> {
  const action = parseAction(input, now);
  const [known] = await recordedUnder(dataSource, [action.idempotencyKey]);
  if (known) return assessmentOf(known);

  const [event] = await judge(dataSource.manager, await sharedEnabledRules(dataSource), [action], now);
  try {
    await insertByPlainSql(dataSource, RiskEvent, [event]);
    return assessmentOf(event);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const [recorded] = await recordedUnder(dataSource, [action.idempotencyKey]);
    if (!recorded) throw new EntityNotFoundError(RiskEvent, { idempotencyKey: action.idempotencyKey });
    return assessmentOf(recorded);
  }
}

/** At most this many actions per AssessBatch call. */
export const MAX_BATCH = 1000;
/** Rows per multi-row insert: ~19 parameters a row stays under SQLite's oldest limit of 999 per statement. */
const ROWS_PER_INSERT = 50;

/** What AssessBatch answers per action: its assessment, or why it was not assessed (nothing recorded). */
export type BatchAnswer = Assessment | { error: DomainError };

/**
 * The subjects whose history an action's rules read: two actions sharing one are judged one after
 * the other. A loopback address is none (no IP rule reads it: see isLoopback).
 */
function subjects(action: ActionToAssess): string[] {
  return [
    `m:${action.memberId}`,
    ...(action.deviceId ? [`d:${action.deviceId}`] : []),
    ...(action.ip && !isLoopback(action.ip) ? [`i:${action.ip}`] : []),
    ...(action.inviteeMemberId ? [`m:${action.inviteeMemberId}`] : []),
  ];
}

type Pending = { index: number; action: ActionToAssess };

/**
 * The actions of the next round, in order, and those that wait for a later one. An action waits
 * while an earlier one of its subjects waits or is in the round. A referral's facts read other
 * members' history too (the inviter's other invitees on the invitee's devices, the referral graph),
 * so it is judged in a round of its own, after every earlier action is recorded and before any
 * later one is.
 */
function nextRound(pending: readonly Pending[]): { round: Pending[]; later: Pending[] } {
  const round: Pending[] = [];
  const later: Pending[] = [];
  const taken = new Set<string>();
  let closed = false;
  for (const item of pending) {
    const keys = subjects(item.action);
    const referral = item.action.action === 'REFERRAL_REWARD';
    if (closed || keys.some((k) => taken.has(k)) || (referral && (round.length > 0 || later.length > 0))) later.push(item);
    else round.push(item);
    keys.forEach((k) => taken.add(k));
    if (referral) closed = true;
  }
  return { round, later };
}

/**
 * Judges actions sent after the fact, in order, as that many Assess calls would, with fewer
 * statements: one read of the decisions already recorded, one of the rules (a shared value), and
 * per round one read of all its actions' facts (answerFacts) and one multi-row insert. A round
 * holds actions with no member, device or IP in common (nextRound), so every action is still
 * judged with the earlier ones of its subjects in its history and none of the later ones. A
 * round whose insert meets a decision recorded meanwhile (the same action delivered twice at
 * once) is recorded one by one.
 */
export async function assessBatch(dataSource: DataSource, inputs: readonly AssessInput[], now = new Date()): Promise<BatchAnswer[]> {
  if (inputs.length > MAX_BATCH) throw new DomainError('BAD_USER_INPUT', `at most ${MAX_BATCH} actions per batch`, { field: 'actions' });
  const answers: BatchAnswer[] = new Array(inputs.length);
  const parsed: Pending[] = [];
  inputs.forEach((input, index) => {
    try {
      parsed.push({ index, action: parseAction(input, now) });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      answers[index] = { error };
    }
  });
  if (parsed.length === 0) return answers;
  const known = new Map(
    (await recordedUnder(dataSource, [...new Set(parsed.map((p) => p.action.idempotencyKey))])).map((e) => [
      e.idempotencyKey,
      assessmentOf(e),
    ]),
  );
  const rules = await sharedEnabledRules(dataSource);
  // Later copies of one key in the batch answer what its first copy got.
  const firstOfKey = new Map<string, number>();
  let pending = parsed.filter(({ index, action }) => {
    const recorded = known.get(action.idempotencyKey);
    if (recorded) answers[index] = recorded;
    if (recorded || firstOfKey.has(action.idempotencyKey)) return false;
    firstOfKey.set(action.idempotencyKey, index);
    return true;
  });
  while (pending.length) {
    const { round, later } = nextRound(pending);
    const judged = await judge(
      dataSource.manager,
      rules,
      round.map(({ action }) => action),
      now,
    );
    for (let from = 0; from < round.length; from += ROWS_PER_INSERT) {
      const rows = judged.slice(from, from + ROWS_PER_INSERT);
      const items = round.slice(from, from + ROWS_PER_INSERT);
      try {
        await insertByPlainSql(dataSource, RiskEvent, rows);
        items.forEach(({ index }, i) => (answers[index] = assessmentOf(rows[i])));
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        for (const { index, action } of items) answers[index] = await assess(dataSource, inputOf(action), now);
      }
    }
    pending = later;
  }
  inputs.forEach((_, index) => {
    if (answers[index]) return;
    const key = parsed.find((p) => p.index === index)!.action.idempotencyKey;
    answers[index] = answers[firstOfKey.get(key)!];
  });
  return answers;
}

/** A parsed action as Assess takes it again. */
function inputOf(action: ActionToAssess): AssessInput {
  return {
    action: action.action,
    memberId: action.memberId,
    amountFen: action.amountFen,
    points: action.points,
    channel: action.channel,
    idempotencyKey: action.idempotencyKey,
    deviceId: action.deviceId ?? undefined,
    ip: action.ip ?? undefined,
    store: action.store ?? undefined,
    inviteeMemberId: action.inviteeMemberId ?? undefined,
    occurredAtEpochMs: action.occurredAt?.getTime(),
    failOpen: action.failOpen,
    afterCommit: action.afterCommit,
  };
}
