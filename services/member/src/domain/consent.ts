import { DomainError } from '../../../kit/src';
import type { Member } from '../db/entities/Member';

/**
 * The purposes a member consents to separately (DOMAIN.md §8, PIPL): each is opt-in — not given
 * until the member gives it — and can be withdrawn on its own at any time.
 */
export const CONSENT_PURPOSES = ['MARKETING', 'ANALYTICS', 'PARTNER_SHARING'] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

/** The member column holding when the consent in force for each purpose was given (null: none). */
export const CONSENT_COLUMNS = {
  MARKETING: 'marketingConsentAt',
  ANALYTICS: 'analyticsConsentAt',
  PARTNER_SHARING: 'partnerSharingAt',
} as const satisfies Record<ConsentPurpose, keyof Member>;

export function parseConsentPurpose(input: string, field = 'purpose'): ConsentPurpose {
  if (!(CONSENT_PURPOSES as readonly string[]).includes(input))
    throw new DomainError('BAD_USER_INPUT', `${field} must be one of ${CONSENT_PURPOSES.join(', ')}`, { field });
  return input as ConsentPurpose;
}

/** Each purpose and since when it is given (null: not given), in CONSENT_PURPOSES order. */
export function consentsOf(
  member: Pick<Member, (typeof CONSENT_COLUMNS)[ConsentPurpose]>,
): Array<{ purpose: ConsentPurpose; granted: boolean; since: Date | null }> {
  return CONSENT_PURPOSES.map((purpose) => {
    const since = member[CONSENT_COLUMNS[purpose]];
    return { purpose, granted: since !== null, since };
  });
}

/** The purposes given now: what other services read (campaign targeting leaves out members without MARKETING). */
export function grantedPurposes(member: Pick<Member, (typeof CONSENT_COLUMNS)[ConsentPurpose]>): ConsentPurpose[] {
  return consentsOf(member)
    .filter((c) => c.granted)
    .map((c) => c.purpose);
}
