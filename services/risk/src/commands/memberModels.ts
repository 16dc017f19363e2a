import type { DataSource } from 'typeorm';
import { DomainError, inTransaction } from '../../../kit/src';
import { MemberModelsRow, parseModels } from '../db/modelRow';
import { healthBefore, insertModel, latestModel, raiseAlerts, writeHealth, writeScores } from '../db/memberModels';
import { ModelEvaluation } from '../db/entities/ModelEvaluation';
import type { MemberActivity } from '../domain/models/activity';
import { aucAlert, burnRateAlert, memberAlerts, periodOf, type PlannedAlert } from '../domain/models/alerts';
import { ENGAGEMENT_WINDOW_DAYS, snapshot } from '../domain/models/features';
import { DEFAULT_TRAINING, evaluateChurn, scoreMembers, trainModels, type TrainingOptions } from '../domain/models/training';
import type { ActivityPort, EngagementPort } from '../ports';

/*
 * The model jobs (training, the monthly evaluation) as commands: read every member's history from
 * points a page at a time, with each page's engagement with campaigns from campaign, plan with the
 * pure domain (domain/models), write with one applier (db/memberModels.ts). A refusal (too little
 * data, a peer that does not answer) comes before any write.
 */

/** The peers the model jobs read: points (orders, points) and campaign (engagement). */
export interface ModelPeers {
  points: ActivityPort;
  campaign: EngagementPort;
}

export interface ModelSettings {
  seed: number;
  /** CLV margin, 0–1. */
  margin: number;
  horizonDays: number;
  /** Members per page read from points. */
  pageSize: number;
  training?: Partial<TrainingOptions>;
}

const DAY_MS = 86_400_000;

/**
 * Every member's history before `asOf`, page by page, each page's campaign engagement since `since`
 * asked for while the next page is read. Campaign not answering refuses the job (UNAVAILABLE,
 * reason ENGAGEMENT_UNAVAILABLE) rather than training or scoring without engagement: a model fitted
 * without it would be a different model under the same name, and every member's health would drop
 * by its engagement part at once — false HEALTH_LOW and win-back entries, and a "falling" period
 * that escalates. The jobs run under a lease that a failed run leaves undone, so the next run retries.
 */
export async function readAllActivity(peers: ModelPeers, asOf: Date, pageSize: number, since: Date): Promise<MemberActivity[]> {
  const pages: Array<Promise<MemberActivity[]>> = [];
  for (let after: string | null = ''; after !== null;) {
    const page = await peers.points.listMemberActivity(after, pageSize, asOf);
    const engagement = withEngagement(peers.campaign, page.members, since, asOf);
    // Settled at once so a failure waits for Promise.all below instead of going unhandled.
    engagement.catch(() => undefined);
    pages.push(engagement);
    after = page.nextAfterMemberId;
  }
  return (await Promise.all(pages)).flat();
}

async function withEngagement(campaign: EngagementPort, members: MemberActivity[], since: Date, before: Date): Promise<MemberActivity[]> {
  if (members.length === 0) return members;
  let byId: Map<string, MemberActivity['engagements']>;
  try {
    byId = await campaign.getMemberEngagement(
      members.map((m) => m.memberId),
      since,
      before,
    );
  } catch (error) {
    if (error instanceof DomainError && error.code === 'UNAVAILABLE') {
      throw new DomainError(
        'UNAVAILABLE',
        "campaign did not answer for members' engagement, which the churn model and the health score need: nothing trained, scored or written; retry when campaign is up",
        { reason: 'ENGAGEMENT_UNAVAILABLE' },
      );
    }
    throw error;
  }
  return members.map((m) => ({ ...m, engagements: byId.get(m.memberId) ?? [] }));
}

/** From when the models need engagement: the window before the training cutoff (asOf − horizon) onwards. */
export function engagementSince(asOf: Date, horizonDays: number): Date {
  return new Date(asOf.getTime() - (horizonDays + ENGAGEMENT_WINDOW_DAYS) * DAY_MS);
}

export interface ScoringOutcome {
  period: string;
  scored: number;
  winBack: number;
}

/** Scores every member with the model row, records this period's health and raises the period's alerts. */
async function scoreAndAlert(
  dataSource: DataSource,
  model: MemberModelsRow,
  activities: readonly MemberActivity[],
  asOf: Date,
  settings: ModelSettings,
  extraAlerts: PlannedAlert[],
): Promise<ScoringOutcome> {
  const period = periodOf(asOf);
  const { churn, bgNbd, gammaGamma } = parseModels(model);
  const scores = scoreMembers({ churn, bgNbd, gammaGamma }, activities, asOf, settings);
  const earlier = await healthBefore(
    dataSource,
    scores.map((s) => s.memberId),
    period,
  );
  const byId = new Map(activities.map((a) => [a.memberId, a]));
  const alerts: PlannedAlert[] = [...extraAlerts];
  let issued = 0;
  let burned = 0;
  for (const s of scores) {
    const snap = snapshot(byId.get(s.memberId)!, asOf)!;
    issued += snap.pointsIssued;
    burned += snap.pointsBurned;
    alerts.push(...memberAlerts(s.memberId, snap, s.health, earlier.get(s.memberId) ?? []));
  }
  const programme = burnRateAlert(issued, burned);
  if (programme) alerts.push(programme);
  const now = new Date();
  await inTransaction(dataSource, async (manager) => {
    await writeScores(
      manager,
      scores.map((s) => ({
        memberId: s.memberId,
        modelVersion: model.version,
        period,
        churnProbability: s.churnProbability,
        health: s.health,
        winBack: s.winBack,
        clvSimpleFen: s.clvSimpleFen,
        clvModelFen: s.clvModelFen,
        probabilityAlive: s.probabilityAlive,
        expectedPurchases: s.expectedPurchasesYear,
        scoredAt: now,
      })),
    );
    await writeHealth(
      manager,
      scores.map((s) => ({ memberId: s.memberId, period, score: s.health })),
    );
    await raiseAlerts(manager, alerts, period, now);
  });
  return { period, scored: scores.length, winBack: scores.filter((s) => s.winBack).length };
}

export interface TrainingOutcome extends ScoringOutcome {
  version: number;
  members: number;
  /** Reading the histories and training (stored with the version). */
  durationMs: number;
  /** Wall time of each phase, ms: reading every history from points and campaign, training, storing and scoring. */
  phases: { readMs: number; trainMs: number; storeAndScoreMs: number };
  report: ReturnType<typeof parseModels>['report'];
}

/**
 * Trains the churn and CLV models on every member's history before `asOf`, stores them as the next
 * version and scores every member with them. MODEL_TOO_LITTLE_DATA, nothing written, when the
 * history cannot support a model; UNAVAILABLE, nothing written, when campaign does not answer.
 */
export async function trainMemberModels(
  dataSource: DataSource,
  peers: ModelPeers,
  settings: ModelSettings,
  actor: string,
  asOf = new Date(),
): Promise<TrainingOutcome> {
  const started = performance.now();
  const activities = await readAllActivity(peers, asOf, settings.pageSize, engagementSince(asOf, settings.horizonDays));
  const read = performance.now();
  const options: TrainingOptions = { ...DEFAULT_TRAINING, ...settings.training, seed: settings.seed, horizonDays: settings.horizonDays };
  const trained = trainModels(activities, asOf, options);
  const durationMs = Math.round(performance.now() - started);
  const row = await inTransaction(dataSource, (manager) =>
    insertModel(manager, {
      trainedAt: new Date(),
      asOf,
      seed: settings.seed,
      members: activities.length,
      auc: trained.churnReport.auc,
      churn: JSON.stringify(trained.churn),
      clv: JSON.stringify({ bgNbd: trained.bgNbd, gammaGamma: trained.gammaGamma }),
      report: JSON.stringify({ churn: trained.churnReport, clv: trained.clvReport }),
      trainedBy: actor.slice(0, 64),
      durationMs,
    }),
  );
  const scoring = await scoreAndAlert(dataSource, row, activities, asOf, settings, []);
  const phases = {
    readMs: Math.round(read - started),
    trainMs: Math.round(started + durationMs - read),
    storeAndScoreMs: Math.round(performance.now() - started - durationMs),
  };
  return { ...scoring, version: row.version, members: activities.length, durationMs, phases, report: parseModels(row).report };
}

export interface EvaluationOutcome extends ScoringOutcome {
  version: number;
  /** Null when the fresh data has only one outcome (nothing recorded, no alert; members are scored all the same). */
  auc: number | null;
  evaluatedMembers: number;
  alerted: boolean;
}

/**
 * The monthly job: the model in use judged on fresh data (features 90 days ago, what members did
 * since), recorded once per version and month, MODEL_AUC_LOW below 0.75; then every member scored
 * for the month, with their alerts. NOT_FOUND before the first training.
 */
export async function evaluateMemberModels(
  dataSource: DataSource,
  peers: ModelPeers,
  settings: ModelSettings,
  asOf = new Date(),
): Promise<EvaluationOutcome> {
  const model = await latestModel(dataSource);
  if (!model) throw new DomainError('NOT_FOUND', 'no model has been trained yet: run the training job first');
  const activities = await readAllActivity(peers, asOf, settings.pageSize, engagementSince(asOf, settings.horizonDays));
  const { churn } = parseModels(model);
  const evaluation = evaluateChurn(churn, activities, asOf, settings.horizonDays);
  const auc = Number.isFinite(evaluation.auc) ? evaluation.auc : null;
  const period = periodOf(asOf);
  if (auc !== null) {
    await dataSource
      .createQueryBuilder()
      .insert()
      .into(ModelEvaluation)
      .values({ version: model.version, period, auc, members: evaluation.members, evaluatedAt: new Date() })
      .orIgnore()
      .execute();
  }
  const alert = auc === null ? null : aucAlert('churn', auc, model.version);
  const scoring = await scoreAndAlert(dataSource, model, activities, asOf, settings, alert ? [alert] : []);
  return { ...scoring, version: model.version, auc, evaluatedMembers: evaluation.members, alerted: alert !== null };
}
