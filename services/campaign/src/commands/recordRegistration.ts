import type { DataSource } from 'typeorm';
import { inTransaction, isUniqueViolation, parseChannel, parseMemberId } from '../../../kit/src';
import type { CampaignConfig } from '../config';
import { ReferralMember, type ReferralStatus } from '../db/entities/ReferralMember';
import { normalizeReferralCode } from '../domain/referral';
import type { EventDelivery } from '../ports';
import { insertReferralCode, ownerOfCode } from './referralCode';
import { enqueueQualified, owe } from './referralRewards';

export type ReferralRules = CampaignConfig['referral'];

/**
 * A registration from the member service's outbox, exactly once per member (its primary key; a
 * repeat answers the first attribution). The new member gets a code; a valid code of another
 * member attributes them (an unknown or own code is ignored here: the member service refused those
 * before registering); when registration is the qualifying event the invitee is queued for
 * counting; a POS registration gets the first-order coupon at once.
 */
export async function recordRegistration(
  dataSource: DataSource,
  rules: ReferralRules,
  events: EventDelivery,
  input: { memberId: string; channel: string; registeredAt: Date; referralCode: string | null },
): Promise<{ inviterId: string | null; replayed: boolean }> {
  const memberId = parseMemberId(input.memberId);
  const channel = parseChannel(input.channel);
  const known = await dataSource.getRepository(ReferralMember).findOneBy({ memberId });
  if (known) return { inviterId: known.inviterId, replayed: true };
  const code = input.referralCode ? normalizeReferralCode(input.referralCode) : null;
  const owner = await ownerOfCode(dataSource, code);
  const inviterId = owner && owner !== memberId ? owner : null;
  const status: ReferralStatus = !inviterId ? 'NONE' : rules.qualifyingEvent === 'REGISTRATION' ? 'PENDING' : 'WAITING';
  const now = new Date();
  try {
    await inTransaction(dataSource, async (manager) => {
      await manager.insert(ReferralMember, {
        memberId,
        channel,
        registeredAt: input.registeredAt,
        inviterId,
        referralCode: inviterId ? code : null,
        attributedAt: inviterId ? now : null,
        status,
        countedAt: null,
      });
      await insertReferralCode(manager, memberId, now);
      if (inviterId && status === 'PENDING') await enqueueQualified(manager, inviterId, memberId, now);
      if (channel === 'POS' && rules.posWelcomeCouponTemplate)
        await owe(
          manager,
          {
            referrerId: memberId,
            rung: 0,
            rungId: 0,
            rungRevision: null,
            beneficiaryId: memberId,
            inviteeId: memberId,
            reward: 'COUPON',
            couponTemplate: rules.posWelcomeCouponTemplate,
            points: null,
            tierId: null,
            idempotencyKey: `POS_WELCOME:${memberId}`,
          },
          memberId,
          now,
        );
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const first = await dataSource.getRepository(ReferralMember).findOneByOrFail({ memberId });
    return { inviterId: first.inviterId, replayed: true };
  }
  await events.deliverNow(memberId);
  if (inviterId) await events.deliverNow(inviterId);
  return { inviterId, replayed: false };
}
