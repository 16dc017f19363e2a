/**
 * The load generator, in its own process (forked by measure.ts's load) so the machine's work of
 * generating load is not billed to the servers: autocannon with a body made per request at fixed
 * concurrency, an open loop at a fixed rate, and loops for what is not one HTTP request (gRPC, the
 * card straight from the subgraphs, the raw SQL transaction).
 */
import autocannon from 'autocannon';
import { Pool } from 'undici';
import type * as grpc from '@grpc/grpc-js';
import { createPeerClient, loadProto, signIdentity, toEpochMs, toInt64, type Identity, type PeerOptions } from '../../services/kit/src';
import { memberPeer } from '../../services/points/src/grpc/peers';
import type { ProtoGrpcType as CampaignProto } from '../../proto/gen/campaign';
import type { ProtoGrpcType as PointsProto } from '../../proto/gen/points';
import type { ProtoGrpcType as RiskProto } from '../../proto/gen/risk';
import { atFixedRate } from './arrivals';
import { CART_5 } from './coupons';
import { DirectCard, type DirectMode } from './direct';
import { RawEarn } from './raw-earn';

export interface LoadJob {
  url: string;
  kind:
    | 'card'
    | 'card-unranked'
    | 'earn'
    | 'list'
    | 'grpc-tiers'
    | 'grpc-assess'
    | 'grpc-coefficient'
    | 'grpc-debit'
    | 'card-direct'
    | 'raw-earn'
    | 'redeem'
    | 'validate';
  /** For 'redeem': the reward each request redeems (as the member of its token). */
  rewardId?: string;
  /**
   * For 'grpc-tiers', 'grpc-assess', 'grpc-coefficient' and 'grpc-debit': the gRPC address of the
   * member, risk, campaign or points service and the services' credential.
   */
  grpc?: { address: string; serviceToken: string };
  /** For 'card-direct': the subgraphs' URLs, the identity secret, and whether entity calls go at once. */
  direct?: { urls: Record<'member' | 'points' | 'benefits' | 'campaign' | 'risk', string>; secret: string; mode: DirectMode };
  /** For 'raw-earn': the points service's MySQL database. */
  rawDatabaseUrl?: string;
  /** For 'card' and 'card-direct': a fixed arrival rate in requests per second (open loop, not `connections`); unset: as fast as answered. */
  rate?: number;
  /** For 'validate': the coupons each member (in `memberIds` order) chooses at checkout. */
  couponIds?: string[][];
  /** For 'list': how many members one request asks for. */
  listSize?: number;
  memberIds: string[];
  /**
   * Where in `memberIds` the run starts (default 0): the bench moves it on after every run, so the
   * actions of consecutive runs fall on different members, as a programme's do (see index.ts).
   */
  memberOffset?: number;
  connections: number;
  durationSeconds: number;
  /** Sign identity headers for `signAs` as the gateway does (for calls straight to a subgraph). */
  signWith?: string;
  signAs?: Identity;
  /** Access tokens, one per member in `memberIds` order: each request is sent as the member it asks for. */
  memberTokens?: string[];
  /** One access token for every request (a staff account's). */
  token?: string;
  /** Unique per run (measure.ts's load sets it): order numbers are made from it. */
  runId: string;
}

export interface LoadResult {
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  non2xx: number;
  /** CPU milliseconds the load generator itself used. */
  loadCpuMs: number;
}

const CARD =
  'query Card($id: ID!) { member(id: $id) { maskedPhone tier { name benefits { name } } points { balance } benefits { name } liveCampaigns { name } risk { level } } }';
/**
 * The same card without `Member.benefits`, the member's ranked benefits: the card as it was before
 * benefits were ranked per member (the tier's benefits only), run beside 'card' for a like-for-like cost.
 */
const CARD_UNRANKED =
  'query Card($id: ID!) { member(id: $id) { maskedPhone tier { name benefits { name } } points { balance } liveCampaigns { name } risk { level } } }';
/** The staff list: many members with points, tier, benefits and risk. */
const LIST =
  'query List($n: Int!, $after: ID) { members(first: $n, after: $after) { id maskedPhone tier { id } points { balance } benefits { name } risk { level } } }';
/** Checkout: the 5-item cart with the member's tier discount and two chosen coupons, every other coupon held checked. */
const VALIDATE =
  'query Validate($m: ID!, $cart: CartInput!, $ids: [ID!]) { validateCoupons(memberId: $m, cart: $cart, couponIds: $ids) { subtotal discount payable lines { source sourceId discount } coupons { coupon { id } applicable discount reason } } }';
const EARN =
  'mutation Earn($m: ID!, $o: String!) { recordOrder(memberId: $m, orderNo: $o, amount: "128.80", channel: POS) { pointsEarned } }';
/** A whole reward redemption saga per request: stock, hold, coupon, capture. */
const REDEEM = 'mutation Redeem($r: ID!, $k: String!) { redeemReward(rewardId: $r, idempotencyKey: $k) { id state } }';

/**
 * A different page of the staff list each time (a cursor from the seeded members), so no two
 * requests in flight are identical and none is shared by the gateway's in-flight deduplication.
 */
function listPage(job: LoadJob, sequence: number): { n: number; after: string } {
  const n = job.listSize ?? 50;
  const sorted = (sortedIds ??= [...job.memberIds].sort());
  return { n, after: sorted[sequence % Math.max(1, sorted.length - n)] };
}
let sortedIds: string[] | undefined;

/** Request `sequence`'s body and headers: as the member it asks for (their token) or with the job's one token. */
function requestFor(job: LoadJob, sequence: number): { headers: Record<string, string>; body: string } {
  const index = ((job.memberOffset ?? 0) + sequence) % job.memberIds.length;
  const memberId = job.memberIds[index];
  const token = job.memberTokens?.[index] ?? job.token;
  const body =
    job.kind === 'card' || job.kind === 'card-unranked'
      ? { query: job.kind === 'card' ? CARD : CARD_UNRANKED, variables: { id: memberId } }
      : job.kind === 'list'
        ? { query: LIST, variables: listPage(job, sequence) }
        : job.kind === 'redeem'
          ? { query: REDEEM, variables: { r: job.rewardId, k: `BENCH-${job.runId}-${sequence}` } }
          : job.kind === 'validate'
            ? { query: VALIDATE, variables: { m: memberId, cart: CART_5, ids: job.couponIds![index] } }
            : { query: EARN, variables: { m: memberId, o: `BENCH-${job.runId}-${sequence}` } };
  const text = JSON.stringify(body);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (job.signWith) Object.assign(headers, signIdentity(job.signAs ?? { kind: 'ANONYMOUS' }, job.signWith, text));
  if (token) headers.authorization = `Bearer ${token}`;
  return { headers, body: text };
}

/** Exact percentile of the recorded latencies, in ms to one decimal. */
function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] * 10) / 10;
}

/** A loop's recorded latencies (ms) as the result the harness reads. */
function summary(latencies: number[], errors: number, durationSeconds: number): Omit<LoadResult, 'loadCpuMs'> {
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    rps: latencies.length / durationSeconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors,
    non2xx: 0,
  };
}

/**
 * `connections` loops, each one call at a time, for the duration: for work that is not one HTTP
 * request (a gRPC call, a card fetched straight from the subgraphs, a raw SQL transaction).
 */
async function closedLoop(job: LoadJob, call: (sequence: number) => Promise<void>): Promise<Omit<LoadResult, 'loadCpuMs'>> {
  const latencies: number[] = [];
  let errors = 0;
  const until = Date.now() + job.durationSeconds * 1000;
  let sequence = 0;
  const loop = async () => {
    while (Date.now() < until) {
      sequence += 1;
      const started = performance.now();
      try {
        await call(sequence);
      } catch (error) {
        // The first one says what went wrong (the table shows only how many).
        if (errors === 0) console.error(`load ${job.kind}: first error: ${String(error).slice(0, 300)}`);
        errors += 1;
      }
      latencies.push(performance.now() - started);
    }
  };
  await Promise.all(Array.from({ length: job.connections }, loop));
  return summary(latencies, errors, job.durationSeconds);
}

/**
 * A fixed arrival rate (open loop): request i is due at start + i / rate whether or not earlier
 * ones were answered, as independent clients behave; its latency counts from when it was due, so a
 * server that falls behind is charged for the wait (no coordinated omission).
 */
async function openLoop(job: LoadJob, call: (sequence: number) => Promise<void>): Promise<Omit<LoadResult, 'loadCpuMs'>> {
  const latencies: number[] = [];
  let errors = 0;
  const schedule = {
    rate: job.rate!,
    total: Math.round(job.durationSeconds * job.rate!),
    start: performance.now() + 50,
    now: () => performance.now(),
  };
  await atFixedRate(schedule, (sequence, dueAt) =>
    call(sequence)
      .catch(() => void (errors += 1))
      .then(() => void latencies.push(performance.now() - dueAt)),
  );
  return summary(latencies, errors, job.durationSeconds);
}

/** The member card (or any HTTP kind) at a fixed rate, each request as its member, over a keep-alive pool. */
async function runAtRate(job: LoadJob) {
  const url = new URL(job.url);
  const pool = new Pool(url.origin, { connections: 512 });
  try {
    return await openLoop(job, async (sequence) => {
      const response = await pool.request({ path: url.pathname, method: 'POST', ...requestFor(job, sequence) });
      const text = await response.body.text();
      if (response.statusCode !== 200 || text.includes('"errors"')) throw new Error(`${response.statusCode}`);
    });
  } finally {
    await pool.close();
  }
}

const memberIndex = (job: LoadJob, sequence: number) => ((job.memberOffset ?? 0) + sequence) % job.memberIds.length;
const memberAt = (job: LoadJob, sequence: number) => job.memberIds[memberIndex(job, sequence)];

/**
 * The device and address member `index` acts from: one phone and one home address each, as
 * ordinary members have (10.0.0.0/8 holds every index of a full run), not the load generator's one.
 */
export const memberClient = (index: number) => ({
  deviceId: `bench-device-${index}`,
  ip: `10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}`,
});

/** The tier look-up every earn makes (member GetMemberTiers), with the points service's own client. */
async function runGrpc(job: LoadJob) {
  const client = memberPeer({ memberGrpcAddress: job.grpc!.address, grpcDeadlineMs: 2000, serviceToken: job.grpc!.serviceToken });
  try {
    return await closedLoop(job, async (sequence) => {
      if (!(await client.getMemberTier(memberAt(job, sequence)))) throw new Error('no tier');
    });
  } finally {
    client.close();
  }
}

/**
 * The kit's peer client of the service at job.grpc, as a service's own adapter builds it (deadline,
 * credential, retry on UNAVAILABLE of the rpc the loop calls), so the bench measures the calls
 * peers really make.
 */
function grpcPeer<D extends grpc.ServiceDefinition>(job: LoadJob, service: D, retryable: PeerOptions<D>['retryable']) {
  return createPeerClient(service, { address: job.grpc!.address, deadlineMs: 2000, serviceToken: job.grpc!.serviceToken, retryable });
}

/**
 * Risk's Assess for a burn, as points asks before a checkout offset (action BURN, the points, the
 * channel, the client's address) plus the device: one call per member in turn, each from that
 * member's own device and address. Every call is judged by the stored rules and recorded.
 */
async function runAssess(job: LoadJob) {
  const risk = grpcPeer(job, loadProto<RiskProto>('risk').membergraph.risk.v1.RiskService.service, ['Assess']);
  try {
    return await closedLoop(job, async (sequence) => {
      const index = memberIndex(job, sequence);
      const answer = await risk.Assess({
        action: 'BURN',
        memberId: job.memberIds[index],
        amountFen: toInt64(0),
        points: toInt64(100),
        channel: 'MINI_PROGRAM',
        ...memberClient(index),
        idempotencyKey: `BURN:BENCH-ASSESS-${job.runId}-${sequence}`,
      });
      // A decision is an answer; only an unspecified one is not.
      if (!answer.decision || answer.decision === 'DECISION_UNSPECIFIED') throw new Error('no decision');
    });
  } finally {
    risk.close();
  }
}

/**
 * Campaign's GetActivityCoefficient as points asks it for the bench's earn (a POS order of 128.80 at
 * store BENCH-01, with its order ref and figures; tier REGULAR, as no seeded campaign targets
 * tiers): one call per member in turn, each for a new order. With the seeded live campaigns (two
 * multipliers without budget or targeting) it reads and writes nothing per order.
 */
async function runCoefficient(job: LoadJob) {
  const campaign = grpcPeer(job, loadProto<CampaignProto>('campaign').membergraph.campaign.v1.CampaignService.service, [
    'GetActivityCoefficient',
  ]);
  try {
    return await closedLoop(job, async (sequence) => {
      const answer = await campaign.GetActivityCoefficient({
        memberId: memberAt(job, sequence),
        atEpochMs: toEpochMs(new Date()),
        tierId: 'REGULAR',
        channel: 'POS',
        store: 'BENCH-01',
        orderRef: `ORDER:BENCH-COEFFICIENT-${job.runId}-${sequence}`,
        amountFen: toInt64(12_880),
        baseRateMilli: 1000,
        multiplierMilli: 1000,
      });
      if (!answer.coefficientMilli) throw new Error('no coefficient');
    });
  } finally {
    campaign.close();
  }
}

/**
 * A burn of one point through points' Debit (a checkout offset's source), as a peer calls it: risk
 * is asked first and must answer (burns fail closed), then the points move.
 */
async function runDebit(job: LoadJob) {
  const points = grpcPeer(job, loadProto<PointsProto>('points').membergraph.points.v1.PointsService.service, ['Debit']);
  try {
    return await closedLoop(job, async (sequence) => {
      const key = `BENCH-DEBIT-${job.runId}-${sequence}`;
      await points.Debit({
        memberId: memberAt(job, sequence),
        points: toInt64(1),
        source: 'CHECKOUT',
        sourceRef: key,
        reason: 'bench checkout offset',
        idempotencyKey: key,
      });
    });
  } finally {
    points.close();
  }
}

async function runDirect(job: LoadJob) {
  const card = new DirectCard(job.direct!.urls, job.direct!.secret, job.direct!.mode);
  try {
    const fetchCard = (sequence: number) => card.fetch(memberAt(job, sequence));
    return await (job.rate ? openLoop(job, fetchCard) : closedLoop(job, fetchCard));
  } finally {
    await card.close();
  }
}

async function runRawEarn(job: LoadJob) {
  const raw = new RawEarn(job.rawDatabaseUrl!, job.connections);
  try {
    // Each loop's sequence is distinct, so the order numbers are unique and the members spread out.
    return await closedLoop(job, (sequence) => raw.earn(memberAt(job, sequence), `RAW-${job.runId}-${sequence}`));
  } finally {
    await raw.close();
  }
}

function run(job: LoadJob): Promise<Omit<LoadResult, 'loadCpuMs'>> {
  if (job.kind === 'grpc-tiers') return runGrpc(job);
  if (job.kind === 'grpc-assess') return runAssess(job);
  if (job.kind === 'grpc-coefficient') return runCoefficient(job);
  if (job.kind === 'grpc-debit') return runDebit(job);
  if (job.kind === 'card-direct') return runDirect(job);
  if (job.kind === 'raw-earn') return runRawEarn(job);
  if (job.rate) return runAtRate(job);
  let sequence = 0;
  let errors = 0;
  const latencies: number[] = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: job.url,
        connections: job.connections,
        duration: job.durationSeconds,
        requests: [
          {
            method: 'POST',
            setupRequest: (request) => {
              sequence += 1;
              return { ...request, ...requestFor(job, sequence) };
            },
            onResponse: (_status, body) => {
              // A redemption that compensated answered, but did not redeem: count it with the errors.
              if (body.includes('"errors"') || (job.kind === 'redeem' && !body.includes('"COMPLETED"'))) errors += 1;
            },
          },
        ],
      },
      (error, result) => {
        if (error) return reject(error);
        latencies.sort((a, b) => a - b);
        return resolve({
          requests: result.requests.total,
          rps: result.requests.total / job.durationSeconds,
          p50: percentile(latencies, 50),
          p95: percentile(latencies, 95),
          p99: percentile(latencies, 99),
          errors,
          non2xx: result.non2xx,
        });
      },
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
}

process.on('message', (job: LoadJob) => {
  const cpuBefore = process.cpuUsage();
  run(job).then(
    (result) => {
      const cpu = process.cpuUsage(cpuBefore);
      process.send!({ ok: true, result: { ...result, loadCpuMs: (cpu.user + cpu.system) / 1000 } });
    },
    (error: unknown) => process.send!({ ok: false, error: String(error) }),
  );
});
