import { In, type EntityManager } from 'typeorm';
import { magnitudeOf, type Action } from '../domain/action';
import type { FactAnswers, FactQuery } from '../domain/evaluate';
import { RiskEvent } from './entities/RiskEvent';

/*
 * The facts the rules ask for, each from the stored events with one or two statements on an index
 * of risk_events: (member_id, action, created_at), (device_id, created_at), (ip, created_at).
 * A referral cycle is a walk of at most maxDepth steps, one statement a step.
 */

const SAMPLE = 20;
const SCOPE_COLUMN = { MEMBER: 'member_id', DEVICE: 'device_id', IP: 'ip' } as const;

type Answer<Q extends FactQuery> = FactAnswers[Q['type']];

function inWindow(manager: EntityManager, by: keyof typeof SCOPE_COLUMN, key: string, actions: Action[], since: Date) {
  return manager
    .getRepository(RiskEvent)
    .createQueryBuilder('e')
    .where(`e.${SCOPE_COLUMN[by]} = :key`, { key })
    .andWhere('e.created_at >= :since', { since })
    .andWhere('e.action IN (:...actions)', { actions });
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
    const edges = await manager.getRepository(RiskEvent).find({
      select: { memberId: true, inviteeMemberId: true },
      where: { memberId: In(frontier), action: 'REFERRAL_REWARD' },
      // In order, so the cycle found is the same whichever way the database searches.
      order: { memberId: 'ASC', inviteeMemberId: 'ASC' },
    });
    const next: string[] = [];
    for (const edge of edges) {
      const to = edge.inviteeMemberId!;
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

/** Answers one fact query from the stored events. */
export async function answerFact<Q extends FactQuery>(manager: EntityManager, query: Q): Promise<Answer<Q>> {
  const events = manager.getRepository(RiskEvent);
  switch (query.type) {
    case 'COUNT':
      return (await inWindow(manager, query.by, query.key, query.actions, query.since).getCount()) as Answer<Q>;
    case 'MEMBERS': {
      const others = () => inWindow(manager, query.by, query.key, query.actions, query.since).andWhere('e.member_id <> :except', query);
      const [{ n }] = await others().select('COUNT(DISTINCT e.member_id)', 'n').getRawMany<{ n: string | number }>();
      // In member order, so the sample is the same whichever way the database searches.
      const sample = await others()
        .select('DISTINCT e.member_id', 'memberId')
        .orderBy('e.member_id')
        .limit(SAMPLE)
        .getRawMany<{ memberId: string }>();
      return { count: Number(n), sample: sample.map((r) => r.memberId) } as Answer<Q>;
    }
    case 'AMOUNTS': {
      const rows = await events.find({
        select: { action: true, amountFen: true, points: true, createdAt: true },
        where: { memberId: query.memberId, action: In(query.actions) },
        order: { createdAt: 'DESC' },
        take: query.limit,
      });
      return rows.map((r) => magnitudeOf({ action: r.action as Action, amountFen: r.amountFen, points: r.points })) as Answer<Q>;
    }
    case 'LAST_REGISTERED': {
      const row = await events.findOne({
        select: { createdAt: true },
        where: { memberId: query.memberId, action: 'REGISTER' },
        order: { createdAt: 'DESC' },
      });
      return (row?.createdAt ?? null) as Answer<Q>;
    }
    case 'REFUNDS': {
      const rows = await events
        .createQueryBuilder('e')
        .select('e.action', 'action')
        .addSelect('COUNT(*)', 'n')
        .where('e.member_id = :memberId', query)
        .andWhere("e.action IN ('EARN', 'REFUND')")
        .andWhere('e.created_at >= :since', query)
        .groupBy('e.action')
        .getRawMany<{ action: string; n: string | number }>();
      const count = (action: string) => Number(rows.find((r) => r.action === action)?.n ?? 0);
      return { refunds: count('REFUND'), earns: count('EARN') } as Answer<Q>;
    }
    case 'REFERRAL':
      return (await referral(manager, query.inviter, query.invitee, query.maxDepth)) as Answer<Q>;
  }
  throw new Error(`unknown fact ${(query as FactQuery).type}`);
}
