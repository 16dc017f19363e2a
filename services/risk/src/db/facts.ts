import type { EntityManager } from 'typeorm';
import { fromRawDatetime, queryByPlainSql } from '../../../kit/src';
import { ACTIONS, magnitudeOf, type Action } from '../domain/action';
import type { FactAnswers, FactQuery } from '../domain/evaluate';

/*
 * The facts the rules ask for, from the stored events, each by an index search on risk_events:
 * (member_id, action, created_at), (device_id, created_at), (ip, created_at). The facts of all the
 * actions judged together (one Assess, or one round of an AssessBatch) are read by one statement:
 * each query is a branch of a UNION ALL whose rows carry the query's position, so a batch's facts
 * cost one statement however many actions and rules they are for (QUERIES_PER_STATEMENT at most
 * per statement). Each branch is the search its query would make alone, so every action gets
 * the answer it would get alone. A referral's facts are a walk (one statement a step, at most
 * maxDepth) and are read per query.
 */

const SAMPLE = 20;
const SCOPE_COLUMN = { MEMBER: 'member_id', DEVICE: 'device_id', IP: 'ip' } as const;
/** SQLite allows 500 terms in a compound SELECT; a query is at most two, with at most three parameters each. */
const QUERIES_PER_STATEMENT = 160;

/**
 * A row of the facts statement. Every branch selects the same columns; which it fills depends on its query:
 * | query           | n                          | n2     | created          | word                              |
 * | COUNT           | actions in the window      |        |                  |                                   |
 * | MEMBERS         | other members (one row)    |        |                  | one sampled member (one row each) |
 * | AMOUNTS         | amount_fen                 | points | created_at       | action (one row per action)       |
 * | LAST_REGISTERED |                            |        | last REGISTER    |                                   |
 * | REFUNDS         | refunds                    | earns  |                  |                                   |
 */
interface FactRow {
  q: number | string;
  n: number | string | null;
  n2: number | string | null;
  created: Date | string | null;
  word: string | null;
}

interface Branch {
  sql: string;
  parameters: Record<string, unknown>;
}

/** Rules name their actions from ACTIONS (parseRule checks them): written into the statement as literals, which keeps a round's parameters few. */
function actionList(actions: readonly Action[]): string {
  for (const action of actions) if (!(ACTIONS as readonly string[]).includes(action)) throw new Error(`unknown action ${action}`);
  return actions.map((action) => `'${action}'`).join(', ');
}

/**
 * The branches answering query number `q`: the search its query would make alone, its rows tagged with q.
 * A search with LIMIT sits in a derived table: a term of a compound SELECT takes no ORDER BY or LIMIT.
 */
function branchesOf(query: Exclude<FactQuery, { type: 'REFERRAL' }>, q: number): Branch[] {
  const key = `key${q}`;
  const since = `since${q}`;
  switch (query.type) {
    case 'COUNT':
      return [
        {
          sql: `SELECT ${q} AS q, COUNT(*) AS n, NULL AS n2, NULL AS created, NULL AS word FROM risk_events
                WHERE ${SCOPE_COLUMN[query.by]} = :${key} AND created_at >= :${since} AND action IN (${actionList(query.actions)})`,
          parameters: { [key]: query.key, [since]: query.since },
        },
      ];
    case 'MEMBERS': {
      const except = `except${q}`;
      const others = `FROM risk_events WHERE ${SCOPE_COLUMN[query.by]} = :${key} AND created_at >= :${since}
                      AND action IN (${actionList(query.actions)}) AND member_id <> :${except}`;
      const parameters = { [key]: query.key, [since]: query.since, [except]: query.except };
      return [
        { sql: `SELECT ${q} AS q, COUNT(DISTINCT member_id) AS n, NULL AS n2, NULL AS created, NULL AS word ${others}`, parameters },
        // In member order, so the sample is the same whichever way the database searches.
        {
          sql: `SELECT ${q} AS q, NULL AS n, NULL AS n2, NULL AS created, word
                FROM (SELECT DISTINCT member_id AS word ${others} ORDER BY word LIMIT ${SAMPLE}) sample${q}`,
          parameters,
        },
      ];
    }
    case 'AMOUNTS':
      return [
        {
          sql: `SELECT ${q} AS q, amount_fen AS n, points AS n2, created_at AS created, action AS word
                FROM (SELECT amount_fen, points, created_at, action FROM risk_events
                      WHERE member_id = :${key} AND action IN (${actionList(query.actions)})
                      ORDER BY created_at DESC LIMIT ${Number(query.limit)}) latest${q}`,
          parameters: { [key]: query.memberId },
        },
      ];
    case 'LAST_REGISTERED':
      return [
        {
          sql: `SELECT ${q} AS q, NULL AS n, NULL AS n2, MAX(created_at) AS created, NULL AS word FROM risk_events
                WHERE member_id = :${key} AND action = 'REGISTER'`,
          parameters: { [key]: query.memberId },
        },
      ];
    case 'REFUNDS':
      return [
        {
          sql: `SELECT ${q} AS q, SUM(CASE WHEN action = 'REFUND' THEN 1 ELSE 0 END) AS n,
                  SUM(CASE WHEN action = 'EARN' THEN 1 ELSE 0 END) AS n2, NULL AS created, NULL AS word
                FROM risk_events WHERE member_id = :${key} AND action IN ('EARN', 'REFUND') AND created_at >= :${since}`,
          parameters: { [key]: query.memberId, [since]: query.since },
        },
      ];
  }
}

type Answer = FactAnswers[FactQuery['type']];

/** The answer to a query from its rows (none when a search found nothing to aggregate). */
function answerOf(query: Exclude<FactQuery, { type: 'REFERRAL' }>, rows: FactRow[]): Answer {
  const number = (value: number | string | null | undefined) => Number(value ?? 0);
  switch (query.type) {
    case 'COUNT':
      return number(rows[0]?.n);
    case 'MEMBERS':
      return {
        count: number(rows.find((r) => r.word === null)?.n),
        sample: rows.flatMap((r) => (r.word === null ? [] : [r.word])).sort(),
      };
    case 'AMOUNTS':
      return rows
        .map((r) => ({
          at: fromRawDatetime(r.created)!.getTime(),
          amount: { action: r.word as Action, amountFen: number(r.n), points: number(r.n2) },
        }))
        .sort((a, b) => b.at - a.at)
        .map((r) => magnitudeOf(r.amount));
    case 'LAST_REGISTERED':
      return fromRawDatetime(rows[0]?.created);
    case 'REFUNDS':
      return { refunds: number(rows[0]?.n), earns: number(rows[0]?.n2) };
  }
}

/** Queries (all but referrals), answered by one statement. */
async function answerInOne(manager: EntityManager, queries: Array<Exclude<FactQuery, { type: 'REFERRAL' }>>): Promise<Answer[]> {
  const branches = queries.flatMap((query, q) => branchesOf(query, q));
  const union = branches.map((b) => b.sql).join('\nUNION ALL\n');
  const rows = await queryByPlainSql<FactRow>(manager, union, Object.assign({}, ...branches.map((b) => b.parameters)));
  const byQuery = queries.map((): FactRow[] => []);
  for (const row of rows) byQuery[Number(row.q)].push(row);
  return queries.map((query, q) => answerOf(query, byQuery[q]));
}

async function referral(manager: EntityManager, inviter: string, invitee: string, maxDepth: number): Promise<FactAnswers['REFERRAL']> {
  // In order, so the evidence reads the same whichever way the database searches.
  const shared: Array<{ device: string }> = await manager.query(
    `SELECT DISTINCT a.device_id AS device FROM risk_events a JOIN risk_events b ON b.device_id = a.device_id
     WHERE a.member_id = ? AND b.member_id = ? AND a.device_id IS NOT NULL ORDER BY device LIMIT ${SAMPLE}`,
    [inviter, invitee],
  );
  const sharing: Array<{ memberId: string }> = await manager.query(
    `SELECT DISTINCT o.member_id AS memberId FROM risk_events o
     WHERE o.member_id IN (SELECT r.invitee_member_id FROM risk_events r
                           WHERE r.member_id = ? AND r.action = 'REFERRAL_REWARD' AND r.invitee_member_id <> ?)
       AND o.device_id IN (SELECT d.device_id FROM risk_events d WHERE d.member_id = ? AND d.device_id IS NOT NULL)
     ORDER BY memberId LIMIT ${SAMPLE}`,
    [inviter, invitee, invitee],
  );
  // Breadth first from the invitee along past referrals (inviter → invitee): reaching the inviter closes a cycle.
  const cameFrom = new Map<string, string | null>([[invitee, null]]);
  let frontier = [invitee];
  let cycle: string[] | null = null;
  for (let depth = 0; depth < maxDepth && frontier.length && !cycle; depth++) {
    // In order, so the cycle found is the same whichever way the database searches.
    const edges = await queryByPlainSql<{ memberId: string; inviteeMemberId: string }>(
      manager,
      `SELECT member_id AS memberId, invitee_member_id AS inviteeMemberId FROM risk_events
       WHERE member_id IN (:...frontier) AND action = 'REFERRAL_REWARD' ORDER BY member_id ASC, invitee_member_id ASC`,
      { frontier },
    );
    const next: string[] = [];
    for (const edge of edges) {
      const to = edge.inviteeMemberId;
      if (cameFrom.has(to)) continue;
      cameFrom.set(to, edge.memberId);
      if (to === inviter) {
        cycle = [];
        for (let at: string | null = to; at !== null; at = cameFrom.get(at) ?? null) cycle.unshift(at);
        break;
      }
      next.push(to);
    }
    frontier = next;
  }
  return { sharedDevices: shared.map((r) => r.device), cycle, inviteesSharingDevice: sharing.map((r) => r.memberId) };
}

/**
 * Answers fact queries from the stored events, in their order: all but referrals by one statement
 * (one per QUERIES_PER_STATEMENT), each referral by its walk. A question asked twice (rules that
 * differ only in their limit, such as device-shared and device-farm) is read once.
 */
export async function answerFacts(manager: EntityManager, queries: readonly FactQuery[]): Promise<Answer[]> {
  const distinct = new Map<string, number>();
  const unique: FactQuery[] = [];
  const slots = queries.map((query) => {
    const key = JSON.stringify(query);
    let slot = distinct.get(key);
    if (slot === undefined) distinct.set(key, (slot = unique.push(query) - 1));
    return slot;
  });
  const answers: Answer[] = new Array(unique.length);
  const plain: number[] = [];
  const reads: Array<Promise<void>> = [];
  unique.forEach((query, i) => {
    if (query.type !== 'REFERRAL') return void plain.push(i);
    reads.push(referral(manager, query.inviter, query.invitee, query.maxDepth).then((answer) => void (answers[i] = answer)));
  });
  for (let from = 0; from < plain.length; from += QUERIES_PER_STATEMENT) {
    const chunk = plain.slice(from, from + QUERIES_PER_STATEMENT);
    const asked = chunk.map((i) => unique[i] as Exclude<FactQuery, { type: 'REFERRAL' }>);
    reads.push(answerInOne(manager, asked).then((found) => found.forEach((answer, j) => (answers[chunk[j]] = answer))));
  }
  await Promise.all(reads);
  return slots.map((slot) => answers[slot]);
}
