import { envReader, peerGrpcAddress, readCommonConfig } from '../../kit/src';
import { parseRateToMilli } from './domain/earn';

/** The points service's configuration, validated once at start-up. */
export function loadPointsConfig(env: Record<string, string | undefined> = process.env) {
  const read = envReader(env);
  return {
    ...readCommonConfig('points', env),
    /** Base earn rate in thousandths of a point per CNY (DOMAIN.md §3: 1 point per CNY). */
    baseRateMilli: parseRateToMilli('POINTS_BASE_RATE', read.string('POINTS_BASE_RATE', '1')),
    /** Checkout offset (抵扣): points that pay for 1 CNY. */
    pointsPerCnyOffset: read.int('POINTS_PER_CNY_OFFSET', 100, { min: 1, max: 100_000 }),
    memberGrpcAddress: peerGrpcAddress('member', env),
    campaignGrpcAddress: peerGrpcAddress('campaign', env),
    riskGrpcAddress: peerGrpcAddress('risk', env),
  };
}

export type PointsConfig = ReturnType<typeof loadPointsConfig>;
