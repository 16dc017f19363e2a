import { envReader, readCommonConfig } from '../../kit/src';

/** The campaign service's configuration, validated once at start-up. */
export function loadCampaignConfig(env: Record<string, string | undefined> = process.env) {
  return {
    ...readCommonConfig('campaign', env),
    /** How several live campaigns combine (shared/DOMAIN.md §3): the largest coefficient, or their product. */
    coefficientCombination: envReader(env).oneOf('CAMPAIGN_COEFFICIENT_COMBINATION', ['max', 'product'] as const, 'max'),
  };
}

export type CampaignConfig = ReturnType<typeof loadCampaignConfig>;
