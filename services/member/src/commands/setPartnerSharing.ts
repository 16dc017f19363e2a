import type { DataSource } from 'typeorm';
import { setConsent } from './setConsent';

/**
 * Gives (from now) or withdraws a member's consent to share masked data with partner brands: the
 * PARTNER_SHARING purpose of setConsent, kept for its callers.
 */
export async function setPartnerSharing(
  dataSource: DataSource,
  input: { memberId: string; consent: boolean; channel?: string; actor?: string },
  now = new Date(),
): Promise<void> {
  await setConsent(
    dataSource,
    {
      memberId: input.memberId,
      purpose: 'PARTNER_SHARING',
      granted: input.consent,
      channel: input.channel ?? 'WEB',
      actor: input.actor ?? `member:${input.memberId}`,
    },
    now,
  );
}
