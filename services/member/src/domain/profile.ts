import { DomainError } from '../../../kit/src';

export const GENDERS = ['FEMALE', 'MALE', 'OTHER', 'UNDISCLOSED'] as const;
export type Gender = (typeof GENDERS)[number];

const isGender = (gender: string): gender is Gender => (GENDERS as readonly string[]).includes(gender);

export interface ProfileInput {
  name?: string | null;
  birthday?: string | null;
  gender?: string | null;
  email?: string | null;
  guardianConsent?: boolean | null;
}

export interface Profile {
  name: string | null;
  birthday: string | null;
  gender: Gender | null;
  email: string | null;
}

function validBirthday(text: string, today: Date): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (!date || date.toISOString().slice(0, 10) !== text || date > today || Number(match![1]) < 1900) {
    throw new DomainError('BAD_USER_INPUT', 'birthday must be a real past date as YYYY-MM-DD', { field: 'birthday' });
  }
  return text;
}

/** The profile after an update; only the fields given change. */
export function updateProfile(current: Profile, input: ProfileInput, today = new Date()): Profile {
  const next = { ...current };
  if (input.name != null) {
    const name = input.name.trim();
    if (name.length === 0 || name.length > 64) throw new DomainError('BAD_USER_INPUT', 'name must be 1–64 characters', { field: 'name' });
    next.name = name;
  }
  if (input.birthday != null) next.birthday = validBirthday(input.birthday, today);
  if (input.gender != null) {
    if (!isGender(input.gender))
      throw new DomainError('BAD_USER_INPUT', `gender must be one of ${GENDERS.join(', ')}`, { field: 'gender' });
    next.gender = input.gender;
  }
  if (input.email != null) {
    if (input.email.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(input.email))
      throw new DomainError('BAD_USER_INPUT', 'email is not an address', { field: 'email' });
    next.email = input.email.toLowerCase();
  }
  return next;
}

/** Complete: every field the programme rewards is filled in. */
export function isComplete(profile: Profile): boolean {
  return Boolean(profile.name && profile.birthday && profile.gender && profile.email);
}

/** Younger than 14 on `today` (PIPL: a minor's data is sensitive and needs a guardian's consent). */
export function isUnder14(birthday: string, today: Date): boolean {
  const [year, month, day] = birthday.split('-').map(Number);
  const fourteenth = Date.UTC(year + 14, month - 1, day);
  return today.getTime() < fourteenth;
}

/** A member's profile as stored, with when a guardian consented and when it was first complete. */
export interface StoredProfile extends Profile {
  guardianConsentAt: Date | null;
  profileCompletedAt: Date | null;
}

/** What an update writes, and whether the profile became complete just now (its bonus is announced once). */
export interface ProfilePlan {
  changes: Profile & { guardianConsentAt: Date | null; profileCompletedAt?: Date };
  completedNow: boolean;
}

/**
 * Plans a profile update: only the fields given change; a guardian's consent, once given, stays;
 * a member under 14 without one is refused (PIPL: a minor's data is sensitive).
 */
export function planProfileUpdate(current: StoredProfile, input: ProfileInput, now: Date): ProfilePlan {
  const profile = updateProfile(current, input, now);
  const guardianConsentAt = current.guardianConsentAt ?? (input.guardianConsent ? now : null);
  if (profile.birthday && isUnder14(profile.birthday, now) && !guardianConsentAt) {
    throw new DomainError('BAD_USER_INPUT', 'members under 14 need a guardian’s consent (guardianConsent: true)', {
      field: 'guardianConsent',
    });
  }
  const completedNow = isComplete(profile) && !current.profileCompletedAt;
  return { changes: { ...profile, guardianConsentAt, ...(completedNow ? { profileCompletedAt: now } : {}) }, completedNow };
}
