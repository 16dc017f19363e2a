import type { DataSource } from 'typeorm';
import { createLogger, createOutbox, type Outbox } from '../../kit/src';
import { loadCampaignConfig } from '../src/config';
import { recordRegistration, type ReferralRules } from '../src/commands/recordRegistration';
import { ensureReferralCodes } from '../src/commands/referralCode';
import { referralHandlers } from '../src/commands/referralRewards';
import { memoryPeers, type MemoryPeers } from './memoryPorts';

export const RULES: ReferralRules = loadCampaignConfig({}).referral;

/** The campaign's referral commands against a database: in-memory peers and the real outbox (no dispatcher: tests call dispatch()). */
export function referralFixture(dataSource: DataSource, rules: ReferralRules = RULES) {
  const peers: MemoryPeers = memoryPeers();
  const outbox: Outbox = createOutbox({
    dataSource,
    handlers: referralHandlers(dataSource, peers),
    logger: createLogger('campaign-referral-test', 'silent'),
    intervalMs: 0,
    backoff: { initialMs: 0, maxMs: 0 },
  });
  const register = (memberId: string, referralCode: string | null = null, channel = 'WEB', registeredAt = new Date()) =>
    recordRegistration(dataSource, rules, outbox, { memberId, channel, registeredAt, referralCode });
  const codeOf = async (memberId: string) => (await ensureReferralCodes(dataSource, [memberId])).get(memberId)!;
  return { peers, outbox, register, codeOf, rules };
}
