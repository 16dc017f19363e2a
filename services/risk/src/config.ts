import { envReader, peerGrpcAddress, readCommonConfig } from '../../kit/src';

/** The risk service's configuration, validated once at start-up. */
export function loadRiskConfig(env: Record<string, string | undefined> = process.env) {
  const read = envReader(env);
  return {
    ...readCommonConfig('risk', env),
    /** Points: members' histories for the models (ListMemberActivity). */
    pointsGrpcAddress: peerGrpcAddress('points', env),
    /** Campaign: members' engagement with campaigns for the models (GetMemberEngagement). */
    campaignGrpcAddress: peerGrpcAddress('campaign', env),
    models: {
      /** The held-out split's seed: the same history and seed train the same models. */
      seed: read.int('MODEL_SEED', 1, { min: 0, max: 2_147_483_647 }),
      /** The brand's margin on a sale, in percent, for CLV (DOMAIN.md §6). */
      margin: read.int('MODEL_CLV_MARGIN_PERCENT', 30, { min: 1, max: 100 }) / 100,
      /** Churn: no order within this many days. */
      horizonDays: read.int('MODEL_CHURN_HORIZON_DAYS', 90, { min: 7, max: 365 }),
      /** Members per ListMemberActivity page (and per GetMemberEngagement batch). */
      pageSize: read.int('MODEL_PAGE_SIZE', 500, { min: 1, max: 1000 }),
    },
  };
}

export type RiskConfig = ReturnType<typeof loadRiskConfig>;
