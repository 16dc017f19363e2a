import { type DataSource } from 'typeorm';
import { DomainError, parseMemberId, parsePageSize } from '../../../kit/src';
import { ReferralMember } from './entities/ReferralMember';

/**
 * Referrals held for REVIEW, longest held first (held_at, then member id: the queue's index), a
 * page after the referral `after` (its id; one already decided still marks its place). An id that is
 * not a referral is refused (BAD_USER_INPUT on `after`), not read as the start of the queue.
 */
export async function referralsInReview(dataSource: DataSource, first: number, after: string | null): Promise<ReferralMember[]> {
  const take = parsePageSize(first);
  const query = dataSource
    .getRepository(ReferralMember)
    .createQueryBuilder('r')
    .where('r.status = :status', { status: 'REVIEW' })
    .orderBy('r.heldAt', 'ASC')
    .addOrderBy('r.memberId', 'ASC')
    .take(take);
  if (after) {
    const mark = await dataSource.getRepository(ReferralMember).findOneBy({ memberId: parseMemberId(after, 'after') });
    // As every connection refuses a cursor it did not give: an unknown one must not silently restart at page 1.
    if (!mark?.inviterId) throw new DomainError('BAD_USER_INPUT', 'after is not a referral from this queue', { field: 'after' });
    if (mark.heldAt) query.andWhere('(r.heldAt > :at OR (r.heldAt = :at AND r.memberId > :id))', { at: mark.heldAt, id: mark.memberId });
    else query.andWhere('r.memberId > :id', { id: mark.memberId });
  }
  return query.getMany();
}
