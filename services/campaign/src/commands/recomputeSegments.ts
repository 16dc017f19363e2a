import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { DomainError, inTransaction, runUnderLease, type CallScope } from '../../../kit/src';
import { MemberRfm } from '../db/entities/MemberRfm';
import { Segment } from '../db/entities/Segment';
import { SegmentMember } from '../db/entities/SegmentMember';
import { SegmentRun } from '../db/entities/SegmentRun';
import { clusterMembers, type ClusteringReport } from '../domain/clusters';
import { scoreRfm, type PurchaseStats, type RfmBins } from '../domain/rfm';
import { compileRule, type MemberFacts } from '../domain/segmentRules';
import type { SegmentPeers } from '../ports';

export interface SegmentRules {
  bins: RfmBins;
  windowDays: number;
  kMax: number;
  batchSize: number;
}

export interface SegmentRunSummary {
  runId: string;
  members: number;
  segments: Array<{ key: string; members: number }>;
  clustering: ClusteringReport | null;
  /** The moment the statistics were taken at. */
  computedAt: Date;
}

const CHUNK = 500;
const LEASE_MS = 10 * 60_000;
export const SEGMENT_JOB = 'segment-recompute';

const noStats = (memberId: string): PurchaseStats => ({
  memberId,
  purchases: 0,
  spendFen: 0,
  lastPurchaseAt: null,
  firstPurchaseAt: null,
  purchasesEver: 0,
  checkIns: 0,
  channels: 0,
});

async function insertChunks<T extends object>(manager: EntityManager, target: new () => T, rows: T[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await manager
      .createQueryBuilder()
      .insert()
      .into(target)
      .values(rows.slice(i, i + CHUNK))
      .updateEntity(false)
      .execute();
  }
}

/**
 * Recomputes every member's RFM, the K-means clusters and every segment's members from fresh
 * statistics: member facts and purchase statistics are both streamed in batches (member and points
 * over gRPC), joined here, scored and clustered, and the results replace the previous ones in one
 * transaction — a reader sees the old run or the new one, never half. Deterministic for the same
 * inputs (seeded K-means), so a retry after a failure simply runs again.
 */
export async function recomputeSegments(
  dataSource: DataSource,
  peers: SegmentPeers,
  rules: SegmentRules,
  triggeredBy: string,
  now = new Date(),
  scope?: CallScope,
): Promise<SegmentRunSummary> {
  const startedAt = new Date();
  const profiles = [];
  for await (const batch of peers.member.streamSegmentProfiles(rules.batchSize, scope)) profiles.push(...batch);
  const stats = new Map<string, PurchaseStats>();
  for await (const batch of peers.points.streamPurchaseStats(now, rules.windowDays, rules.batchSize, scope)) {
    for (const s of batch) stats.set(s.memberId, s);
  }
  const memberStats = profiles.map((p) => stats.get(p.memberId) ?? noStats(p.memberId));
  const scores = memberStats.map((s) => scoreRfm(s, now, rules.bins));
  const clustering = clusterMembers(memberStats, now, rules.bins, { windowDays: rules.windowDays, kMax: rules.kMax });
  const segments = await dataSource.getRepository(Segment).find({ order: { key: 'ASC' } });
  const compiled = segments.map((segment) => ({ segment, rule: compileRule(segment.rules) }));
  const members: SegmentMember[] = [];
  const counts = new Map<string, number>(segments.map((s) => [s.id, 0]));
  profiles.forEach((profile, i) => {
    const facts: MemberFacts = {
      memberId: profile.memberId,
      tierId: profile.tierId,
      registeredVia: profile.registeredVia,
      consents: profile.consents,
      rfm: scores[i],
      spendFen: memberStats[i].spendFen,
      lastPurchaseAt: memberStats[i].lastPurchaseAt,
    };
    for (const { segment, rule } of compiled) {
      if (!rule.matches(facts)) continue;
      members.push(Object.assign(new SegmentMember(), { segmentId: segment.id, memberId: profile.memberId }));
      counts.set(segment.id, counts.get(segment.id)! + 1);
    }
  });
  const rfmRows = scores.map((score, i) =>
    Object.assign(new MemberRfm(), {
      memberId: score.memberId,
      recencyDays: score.recencyDays,
      frequency: score.frequency,
      monetaryFen: score.monetaryFen,
      spendFen: memberStats[i].spendFen,
      r: score.r,
      f: score.f,
      m: score.m,
      rfmSegment: score.rfmSegment,
      customerSegment: score.customerSegment,
      cluster: clustering ? clustering.assignments[i] : null,
      computedAt: now,
    }),
  );
  const runId = randomUUID();
  await inTransaction(dataSource, async (manager) => {
    await manager.createQueryBuilder().delete().from(MemberRfm).execute();
    await insertChunks(manager, MemberRfm, rfmRows);
    await manager.createQueryBuilder().delete().from(SegmentMember).execute();
    await insertChunks(manager, SegmentMember, members);
    for (const segment of segments) {
      await manager.getRepository(Segment).update({ id: segment.id }, { memberCount: counts.get(segment.id)!, computedAt: now });
    }
    await manager.getRepository(SegmentRun).insert({
      id: runId,
      startedAt,
      finishedAt: new Date(),
      members: profiles.length,
      clustering: clustering ? JSON.stringify({ ...clustering, assignments: undefined }) : null,
      triggeredBy: triggeredBy.slice(0, 64),
    });
  });
  return {
    runId,
    members: profiles.length,
    segments: segments.map((s) => ({ key: s.key, members: counts.get(s.id)! })),
    clustering,
    computedAt: now,
  };
}

/**
 * The recomputation under the job lease, so replicas (and an operator's on-demand run) never run
 * two at once. `runKey` names the run: a schedule's slot, or a fresh id on demand. Null: another
 * process holds the lease or this slot ran already.
 */
export function leasedRecompute(
  dataSource: DataSource,
  peers: SegmentPeers,
  rules: SegmentRules,
  triggeredBy: string,
  runKey: string = randomUUID(),
): Promise<SegmentRunSummary | null> {
  return runUnderLease(dataSource, { job: SEGMENT_JOB, runKey, leaseMs: LEASE_MS }, () =>
    recomputeSegments(dataSource, peers, rules, triggeredBy),
  );
}

/** On demand (staff): CONFLICT when a recomputation is running already. */
export async function recomputeSegmentsNow(
  dataSource: DataSource,
  peers: SegmentPeers,
  rules: SegmentRules,
  actor: string,
): Promise<SegmentRunSummary> {
  const summary = await leasedRecompute(dataSource, peers, rules, actor);
  if (!summary) throw new DomainError('CONFLICT', 'a segment recomputation is running; try again when it has finished');
  return summary;
}
