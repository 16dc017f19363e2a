import { LessThanOrEqual, MoreThan, type DataSource } from 'typeorm';
import { Campaign } from './entities/Campaign';

/** Campaigns live at `at`: startsAt ≤ at < endsAt. */
export function findLiveCampaigns(dataSource: DataSource, at: Date): Promise<Campaign[]> {
  return dataSource.getRepository(Campaign).find({
    where: { startsAt: LessThanOrEqual(at), endsAt: MoreThan(at) },
    order: { startsAt: 'ASC' },
  });
}
