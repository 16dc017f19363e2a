/// <reference types="jest" />
// (The build compiles this folder without jest's globals; useCampaignCommands registers hooks.)
import type { DataSource } from 'typeorm';
import { openCommandDatabase, type CommandDatabase } from '../../../test/harness/commandDatabase';
import type { EarnQuestion } from '../src/commands/boostEarn';
import { campaignSchema } from '../src/db/data-source';
import { memoryPeers, type MemoryPeers } from './memoryPorts';

/** The week the earn-boost command tests run their campaigns in, and an instant inside it. */
export const WEEK = { startsAt: '2026-12-01T00:00:00Z', endsAt: '2026-12-08T00:00:00Z' };
export const AT = new Date('2026-12-03T12:00:00Z');

/** Member m-1's web order `orderNo` at AT: 100.00 CNY at base rate 1 and γ 1.0, so 100 points before campaigns. */
export const earnQuestion = (orderNo: string, change: Partial<EarnQuestion> = {}): EarnQuestion => ({
  memberId: 'm-1',
  at: AT,
  tierId: 'REGULAR',
  channel: 'WEB',
  store: null,
  orderRef: `ORDER:${orderNo}`,
  earn: { amountFen: 10_000, baseRateMilli: 1000, multiplierMilli: 1000 },
  ...change,
});

export interface CampaignCommands {
  readonly dataSource: DataSource;
  /** Statements the database has issued so far (a test counts a command's by the difference). */
  readonly queries: CommandDatabase['queries'];
  readonly peers: MemoryPeers;
}

/**
 * For a command test file: each test gets a fresh SQLite command database (openCommandDatabase)
 * and fresh in-memory peers, the database closed after. The fields are the current test's, so read
 * them inside tests, never when the file loads.
 */
export function useCampaignCommands(): CampaignCommands {
  let db: CommandDatabase | undefined;
  let peers: MemoryPeers | undefined;
  beforeEach(async () => {
    db = await openCommandDatabase(campaignSchema);
    peers = memoryPeers();
  });
  afterEach(async () => {
    await db?.close();
    db = peers = undefined;
  });
  const running = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('useCampaignCommands: its fields exist only while a test runs');
    return value;
  };
  return {
    get dataSource() {
      return running(db).dataSource;
    },
    get queries() {
      return running(db).queries;
    },
    get peers() {
      return running(peers);
    },
  };
}
