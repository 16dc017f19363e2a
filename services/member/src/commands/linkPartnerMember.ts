import { randomUUID } from 'node:crypto';
import { In, type DataSource } from 'typeorm';
import { DomainError, isUniqueViolation, type PiiCipher } from '../../../kit/src';
import { ChannelIdentity, externalIndex } from '../db/entities/ChannelIdentity';
import { Member } from '../db/entities/Member';
import { normalizePhone } from '../domain/phone';

/** A partner brand's own member id: what its systems call the member. */
const PARTNER_MEMBER_ID = /^[A-Za-z0-9_\-:.]{1,64}$/;

export function parsePartnerMemberId(text: string): string {
  if (!PARTNER_MEMBER_ID.test(text)) {
    throw new DomainError('BAD_USER_INPUT', 'partnerMemberId must be 1–64 letters, digits or _-:.', { field: 'partnerMemberId' });
  }
  return text;
}

/** The same answer for a phone that is no member's and for a member who does not share: a partner cannot probe phones. */
const NOT_LINKABLE = 'no member with this phone shares data with partners';

const indexOf = (pii: PiiCipher, partner: string, partnerMemberId: string) =>
  externalIndex(pii, 'PARTNER_MEMBER', `${partner}:${partnerMemberId}`);

/**
 * A partner brand links one of its members to ours: the partner names its member id and the
 * member's phone, which it verified with its member; we link the member whose phone (verified by
 * our sign-in code) is that phone, and only if that member allows partner sharing. One partner
 * member id is one of our members (a unique index); linking it again to the same member is a replay.
 */
export async function linkPartnerMember(
  dataSource: DataSource,
  pii: PiiCipher,
  input: { partner: string; partnerMemberId: string; phone: string },
  now = new Date(),
): Promise<{ member: Member; replayed: boolean }> {
  const partnerMemberId = parsePartnerMemberId(input.partnerMemberId);
  const phone = normalizePhone(input.phone);
  const member = await dataSource.getRepository(Member).findOneBy({ phoneIndex: pii.blindIndex(phone) });
  if (!member || member.mergedInto || !member.partnerSharingAt) throw new DomainError('FORBIDDEN', NOT_LINKABLE, { field: 'phone' });
  const externalId = indexOf(pii, input.partner, partnerMemberId);
  const identities = dataSource.getRepository(ChannelIdentity);
  const known = await identities.findOneBy({ kind: 'PARTNER_MEMBER', externalId });
  if (known) {
    if (known.memberId !== member.id) {
      throw new DomainError('CONFLICT', 'this partner member id is linked to another member', { field: 'partnerMemberId' });
    }
    return { member, replayed: true };
  }
  try {
    await identities.insert({
      id: randomUUID(),
      memberId: member.id,
      kind: 'PARTNER_MEMBER',
      externalId,
      externalSealed: pii.encrypt(`${input.partner}:${partnerMemberId}`),
      secretSealed: null,
      createdAt: now,
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return linkPartnerMember(dataSource, pii, input, now);
  }
  return { member, replayed: false };
}

/** Our members behind a partner's member ids (ids never linked, or linked to a merged-away member's survivor, resolved). */
export async function resolvePartnerMembers(
  dataSource: DataSource,
  pii: PiiCipher,
  partner: string,
  partnerMemberIds: readonly string[],
): Promise<Array<{ partnerMemberId: string; memberId: string }>> {
  if (partnerMemberIds.length > 500) throw new DomainError('BAD_USER_INPUT', 'at most 500 partner member ids per call');
  const byIndex = new Map(partnerMemberIds.map((id) => [indexOf(pii, partner, parsePartnerMemberId(id)), id]));
  if (byIndex.size === 0) return [];
  const rows = await dataSource.getRepository(ChannelIdentity).findBy({ kind: 'PARTNER_MEMBER', externalId: In([...byIndex.keys()]) });
  const members = await dataSource.getRepository(Member).findBy({ id: In(rows.map((r) => r.memberId)) });
  const survivor = new Map(members.map((m) => [m.id, m.mergedInto ?? m.id]));
  return rows.map((r) => ({ partnerMemberId: byIndex.get(r.externalId)!, memberId: survivor.get(r.memberId) ?? r.memberId }));
}
