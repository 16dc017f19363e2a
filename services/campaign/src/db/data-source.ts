import type { DatabaseSchema } from '../../../kit/src';
import { Campaign } from './entities/Campaign';
import { CreateCampaigns1764000000000 } from './migrations/1764000000000-CreateCampaigns';

/** The campaign service's entities and migrations. */
export const campaignSchema: DatabaseSchema = {
  entities: [Campaign],
  migrations: [CreateCampaigns1764000000000],
};
