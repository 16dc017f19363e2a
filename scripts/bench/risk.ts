/**
 * What the risk rules decided about the bench's ordinary members: every assessment recorded after
 * seeding (the load rounds' earns, redemptions, burns and Assess calls, all for seeded members who
 * do nothing fraudulent), read from the risk service's database through the bench's own connection.
 * The false-positive rate is the share of those members, and of those actions, that got REVIEW or
 * DENY; the rules behind them come from each decision's stored findings.
 */
import { MoreThanOrEqual, type DataSource } from 'typeorm';
import { RiskEvent } from '../../services/risk/src/db/entities/RiskEvent';
import type { Finding } from '../../services/risk/src/domain/evaluate';

export interface RiskOutcomes {
  /** Assessments recorded since `since`, per action. */
  actions: Record<string, { assessed: number; review: number; deny: number; members: number }>;
  assessed: number;
  flagged: number;
  members: number;
  flaggedMembers: number;
  /** Per rule id: the decisions it was among the findings of, and their members. */
  rules: Record<string, { decisions: number; members: number; outcome: string; example: string }>;
  /** The most earns, and the most burns and redemptions together, of one member in the run (what the velocity rules count). */
  busiest: { earns: number; burns: number };
}

const share = (part: number, whole: number) => (whole ? `${((100 * part) / whole).toFixed(2)} %` : '–');

export async function riskOutcomes(risk: DataSource, since: Date): Promise<RiskOutcomes> {
  const events = await risk.getRepository(RiskEvent).find({
    select: { memberId: true, action: true, decision: true, reasons: true },
    where: { createdAt: MoreThanOrEqual(since) },
  });
  const actions: RiskOutcomes['actions'] = {};
  const membersOf: Record<string, Set<string>> = {};
  const perMemberAction = new Map<string, number>();
  const all = new Set<string>();
  const flaggedMembers = new Set<string>();
  const rules: Record<string, { decisions: number; members: Set<string>; outcome: string; example: string }> = {};
  let flagged = 0;
  for (const event of events) {
    const row = (actions[event.action] ??= { assessed: 0, review: 0, deny: 0, members: 0 });
    row.assessed += 1;
    (membersOf[event.action] ??= new Set()).add(event.memberId);
    all.add(event.memberId);
    const key = `${event.action === 'REDEEM' ? 'BURN' : event.action} ${event.memberId}`;
    perMemberAction.set(key, (perMemberAction.get(key) ?? 0) + 1);
    if (event.decision === 'ALLOW') continue;
    if (event.decision === 'REVIEW') row.review += 1;
    else row.deny += 1;
    flagged += 1;
    flaggedMembers.add(event.memberId);
    const findings = event.reasons ? (JSON.parse(event.reasons) as Finding[]) : [];
    for (const finding of findings) {
      const rule = (rules[finding.rule] ??= { decisions: 0, members: new Set(), outcome: finding.outcome, example: finding.detail });
      rule.decisions += 1;
      rule.members.add(event.memberId);
    }
  }
  for (const [action, members] of Object.entries(membersOf)) actions[action].members = members.size;
  const busiest = { earns: 0, burns: 0 };
  for (const [key, count] of perMemberAction) {
    if (key.startsWith('EARN ')) busiest.earns = Math.max(busiest.earns, count);
    if (key.startsWith('BURN ')) busiest.burns = Math.max(busiest.burns, count);
  }
  return {
    actions,
    assessed: events.length,
    flagged,
    members: all.size,
    flaggedMembers: flaggedMembers.size,
    rules: Object.fromEntries(
      Object.entries(rules).map(([id, r]) => [
        id,
        { decisions: r.decisions, members: r.members.size, outcome: r.outcome, example: r.example },
      ]),
    ),
    busiest,
  };
}

/** The report's lines: the false-positive rate overall and per action, and the rules behind it. */
export function riskTable(outcomes: RiskOutcomes): string {
  const rules = Object.entries(outcomes.rules).sort(([, a], [, b]) => b.decisions - a.decisions);
  return [
    `False positives on the bench's ordinary members (risk decisions recorded after seeding, all for seeded members): ` +
      `${outcomes.flaggedMembers} of ${outcomes.members} members assessed got REVIEW or DENY at least once (${share(outcomes.flaggedMembers, outcomes.members)}); ` +
      `${outcomes.flagged} of ${outcomes.assessed} actions (${share(outcomes.flagged, outcomes.assessed)}).` +
      ` Most of one member in the run: ${outcomes.busiest.earns} earns, ${outcomes.busiest.burns} burns and redemptions` +
      ' (the velocity rules allow 10 earns and 5 burns or redemptions a member an hour).',
    '',
    '| action | assessed | members | REVIEW | DENY | false-positive rate (actions) |',
    '|---|---|---|---|---|---|',
    ...Object.entries(outcomes.actions).map(
      ([action, a]) => `| ${action} | ${a.assessed} | ${a.members} | ${a.review} | ${a.deny} | ${share(a.review + a.deny, a.assessed)} |`,
    ),
    '',
    rules.length
      ? [
          '| rule that fired | outcome | decisions | members | example finding |',
          '|---|---|---|---|---|',
          ...rules.map(([id, r]) => `| ${id} | ${r.outcome} | ${r.decisions} | ${r.members} | ${r.example} |`),
        ].join('\n')
      : 'No rule fired on them.',
  ].join('\n');
}
