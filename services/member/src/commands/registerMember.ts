import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { DomainError, inTransaction, isUniqueViolation, parseCode, type PiiCipher } from '../../../kit/src';
import { Member } from '../db/entities/Member';
import { TierChange } from '../db/entities/TierChange';
import { loadLadder } from '../db/ladder';
import { newMember } from '../domain/registerMember';
import { entryTier } from '../domain/tiers';
import type { CampaignPort } from '../ports';
import { assessSignIn, enqueueLateAssessment, signInAction, type SignInRisk } from './assessSignIn';
import { enqueueMemberEvent } from './memberEvents';

/**
 * Stores a new member on the entry tier with the registration in the tier history and the welcome
 * event in the outbox, in one transaction. The unique phone index decides a race between two
 * registrations of one phone (CONFLICT), not a read-then-write check.
 * A member's own registration (`signIn`: their first sign-in) is assessed by risk first (REGISTER):
 * DENY is RISK_DENIED with nothing written; no answer goes ahead with the assessment in the outbox
 * (commands/assessSignIn.ts). Staff registering a member at a till or desk are not assessed.
 */
export async function registerMember(
  dataSource: DataSource,
  pii: PiiCipher,
  input: { phone: string; channel: string; referralCode?: string | null },
  signIn?: SignInRisk,
): Promise<Member> {
  const { phone, ...draft } = newMember(input);
  const assessment = signIn ? signInAction('REGISTER', draft.id, signIn.source) : null;
  const verdict = assessment ? await assessSignIn(signIn!.risk, assessment) : 'not-assessed';
  const member = Object.assign(new Member(), draft, {
    phoneEnc: pii.encrypt(phone),
    phoneIndex: pii.blindIndex(phone),
    tierId: entryTier(await loadLadder(dataSource)).id,
    tierSince: draft.registeredAt,
  });
  try {
    await inTransaction(dataSource, async (manager) => {
      await manager.insert(Member, member);
      await manager.insert(TierChange, {
        id: randomUUID(),
        memberId: member.id,
        fromTier: null,
        toTier: member.tierId,
        reason: 'REGISTERED',
        note: `registered via ${member.registeredVia}`,
        actor: 'system',
        at: member.registeredAt,
      });
      await enqueueMemberEvent(manager, 'member.registered', member.id, member.registeredAt, {
        channel: member.registeredVia,
        referralCode: input.referralCode ?? null,
      });
      if (verdict === 'unassessed') await enqueueLateAssessment(manager, assessment!, member.registeredAt);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError('CONFLICT', 'this phone is already registered', { field: 'phone' });
    throw error;
  }
  return member;
}

/**
 * A referral code a registration carries, checked with the campaign service before anything is
 * written: a code no member has is refused (BAD_USER_INPUT, reason UNKNOWN_REFERRAL_CODE).
 */
export async function checkReferralCode(
  campaign: Pick<CampaignPort, 'referrerOf'>,
  text: string | null | undefined,
): Promise<string | null> {
  if (text == null || text.trim() === '') return null;
  const code = parseCode(text.trim().toUpperCase(), 'referralCode', { max: 16 });
  if (!(await campaign.referrerOf(code)))
    throw new DomainError('BAD_USER_INPUT', 'no member has this referral code', { field: 'referralCode', reason: 'UNKNOWN_REFERRAL_CODE' });
  return code;
}

/**
 * The member with this phone, registering them through `channel` when there is none yet (assessed
 * by risk when `signIn` is given; with the referral code they came with — an existing member
 * signing in keeps no code).
 */
export async function memberForPhone(
  dataSource: DataSource,
  pii: PiiCipher,
  phone: string,
  channel: string,
  signIn?: SignInRisk,
  /** Checked already (checkReferralCode): recorded only if this registers the member. */
  referralCode: string | null = null,
): Promise<{ member: Member; registered: boolean }> {
  const repo = dataSource.getRepository(Member);
  const known = await repo.findOneBy({ phoneIndex: pii.blindIndex(phone) });
  // The phone of a merged member signs in to the member it was merged into.
  if (known?.mergedInto) return { member: await repo.findOneByOrFail({ id: known.mergedInto }), registered: false };
  if (known) return { member: known, registered: false };
  try {
    return { member: await registerMember(dataSource, pii, { phone, channel, referralCode }, signIn), registered: true };
  } catch (error) {
    // Registered by a concurrent login a moment ago: the same person, so sign in to that member.
    if (!(error instanceof DomainError && error.code === 'CONFLICT')) throw error;
    return { member: await repo.findOneByOrFail({ phoneIndex: pii.blindIndex(phone) }), registered: false };
  }
}
