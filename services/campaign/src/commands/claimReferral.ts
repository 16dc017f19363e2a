import { IsNull, type DataSource } from 'typeorm';
import { DomainError, inTransaction } from '../../../kit/src';
import { ReferralMember } from '../db/entities/ReferralMember';
import { normalizeReferralCode, referralRefusal } from '../domain/referral';
import type { EventDelivery } from '../ports';
import type { ReferralRules } from './recordRegistration';
import { ownerOfCode } from './referralCode';
import { enqueueQualified } from './referralRewards';

/**
 * A member attaches a friend's code after registering (registered at a till, or the code came
 * later), within the attribution window. Refused with a coded BAD_USER_INPUT, writing nothing: a
 * code that does not exist, their own, a member already referred, a window that has passed.
 */
export async function claimReferral(
  dataSource: DataSource,
  rules: ReferralRules,
  events: EventDelivery,
  input: { memberId: string; code: string },
  now = new Date(),
): Promise<ReferralMember> {
  const code = normalizeReferralCode(input.code);
  const inviterId = await ownerOfCode(dataSource, code);
  if (!inviterId) throw referralRefusal('UNKNOWN_REFERRAL_CODE', 'no member has this referral code');
  if (inviterId === input.memberId) throw referralRefusal('OWN_REFERRAL_CODE', 'this is your own referral code');
  const me = await dataSource.getRepository(ReferralMember).findOneBy({ memberId: input.memberId });
  if (!me)
    throw new DomainError('NOT_FOUND', 'the registration of this member is not known to campaigns yet; retry shortly', {
      field: 'memberId',
    });
  if (me.inviterId) throw referralRefusal('ALREADY_REFERRED', 'this member was already referred');
  if (now.getTime() - me.registeredAt.getTime() > rules.attributionDays * 86_400_000)
    throw referralRefusal('ATTRIBUTION_WINDOW_PASSED', `a referral code can be added within ${rules.attributionDays} days of registering`);
  const status = rules.qualifyingEvent === 'REGISTRATION' ? 'PENDING' : 'WAITING';
  await inTransaction(dataSource, async (manager) => {
    const attributed = await manager.update(
      ReferralMember,
      { memberId: input.memberId, inviterId: IsNull() },
      { inviterId, referralCode: code, attributedAt: now, status },
    );
    if (attributed.affected !== 1) throw referralRefusal('ALREADY_REFERRED', 'this member was already referred');
    if (status === 'PENDING') await enqueueQualified(manager, inviterId, input.memberId, now);
  });
  await events.deliverNow(inviterId);
  return dataSource.getRepository(ReferralMember).findOneByOrFail({ memberId: input.memberId });
}

/**
 * The invitee's first purchase, when that is the qualifying event: WAITING → PENDING once (a
 * guarded update), and the count follows from the outbox.
 */
export async function qualifyOnPurchase(
  dataSource: DataSource,
  events: EventDelivery,
  memberId: string,
  now = new Date(),
): Promise<boolean> {
  const waiting = await dataSource.getRepository(ReferralMember).findOneBy({ memberId, status: 'WAITING' });
  if (!waiting?.inviterId) return false;
  const inviterId = waiting.inviterId;
  const moved = await inTransaction(dataSource, async (manager) => {
    const result = await manager.update(ReferralMember, { memberId, status: 'WAITING' }, { status: 'PENDING' });
    if (result.affected === 1) await enqueueQualified(manager, inviterId, memberId, now);
    return result.affected === 1;
  });
  if (moved) await events.deliverNow(inviterId);
  return moved;
}
