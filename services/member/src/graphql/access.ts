import { clientSelected, DomainError, requireMemberReader, type PartnerAuditedField } from '../../../kit/src';
import type { MemberContext } from '../context';
import type { Member } from '../db/entities/Member';

export type Reader = 'SELF' | 'STAFF' | 'PARTNER';

/**
 * What a partner is told both for a member who does not share data with partners and for an id
 * that names no member: the same answer, so a partner cannot learn which ids exist.
 */
const NOT_SHARED_WITH_PARTNERS = 'no member with this id shares data with partners';

/**
 * Who reads this member: the member themselves, staff, or a partner brand — the last only for a
 * member who allows partner sharing, and then only masked fields. Anyone else is refused.
 */
export function readerOf(ctx: MemberContext, member: Member): Reader {
  // The member this very request signed in (a login's answer shows their own card).
  if (ctx.signedIn.has(member.id)) return 'SELF';
  if (ctx.identity.kind === 'PARTNER') {
    if (!member.partnerSharingAt) throw new DomainError('FORBIDDEN', NOT_SHARED_WITH_PARTNERS);
    return 'PARTNER';
  }
  requireMemberReader(ctx.identity, member.id);
  return ctx.identity.kind === 'STAFF' ? 'STAFF' : 'SELF';
}

/** Refuses an id the caller may never read, before any database work (a member asking for another). */
export function precheckMemberId(ctx: MemberContext, memberId: string): void {
  if (ctx.identity.kind === 'PARTNER') return; // decided by the member's consent, after loading
  requireMemberReader(ctx.identity, memberId);
}

/**
 * Loads a member for this caller: null when there is none, FORBIDDEN when they may not read it.
 * A partner gets FORBIDDEN for an unknown id too, the answer for a member who does not share.
 */
export async function readableMember(ctx: MemberContext, memberId: string): Promise<Member | null> {
  precheckMemberId(ctx, memberId);
  let member = await ctx.loaders.member.load(memberId);
  // A merged member's id leads to the member it was merged into, read with the same rules.
  if (member?.mergedInto) {
    precheckMemberId(ctx, member.mergedInto);
    member = await ctx.loaders.member.load(member.mergedInto);
  }
  if (member) readerOf(ctx, member);
  else if (ctx.identity.kind === 'PARTNER') throw new DomainError('FORBIDDEN', NOT_SHARED_WITH_PARTNERS);
  return member;
}

/** Fields a partner never sees (they see only the id, the masked phone and the tier of a consenting member). */
export function refusePartner(ctx: MemberContext, member: Member): Reader {
  const reader = readerOf(ctx, member);
  if (reader === 'PARTNER') throw new DomainError('FORBIDDEN', 'partners see only masked member data');
  return reader;
}

/** Staff and partner reads of personal data are audited (who, whose, which fields, when). */
export async function auditRead(ctx: MemberContext, reader: Reader, member: Member, field: string): Promise<void> {
  if (reader !== 'SELF') await ctx.loaders.piiRead.load(`${member.id}:${field}`);
}

/**
 * The masked fields (phone, tier) are personal data only to a partner: audited for partners alone,
 * and only when the partner's operation selected the field. The tier is resolved here for any
 * benefits field of `Member` too (it is benefits' key), which the partner's answer need not carry:
 * the gateway says which fields the operation selects (Identity.selects); without it, all is recorded.
 */
export async function auditPartnerRead(ctx: MemberContext, member: Member, field: PartnerAuditedField): Promise<void> {
  if (readerOf(ctx, member) === 'PARTNER' && clientSelected(ctx.identity, field)) await auditRead(ctx, 'PARTNER', member, field);
}
