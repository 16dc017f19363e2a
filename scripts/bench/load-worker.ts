/**
 * The load generator, in its own process (forked by scripts/bench/index.ts) so the machine's
 * work of generating load is not billed to the servers: autocannon with a body made per request.
 */
import autocannon from 'autocannon';
import { signIdentity, type Identity } from '../../services/kit/src';
import { createMemberClient } from '../../services/points/src/grpc/clients/member';

export interface LoadJob {
  url: string;
  kind: 'card' | 'earn' | 'list' | 'grpc-tiers';
  /** For 'grpc-tiers': the member service's gRPC address and the services' credential. */
  grpc?: { address: string; serviceToken: string };
  /** For 'list': how many members one request asks for. */
  listSize?: number;
  memberIds: string[];
  connections: number;
  durationSeconds: number;
  /** Sign identity headers for `signAs` as the gateway does (for calls straight to a subgraph). */
  signWith?: string;
  signAs?: Identity;
  /** Access tokens, one per member in `memberIds` order: each request is sent as the member it asks for. */
  memberTokens?: string[];
  /** One access token for every request (a staff account's). */
  token?: string;
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
}

const CARD =
  'query Card($id: ID!) { member(id: $id) { maskedPhone tier { name benefits { name } } points { balance } benefits { name } liveCampaigns { name } risk { level } } }';
/** The staff list: many members with points, tier, benefits and risk. */
const LIST =
  'query List($n: Int!, $after: ID) { members(first: $n, after: $after) { id maskedPhone tier { id } points { balance } benefits { name } risk { level } } }';
const EARN =
  'mutation Earn($m: ID!, $o: String!) { recordOrder(memberId: $m, orderNo: $o, amount: "128.80", channel: POS) { pointsEarned } }';

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

/** Exact percentile of the recorded latencies, in ms to one decimal. */
function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] * 10) / 10;
}

/**
 * The tier look-up every earn makes (member GetMemberTiers), called straight over gRPC with the
 * points service's own client: `connections` loops, each one call at a time, for the duration.
 */
async function runGrpc(job: LoadJob): Promise<LoadResult> {
  const client = createMemberClient(job.grpc!.address, 2000, job.grpc!.serviceToken);
  const latencies: number[] = [];
  let errors = 0;
  const until = Date.now() + job.durationSeconds * 1000;
  let sequence = 0;
  const loop = async () => {
    while (Date.now() < until) {
      sequence += 1;
      const started = performance.now();
      try {
        const answer = await client.getMemberTiers([job.memberIds[sequence % job.memberIds.length]]);
        if (answer.tiers.length !== 1) errors += 1;
      } catch {
        errors += 1;
      }
      latencies.push(performance.now() - started);
    }
  };
  await Promise.all(Array.from({ length: job.connections }, loop));
  client.close();
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    rps: latencies.length / job.durationSeconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors,
    non2xx: 0,
  };
}

function run(job: LoadJob): Promise<LoadResult> {
  if (job.kind === 'grpc-tiers') return runGrpc(job);
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
              const index = sequence % job.memberIds.length;
              const memberId = job.memberIds[index];
              const token = job.memberTokens?.[index] ?? job.token;
              const body =
                job.kind === 'card'
                  ? { query: CARD, variables: { id: memberId } }
                  : job.kind === 'list'
                    ? { query: LIST, variables: listPage(job, sequence) }
                    : { query: EARN, variables: { m: memberId, o: `BENCH-${job.runId}-${sequence}` } };
              const signed = job.signWith ? signIdentity(job.signAs ?? { kind: 'ANONYMOUS' }, job.signWith) : {};
              const auth = token ? { authorization: `Bearer ${token}` } : {};
              return { ...request, headers: { 'content-type': 'application/json', ...signed, ...auth }, body: JSON.stringify(body) };
            },
            onResponse: (_status, body) => {
              if (body.includes('"errors"')) errors += 1;
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
  run(job).then(
    (result) => process.send!({ ok: true, result }),
    (error: unknown) => process.send!({ ok: false, error: String(error) }),
  );
});
