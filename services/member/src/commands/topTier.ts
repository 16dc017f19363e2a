import type { DataSource, EntityManager } from 'typeorm';
import { DomainError, inTransaction, parseReason, rowLock } from '../../../kit/src';
import { Member } from '../db/entities/Member';
import { loadLadder } from '../db/ladder';
import { countTop, firstInLine, lockTopTier, TOP_TIER_TRANSACTION } from '../db/topTier';
import { admitted, scarce, topOf, topSeats, waitsForTop, type TopTierRule } from '../domain/scarcity';
import type { QualifyingStats } from '../domain/tierEngine';
import type { TierRule } from '../domain/tiers';
import { changeTier } from './changeTier';

/**
 * In the transaction of an upgrade (member row locked): the tier `target` really gives under the
 * top tier's rule. Only a move to a scarce top tier asks the database, under the top tier's lock.
 */
export async function admitTarget(
  manager: EntityManager,
  member: Pick<Member, 'id'>,
  ladder: TierRule[],
  stats: QualifyingStats,
  rule: TopTierRule,
  target: TierRule,
): Promise<TierRule> {
  const top = topOf(ladder);
  if (target.id !== top.id || !scarce(rule)) return target;
  await lockTopTier(manager, top);
  const count = rule.invitationOnly ? null : await countTop(manager, top, { id: member.id, spend12mFen: stats.spendFen });
  return admitted(target, ladder, stats, rule, count);
}

/**
 * With a cap (and not by invitation), gives free seats at the top to the qualifying members in line,
 * first by 12-month spend, each in its own transaction under their row lock and the top tier's lock.
 * Run after anything that may free a seat or change the line; answers how many were admitted.
 */
export async function fillTopTierSeats(dataSource: DataSource, rule: TopTierRule, now = new Date()): Promise<number> {
  if (rule.maxSharePpm === null || rule.invitationOnly) return 0;
  let admittedCount = 0;
  for (let tries = 0; tries < 1000; tries += 1) {
    const ladder = await loadLadder(dataSource, now);
    const top = topOf(ladder);
    const candidate = await firstInLine(dataSource.manager, top);
    if (!candidate) break;
    const outcome = await inTransaction(
      dataSource,
      async (manager) => {
        const member = await manager.findOne(Member, { where: { id: candidate }, lock: rowLock(manager) });
        if (!member || !waitsForTop(ladder, { tierId: member.tierId, spendFen: member.spend12mFen, purchases: member.purchases12m }))
          return 'retry';
        await lockTopTier(manager, top);
        const { members, held } = await countTop(manager, top, member);
        if (held >= topSeats(rule, members)) return 'full';
        if ((await firstInLine(manager, top)) !== member.id) return 'retry';
        await changeTier(manager, member, {
          toTier: top.id,
          reason: 'UPGRADE',
          note: 'a seat at the top tier became free: first in line by 12-month spend',
          actor: 'system',
          at: now,
        });
        return 'admitted';
      },
      TOP_TIER_TRANSACTION,
    );
    if (outcome === 'full') break;
    if (outcome === 'admitted') admittedCount += 1;
  }
  return admittedCount;
}

/**
 * Staff invite a member to the top tier in invitation-only mode: the member must qualify by their
 * 12-month figures and, under a cap too, a seat must be free. History reason INVITED, earned.
 */
export async function inviteToTopTier(
  dataSource: DataSource,
  input: { memberId: string; reason: string },
  rule: TopTierRule,
  actor: string,
  now = new Date(),
): Promise<void> {
  const reason = parseReason(input.reason);
  if (!rule.invitationOnly) throw new DomainError('FORBIDDEN', 'the top tier is not invitation-only (TOP_TIER_INVITATION_ONLY)');
  await inTransaction(
    dataSource,
    async (manager) => {
      const member = await manager.findOne(Member, { where: { id: input.memberId }, lock: rowLock(manager) });
      if (!member || member.mergedInto) throw new DomainError('NOT_FOUND', `no member ${input.memberId}`, { field: 'memberId' });
      const ladder = await loadLadder(manager, now);
      const top = topOf(ladder);
      if (member.tierId === top.id) throw new DomainError('CONFLICT', `member ${member.id} already holds ${top.id}`, { field: 'memberId' });
      if (!waitsForTop(ladder, { tierId: member.tierId, spendFen: member.spend12mFen, purchases: member.purchases12m }))
        throw new DomainError('BAD_USER_INPUT', `member ${member.id} does not qualify for ${top.id}`, { field: 'memberId' });
      await lockTopTier(manager, top);
      const { members, held } = await countTop(manager, top, member);
      if (held >= topSeats(rule, members)) throw new DomainError('CONFLICT', `every seat at ${top.id} is taken (TOP_TIER_MAX_SHARE)`);
      await changeTier(manager, member, { toTier: top.id, reason: 'INVITED', note: reason, actor, at: now });
    },
    TOP_TIER_TRANSACTION,
  );
}
