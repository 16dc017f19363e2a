import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import type { Campaign } from '../db/entities/Campaign';
import { findLiveCampaigns } from '../db/liveCampaigns';

/**
 * Per-request loaders. Campaigns are not targeted per member yet, so every member of a request shares
 * the one list of live campaigns: one statement however many members are asked for.
 */
export function createLoaders(dataSource: DataSource, now: () => Date = () => new Date()) {
  let live: Promise<Campaign[]> | undefined;
  return {
    liveCampaignsOfMember: new DataLoader<string, Campaign[]>(async (memberIds) => {
      live ??= findLiveCampaigns(dataSource, now());
      const campaigns = await live;
      return memberIds.map(() => campaigns);
    }),
  };
}

export type CampaignLoaders = ReturnType<typeof createLoaders>;
