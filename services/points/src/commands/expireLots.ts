import { Brackets, IsNull, MoreThan, type DataSource } from 'typeorm';
import { inTransaction } from '../../../kit/src';
import { PointsLot } from '../db/entities/PointsLot';
import { applyPlan, lockAccount } from '../db/ledger';
import { lotExpiry, planExpiry } from '../domain/account';
import { effectiveExpiry } from '../domain/expiry';
import type { EarnRules } from './recordOrder';
import type { ExpiryHold, MemberPort } from '../ports';

/** What the expiry job needs: the member service's holds, and the calendar rule. */
export interface ExpiryDeps {
  member: Pick<MemberPort, 'getExpiryHolds'>;
  rules: Pick<EarnRules, 'expiryMonths' | 'utcOffsetMinutes'>;
}

/**
 * Lots written before expiry followed the tier at expiry time carry no expiry when they were
 * earned on Diamond: they get their calendar one, so they too expire once the member has left it.
 */
async function dateUndatedLots(dataSource: DataSource, rules: ExpiryDeps['rules'], batchSize: number): Promise<void> {
  for (;;) {
    const undated = await dataSource
      .getRepository(PointsLot)
      .find({ where: { expiresAt: IsNull(), remaining: MoreThan(0) }, take: batchSize });
    for (const lot of undated)
      await dataSource.getRepository(PointsLot).update({ id: lot.id }, { expiresAt: lotExpiry(lot.earnedAt, rules) });
    if (undated.length < batchSize) return;
  }
}

/** The member service's holds for these members, by member id (unknown members: none). */
export async function holdsOf(member: ExpiryDeps['member'], memberIds: readonly string[]): Promise<Map<string, ExpiryHold>> {
  const unique = [...new Set(memberIds)];
  return new Map((unique.length ? await member.getExpiryHolds(unique) : []).map((hold) => [hold.memberId, hold]));
}

/**
 * Expires every lot that is due at `now` by the member's tier at that moment (domain/expiry.ts:
 * nothing while they are Diamond, and at least 30 days' notice after they leave it), a batch at a
 * time, each lot in its own transaction. Idempotent and resumable: an expired lot holds nothing
 * more, its entry's key is EXPIRE:<lot id>, and a run stopped half-way leaves the rest for the next.
 * Lots past their calendar date but held are walked past (keyset on expiry, id), not expired.
 */
export async function expireDueLots(
  dataSource: DataSource,
  deps: ExpiryDeps,
  now?: Date,
  batchSize = 500,
): Promise<{ lots: number; points: number }> {
  // Due at the run's start; each entry is dated when it is applied, under its account's lock (unless a test gives `now`).
  const dueBy = now ?? new Date();
  await dateUndatedLots(dataSource, deps.rules, batchSize);
  let lots = 0;
  let points = 0;
  let after: { expiresAt: Date; id: string } | null = null;
  for (;;) {
    const query = dataSource
      .getRepository(PointsLot)
      .createQueryBuilder('l')
      .where('l.expires_at <= :dueBy AND l.remaining > 0', { dueBy })
      .orderBy('l.expires_at', 'ASC')
      .addOrderBy('l.id', 'ASC')
      .take(batchSize);
    if (after) {
      const { expiresAt, id } = after;
      query.andWhere(
        new Brackets((qb) =>
          qb.where('l.expires_at > :at', { at: expiresAt }).orWhere('l.expires_at = :at AND l.id > :id', { at: expiresAt, id }),
        ),
      );
    }
    const batch = await query.getMany();
    if (batch.length === 0) return { lots, points };
    after = { expiresAt: batch[batch.length - 1].expiresAt!, id: batch[batch.length - 1].id };
    const holds = await holdsOf(
      deps.member,
      batch.map((lot) => lot.memberId),
    );
    for (const candidate of batch) {
      const expiry = effectiveExpiry(candidate.expiresAt!, holds.get(candidate.memberId));
      if (!expiry || expiry > dueBy) continue;
      const expired = await inTransaction(dataSource, async (manager) => {
        const account = await lockAccount(manager, candidate.memberId);
        // Re-read under the account lock: a burn may have emptied the lot since the batch was read.
        const lot = await manager.findOneByOrFail(PointsLot, { id: candidate.id });
        if (lot.remaining === 0) return 0;
        const plan = planExpiry(account, lot, `points earned ${lot.earnedAt.toISOString().slice(0, 10)} expired`);
        await applyPlan(manager, account, plan, {
          memberId: lot.memberId,
          source: 'EXPIRY',
          sourceRef: lot.id,
          idempotencyKey: `EXPIRE:${lot.id}`,
          now,
        });
        return -plan.entries.reduce((sum, e) => sum + e.points, 0);
      });
      lots += 1;
      points += expired;
    }
    if (batch.length < batchSize) return { lots, points };
  }
}
