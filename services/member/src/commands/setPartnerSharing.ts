import type { DataSource } from 'typeorm';
import { Member } from '../db/entities/Member';

/** Gives (from now) or withdraws a member's consent to share masked data with partner brands. */
export async function setPartnerSharing(
  dataSource: DataSource,
  input: { memberId: string; consent: boolean },
  now = new Date(),
): Promise<void> {
  await dataSource.getRepository(Member).update({ id: input.memberId }, { partnerSharingAt: input.consent ? now : null });
}
