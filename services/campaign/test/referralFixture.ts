/// <reference types="jest" />
// (The build compiles this folder without jest's globals; useReferralCommands registers hooks.)
import type { DataSource } from 'typeorm';
import { openCommandDatabase, type CommandDatabase } from '../../../test/harness/commandDatabase';
import { createLogger, createOutbox, type Outbox } from '../../kit/src';
import { loadCampaignConfig } from '../src/config';
import { recordRegistration, type ReferralRules } from '../src/commands/recordRegistration';
import { ensureReferralCodes } from '../src/commands/referralCode';
import { referralHandlers } from '../src/commands/referralRewards';
import { campaignSchema } from '../src/db/data-source';
import { memoryPeers, type MemoryPeers } from './memoryPorts';

export const RULES: ReferralRules = loadCampaignConfig({}).referral;

export type ReferralFixture = ReturnType<typeof referralFixture>;

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
  return { dataSource, peers, outbox, register, codeOf, rules };
}

/**
 * For a command test file: each test gets a fresh SQLite command database (openCommandDatabase)
 * with the referral fixture on it, its outbox stopped and the database closed after. The fields
 * are the current test's, so read them inside tests, never when the file loads.
 */
export function useReferralCommands(rules: ReferralRules = RULES): ReferralFixture {
  let db: CommandDatabase | undefined;
  let fixture: ReferralFixture | undefined;
  beforeEach(async () => {
    db = await openCommandDatabase(campaignSchema);
    fixture = referralFixture(db.dataSource, rules);
  });
  afterEach(async () => {
    await fixture?.outbox.stop();
    await db?.close();
    fixture = db = undefined;
  });
  const current = () => {
    if (!fixture) throw new Error('useReferralCommands: its fields exist only while a test runs');
    return fixture;
  };
  return {
    get dataSource() {
      return current().dataSource;
    },
    get peers() {
      return current().peers;
    },
    get outbox() {
      return current().outbox;
    },
    get rules() {
      return current().rules;
    },
    register: (...args) => current().register(...args),
    codeOf: (memberId) => current().codeOf(memberId),
  };
}
