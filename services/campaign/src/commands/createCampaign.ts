import type { DataSource } from 'typeorm';
import { Campaign } from '../db/entities/Campaign';
import { newCampaign } from '../domain/newCampaign';

/** Stores a new campaign; it applies to earning from `startsAt` until `endsAt`. */
export async function createCampaign(dataSource: DataSource, input: Parameters<typeof newCampaign>[0]): Promise<Campaign> {
  const campaign = Object.assign(new Campaign(), newCampaign(input));
  await dataSource.getRepository(Campaign).insert(campaign);
  return campaign;
}
