import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { parseChannel } from '../../../kit/src';
import { ReferralInvitation } from '../db/entities/ReferralInvitation';
import { sharePayloads } from '../domain/referral';
import type { ReferralRules } from './recordRegistration';
import { ensureReferralCodes } from './referralCode';

/** A member shares their code on a channel: the invitation is counted (K-factor) and the payloads returned. */
export async function shareReferral(
  dataSource: DataSource,
  rules: ReferralRules,
  input: { memberId: string; channel: string },
  now = new Date(),
) {
  const channel = parseChannel(input.channel);
  const code = (await ensureReferralCodes(dataSource, [input.memberId], now)).get(input.memberId)!;
  await dataSource.getRepository(ReferralInvitation).insert({ id: randomUUID(), memberId: input.memberId, channel, createdAt: now });
  return sharePayloads(code, rules.webLinkBase);
}
