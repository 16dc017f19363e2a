import type { DataSource } from 'typeorm';
import { kFactor } from '../domain/referral';
import { ReferralInvitation } from './entities/ReferralInvitation';
import { ReferralMember } from './entities/ReferralMember';

/**
 * The fission figures of a period [from, to), for one channel or all: invitations shared (on that
 * channel), the programme's members at the period's end, conversions (members attributed to an
 * inviter in the period, registered through that channel), and K = invitations per member × conversion.
 */
export async function referralKFactor(dataSource: DataSource, period: { from: Date; to: Date; channel: string | null }) {
  const invitations = dataSource
    .getRepository(ReferralInvitation)
    .createQueryBuilder('i')
    .where('i.created_at >= :from AND i.created_at < :to', period);
  const conversions = dataSource
    .getRepository(ReferralMember)
    .createQueryBuilder('m')
    .where('m.inviter_id IS NOT NULL AND m.attributed_at >= :from AND m.attributed_at < :to', period);
  if (period.channel) {
    invitations.andWhere('i.channel = :channel', period);
    conversions.andWhere('m.channel = :channel', period);
  }
  const [sent, inviters, converted, members] = await Promise.all([
    invitations.getCount(),
    invitations.clone().select('COUNT(DISTINCT i.member_id)', 'n').getRawOne<{ n: string | number }>(),
    conversions.getCount(),
    dataSource.getRepository(ReferralMember).createQueryBuilder('m').where('m.registered_at < :to', period).getCount(),
  ]);
  const figures = { invitations: sent, members, conversions: converted };
  return { ...period, ...figures, inviters: Number(inviters?.n ?? 0), ...kFactor(figures) };
}
