/**
 * The member models in the bench: training time and peak RSS on the seeded programme (the risk
 * service's training job, in its own process: models-worker.ts), and the fit it reached.
 * `npm run bench:models` (`-- --quick`: 2,000 members) seeds a programme and trains on it alone,
 * without the load rounds of `npm run bench`, which also prints this table.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { TrainingOutcome } from '../../services/risk/src/commands/memberModels';
import { startStack } from '../../test/harness/startStack';
import { seedProgramme } from './seed';

export interface ModelBench {
  outcome: TrainingOutcome;
  peakRssMiB: number;
  baselineRssMiB: number;
  wallMs: number;
}

/** Where the training job finds the programme: the servers' environment and the points and campaign services' gRPC addresses. */
type ModelSource = {
  env: Record<string, string | undefined>;
  services: { points: { grpcAddress: string }; campaign: { grpcAddress: string } };
};

export async function benchModels(stack: ModelSource): Promise<ModelBench> {
  const root = join(__dirname, '..', '..');
  const started = performance.now();
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [join(root, 'scripts', 'run-ts.js'), join(__dirname, 'models-worker.ts')],
    {
      env: {
        ...process.env,
        ...stack.env,
        POINTS_GRPC_ADDRESS: stack.services.points.grpcAddress,
        CAMPAIGN_GRPC_ADDRESS: stack.services.campaign.grpcAddress,
        LOG_LEVEL: 'warn',
      },
      maxBuffer: 64 * 2 ** 20,
    },
  );
  const line = stdout.trim().split('\n').pop()!;
  return { ...(JSON.parse(line) as Omit<ModelBench, 'wallMs'>), wallMs: Math.round(performance.now() - started) };
}

const f = (value: number, digits = 3) => (Number.isFinite(value) ? value.toFixed(digits) : '–');

/** The markdown: timings and RSS, then the fit. */
export function modelTable(bench: ModelBench): string {
  const { outcome: o } = bench;
  const churn = o.report.churn;
  const clv = o.report.clv;
  const bg = clv.bgNbd.params;
  const gg = clv.gammaGamma.params;
  return [
    '| model training (risk job, own process) | members | read ms | train ms | store + score ms | process wall ms | peak RSS MiB (baseline) |',
    '|---|---|---|---|---|---|---|',
    `| churn + BG/NBD + Gamma-Gamma, v${o.version} | ${o.members} | ${o.phases.readMs} | ${o.phases.trainMs} | ${o.phases.storeAndScoreMs} | ${bench.wallMs} | ${bench.peakRssMiB.toFixed(0)} (${bench.baselineRssMiB.toFixed(0)}) |`,
    '',
    `- churn: held-out ROC-AUC ${f(churn.auc)} on ${churn.testMembers} members (trained on ${churn.trainMembers}), churn rate ${f(churn.churnRate)}, ` +
      `max calibration gap ${f(churn.maxCalibrationGap)}, coefficients ${churn.coefficients.map((c) => `${c.name} ${f(c.value)}`).join(', ')}`,
    `- BG/NBD: r ${f(bg.r)}, α ${f(bg.alpha)}, a ${f(bg.a)}, b ${f(bg.b)}, log-likelihood ${f(clv.bgNbd.logLikelihood, 1)}${clv.bgNbd.atBound ? ' (a parameter at its bound)' : ''}; ` +
      `holdout ${clv.holdoutWeeks} weeks: predicted ${f(clv.holdout.predicted, 0)} orders, actual ${clv.holdout.actual}`,
    `- Gamma-Gamma: p ${f(gg.p)}, q ${f(gg.q)}, γ ${f(gg.gamma)}, log-likelihood ${f(clv.gammaGamma.logLikelihood, 1)} on ${clv.gammaGamma.members} repeat buyers${clv.gammaGamma.atBound ? ' (a parameter at its bound)' : ''}`,
    `- scored ${o.scored} members, ${o.winBack} in win-back (health < 30)`,
  ].join('\n');
}

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const stack = await startStack({ env: { POINTS_EXPIRY_INTERVAL_MS: '0', DATABASE_POOL_SIZE: '20' } });
  try {
    const seeded = await seedProgramme(stack, {
      ...(quick ? { members: 2_000, orders: 20_000 } : { members: 20_000, orders: 200_000 }),
      seed: 20_261_125,
    });
    console.log(`seeded ${seeded.memberIds.length} members, ${seeded.orders} orders in ${seeded.seconds.toFixed(1)} s`);
    // The engagement the churn model's checkIns and campaignEngagement features read.
    const [checkIns] = await stack.services.points.dataSource.query("SELECT COUNT(*) AS n FROM points_ledger WHERE source = 'CHECK_IN'");
    console.log(
      `engagement: ${Number(checkIns.n)} check-ins (points), ${seeded.rows['campaign.referral_invitations'] ?? 0} referral shares (campaign)`,
    );
    console.log(`\n${modelTable(await benchModels(stack))}\n`);
  } finally {
    await stack.stop();
  }
}

// Run as a script (scripts/run-ts.js sets argv[1] to it), not when index.ts imports the table.
if (process.argv[1] === __filename) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
