import type { MemberContext } from '../../context';
import type { Member as MemberRow } from '../../db/entities/Member';
import { maskPhone } from '../../domain/phone';

export const Member = {
  __resolveReference: (ref: { id: string }, ctx: MemberContext) => ctx.loaders.member.load(ref.id),
  maskedPhone: (member: MemberRow) => maskPhone(member.phone),
  registeredAt: (member: MemberRow) => member.registeredAt.toISOString(),
  tier: (member: MemberRow, _: unknown, ctx: MemberContext) => ctx.loaders.tier.load(member.tierId),
};
