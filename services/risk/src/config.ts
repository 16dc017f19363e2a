import { readCommonConfig } from '../../kit/src';

/** The risk service's configuration, validated once at start-up. */
export function loadRiskConfig(env: Record<string, string | undefined> = process.env) {
  return { ...readCommonConfig('risk', env) };
}

export type RiskConfig = ReturnType<typeof loadRiskConfig>;
