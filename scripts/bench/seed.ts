/**
 * Seeds a realistic programme for the benchmark: by default 20,000 members across the four tiers,
 * 200,000 orders over 18 months, daily check-ins and referral shares (the engagement the risk
 * models read), past and live campaigns — from a fixed seed, in well under two
 * minutes. GraphQL mutations manage a few hundred orders a second, so the history is replayed in
 * memory through the services' domain rules (seed-history.ts) and written straight into each
 * service's database with multi-row INSERTs, one transaction per database per chunk of members.
 * Campaigns are few and go through the gateway like any operator's.
 *
 * Same seed and same `now`: the same members, orders, points and tiers (ids included). Only the
 * sealed phones differ between runs (AES-GCM takes a fresh IV per value, by design).
 */
import {
  createLogger,
  createOutbox,
  inTransaction,
  OutboxEventSchema,
  peerGrpcAddress,
  readCommonConfig,
  type Channel,
} from '../../services/kit/src';
import { SPEND_EVENTS_KEY, SPEND_TOPIC, spendHandler } from '../../services/points/src/commands/publishSpend';
import { benefitsPeer } from '../../services/points/src/grpc/peers';
import { Campaign } from '../../services/campaign/src/db/entities/Campaign';
import { ReferralInvitation } from '../../services/campaign/src/db/entities/ReferralInvitation';
import { loadCampaignConfig } from '../../services/campaign/src/config';
import { Sessions } from '../../services/member/src/auth/sessions';
import { SigningKeys } from '../../services/member/src/auth/signingKeys';
import { bootstrapAdminCredential, loadMemberConfig } from '../../services/member/src/config';
import { Member } from '../../services/member/src/db/entities/Member';
import { Milestone } from '../../services/member/src/db/entities/Milestone';
import { StaffAccount } from '../../services/member/src/db/entities/StaffAccount';
import { TierChange } from '../../services/member/src/db/entities/TierChange';
import { TierVersion as TierVersionRow } from '../../services/member/src/db/entities/TierVersion';
import { ladderAsOf } from '../../services/member/src/domain/tierEngine';
import { loadPointsConfig } from '../../services/points/src/config';
import { LedgerEntry } from '../../services/points/src/db/entities/LedgerEntry';
import { Order } from '../../services/points/src/db/entities/Order';
import { PointsAccount } from '../../services/points/src/db/entities/PointsAccount';
import { MemberTierCopy } from '../../services/points/src/db/entities/MemberTierCopy';
import { PointsLot } from '../../services/points/src/db/entities/PointsLot';
import { RiskEvent } from '../../services/risk/src/db/entities/RiskEvent';
import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ServiceName } from '../../services/kit/src';
import type { Env, Stack } from '../../test/harness/startStack';

/**
 * What seeding needs of the running servers: their configuration, each service's database, and the
 * gateway (as the development ADMIN). The in-process test stack is one; the benchmark's cluster of
 * processes (cluster.ts) another.
 */
export interface SeedTarget {
  env: Env;
  services: Record<ServiceName, { dataSource: DataSource }>;
  query: Stack['query'];
}
import { memberHistory, type MemberRows, type SeedRules } from './seed-history';
import { bulkInsert } from './seed-insert';
import { planProgramme } from './seed-plan';

export interface SeedOptions {
  members: number;
  orders: number;
  seed: number;
  /** The end of the history (default: now). Fix it to reproduce a programme exactly. */
  now?: Date;
  /** Members replayed and written per transaction (default 1,000). */
  membersPerChunk?: number;
}

export interface SeedResult {
  /** Every seeded member, in seed order. */
  memberIds: string[];
  /** Members per tier id (REGULAR, SILVER, GOLD, DIAMOND) at the end of the history. */
  tierCounts: Record<string, number>;
  orders: number;
  /** Rows written per table (database.table). */
  rows: Record<string, number>;
  seconds: number;
}

const DAY_MS = 86_400_000;

const CREATE_CAMPAIGN = /* GraphQL */ `
  mutation SeedCampaign($input: CreateCampaignInput!) {
    createCampaign(input: $input) {
      id
    }
  }
`;

interface CampaignInput {
  name: string;
  activityCoefficient: string;
  startsAt: string;
  endsAt: string;
}

const isoSeconds = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString();

/**
 * The brand's calendar: Double 11 and 618 in every year of the history (China time), and two
 * campaigns live now that stay live for days, so the member card's liveCampaigns has data however
 * long the benchmark runs.
 */
export function programmeCampaigns(now: Date, historyStart: Date): CampaignInput[] {
  const festivals: CampaignInput[] = [];
  for (let year = historyStart.getUTCFullYear(); year <= now.getUTCFullYear(); year += 1) {
    festivals.push(
      {
        name: `Double 11 ${year} 雙十一雙倍積分`,
        activityCoefficient: '2.0',
        startsAt: `${year}-11-11T00:00:00+08:00`,
        endsAt: `${year}-11-12T00:00:00+08:00`,
      },
      {
        name: `618 member days ${year}`,
        activityCoefficient: '1.5',
        startsAt: `${year}-06-16T00:00:00+08:00`,
        endsAt: `${year}-06-19T00:00:00+08:00`,
      },
    );
  }
  const t = now.getTime();
  return [
    ...festivals.filter((c) => new Date(c.startsAt).getTime() < t && new Date(c.endsAt).getTime() > historyStart.getTime()),
    { name: 'Member week 會員周', activityCoefficient: '1.5', startsAt: isoSeconds(t - 3 * DAY_MS), endsAt: isoSeconds(t + 4 * DAY_MS) },
    {
      name: 'Double points fortnight 雙倍積分',
      activityCoefficient: '2.0',
      startsAt: isoSeconds(t - DAY_MS),
      endsAt: isoSeconds(t + 13 * DAY_MS),
    },
  ];
}

async function createCampaigns(stack: SeedTarget, campaigns: readonly CampaignInput[]): Promise<void> {
  for (const input of campaigns) {
    const response = await stack.query(CREATE_CAMPAIGN, { input });
    if (response.errors) throw new Error(`createCampaign ${input.name} failed: ${JSON.stringify(response.errors)}`);
  }
}

/** The programme's configuration as the running services have it: tiers, earn rules, campaigns, the recording staff. */
export async function readRules(stack: SeedTarget, now: Date): Promise<SeedRules> {
  const points = loadPointsConfig(stack.env);
  if (points.returnWindowDays > 0) {
    throw new Error('the seeder earns points at once; it does not model POINTS_RETURN_WINDOW_DAYS > 0 (pending points)');
  }
  const member = stack.services.member.dataSource;
  const versions = await member.getRepository(TierVersionRow).find();
  // Orders are recorded by the staff account the harness signs in with, as the bench's own orders are.
  const admin = bootstrapAdminCredential(stack.env);
  const staff = admin ? await member.getRepository(StaffAccount).findOneBy({ username: admin.username }) : null;
  if (!staff) throw new Error('no bootstrap ADMIN staff account to record the seeded orders');
  return {
    now,
    // As db/ladder.ts loadLadder reads the versions.
    tierVersions: versions.map((v) => ({ ...v, id: v.tierId })),
    points,
    campaigns: await stack.services.campaign.dataSource.getRepository(Campaign).find(),
    combination: loadCampaignConfig(stack.env).coefficientCombination,
    orderActor: `staff:${staff.id}`,
  };
}

type SeededService = 'member' | 'points' | 'campaign' | 'risk';

/** Where a member's rows go: which table of which service's database, in insert order. */
const TABLES: ReadonlyArray<{
  service: SeededService;
  entity: EntityTarget<ObjectLiteral>;
  rows(member: MemberRows): ObjectLiteral | readonly ObjectLiteral[] | null;
}> = [
  { service: 'member', entity: Member, rows: (m) => m.member },
  { service: 'member', entity: TierChange, rows: (m) => m.tierChanges },
  { service: 'member', entity: Milestone, rows: (m) => m.milestones },
  { service: 'member', entity: OutboxEventSchema, rows: (m) => m.memberEvents },
  { service: 'points', entity: PointsAccount, rows: (m) => m.account },
  { service: 'points', entity: MemberTierCopy, rows: (m) => m.tierCopy },
  { service: 'points', entity: Order, rows: (m) => m.orders },
  { service: 'points', entity: LedgerEntry, rows: (m) => m.ledger },
  { service: 'points', entity: PointsLot, rows: (m) => m.lots },
  { service: 'points', entity: OutboxEventSchema, rows: (m) => m.activityEvents },
  { service: 'points', entity: OutboxEventSchema, rows: (m) => m.spendEvents },
  { service: 'campaign', entity: ReferralInvitation, rows: (m) => m.referralInvitations },
  { service: 'risk', entity: RiskEvent, rows: (m) => m.riskEvents },
];

const rowsOf = (table: (typeof TABLES)[number], chunk: readonly MemberRows[]) => chunk.flatMap((m) => table.rows(m) ?? []);

/** One chunk of members into the four databases that hold rows of theirs, one transaction each. */
async function writeChunk(stack: SeedTarget, chunk: readonly MemberRows[]): Promise<void> {
  const services: SeededService[] = ['member', 'points', 'campaign', 'risk'];
  await Promise.all(
    services.map((service) =>
      inTransaction(stack.services[service].dataSource, async (manager) => {
        for (const table of TABLES.filter((t) => t.service === service)) await bulkInsert(manager, table.entity, rowsOf(table, chunk));
      }),
    ),
  );
}

/** Adds a chunk's rows per table (`service.table`) and members per tier to the running totals. */
function tally(
  stack: SeedTarget,
  totals: { rows: Record<string, number>; tiers: Record<string, number> },
  chunk: readonly MemberRows[],
): void {
  for (const { member } of chunk) totals.tiers[member.tierId] = (totals.tiers[member.tierId] ?? 0) + 1;
  for (const table of TABLES) {
    const name = `${table.service}.${stack.services[table.service].dataSource.getMetadata(table.entity).tableName}`;
    totals.rows[name] = (totals.rows[name] ?? 0) + rowsOf(table, chunk).length;
  }
}

/**
 * Replaying and SQLite's synchronous driver keep the event loop busy for seconds; the servers and
 * HTTP clients in this process then miss their keep-alive timers, which fire all together later
 * and reset the next request sent on a connection that is being closed. A timer turn between
 * chunks lets them run on time.
 */
const eventLoopTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Seeds `stack` (fresh: startStack's, or the benchmark's cluster) with a programme. The next chunk is replayed while the
 * previous one is being written, so on MySQL the server's work overlaps the replay.
 */
export async function seedProgramme(stack: SeedTarget, options: SeedOptions): Promise<SeedResult> {
  const started = performance.now();
  const now = options.now ?? new Date();
  const plan = planProgramme({ ...options, now });
  if (await stack.services.member.dataSource.getRepository(Member).existsBy({ id: plan.members[0].id })) {
    throw new Error(`this stack already holds seed ${options.seed}'s members: seed a fresh stack`);
  }
  await createCampaigns(stack, programmeCampaigns(now, plan.historyStart));
  const rules = await readRules(stack, now);
  const pii = loadMemberConfig(stack.env).pii;
  const totals = {
    rows: {} as Record<string, number>,
    tiers: Object.fromEntries(ladderAsOf(rules.tierVersions, now).map((t) => [t.id, 0])),
  };
  const perChunk = options.membersPerChunk ?? 1000;
  let writing = Promise.resolve();
  for (let start = 0; start < plan.members.length; start += perChunk) {
    const chunk = plan.members.slice(start, start + perChunk).map((m) => memberHistory(m, rules, options.seed, pii));
    tally(stack, totals, chunk);
    await writing;
    await eventLoopTurn();
    writing = writeChunk(stack, chunk);
  }
  await writing;
  await eventLoopTurn();
  await deliverSeededSpend(stack);
  return {
    memberIds: plan.members.map((m) => m.id),
    tierCounts: totals.tiers,
    orders: totals.rows['points.orders'] ?? 0,
    rows: totals.rows,
    seconds: (performance.now() - started) / 1000,
  };
}

/**
 * Sends every seeded member's spend to benefits as production does after an order: points' outbox
 * delivers the pending spend events (one per member with orders, seed-history.ts) with points' own
 * handler — each member's window read from points' orders, RecordSpendStats to the running benefits
 * service, 500 members a call — until none is left. (The points service's own dispatcher may send
 * some of them at the same time: the windows are absolute, so either delivery leaves the same.)
 */
async function deliverSeededSpend(stack: SeedTarget): Promise<void> {
  const points = stack.services.points.dataSource;
  const config = readCommonConfig('points', stack.env);
  const benefits = benefitsPeer({ ...config, benefitsGrpcAddress: peerGrpcAddress('benefits', stack.env) });
  const logger = createLogger('seed', 'warn');
  const outbox = createOutbox({ dataSource: points, handlers: { [SPEND_TOPIC]: spendHandler(points, benefits) }, logger, intervalMs: 0 });
  const pending = async () =>
    Number(
      Object.values(
        (await points.query('SELECT COUNT(*) AS n FROM outbox_events WHERE event_key = ? AND delivered_at IS NULL', [SPEND_EVENTS_KEY]))[0],
      )[0],
    );
  try {
    for (let left = await pending(); left > 0;) {
      await outbox.deliverNow(SPEND_EVENTS_KEY);
      const now = await pending();
      if (now >= left) throw new Error(`the seeded spend did not reach benefits (${now} events pending): is the benefits service up?`);
      left = now;
    }
  } finally {
    await outbox.stop();
    benefits.close();
  }
}

/**
 * Access tokens for members, as a sign-in issues them, without an SMS round trip each: the member
 * service's own Sessions over its database and signing keys (same key, claims, lifetime and
 * refresh-token row as loginWithCode). Tokens live AUTH_ACCESS_TTL_SECONDS (default 15 minutes).
 */
export async function memberTokens(stack: SeedTarget, memberIds: readonly string[], channel: Channel = 'WEB'): Promise<string[]> {
  // The service creates its first signing key on its first sign-in; the staff sign-in behind
  // stack.query makes sure that key exists (and is published) before this process signs with it.
  const ready = await stack.query('{ __typename }');
  if (ready.errors) throw new Error(`the gateway did not answer: ${JSON.stringify(ready.errors)}`);
  const config = loadMemberConfig(stack.env);
  const { dataSource } = stack.services.member;
  const sessions = new Sessions(dataSource, new SigningKeys(dataSource, config.pii), {
    accessSeconds: config.auth.accessTtlSeconds,
    refreshSeconds: config.auth.refreshTtlSeconds,
  });
  const tokens: string[] = [];
  for (const subject of memberIds) tokens.push((await sessions.open({ kind: 'MEMBER', subject, channel })).accessToken);
  return tokens;
}
