import { In, LessThanOrEqual, MoreThan, type DataSource, type EntityManager } from 'typeorm';
import type { CampaignType } from '../domain/newCampaign';
import { Campaign } from './entities/Campaign';

/** Scheduled campaigns live at `at`: startsAt ≤ at < endsAt (drafts and campaigns ended early are not). */
export function findLiveCampaigns(db: DataSource | EntityManager, at: Date, types?: readonly CampaignType[]): Promise<Campaign[]> {
  return db.getRepository(Campaign).find({
    where: { status: 'SCHEDULED', startsAt: LessThanOrEqual(at), endsAt: MoreThan(at), ...(types ? { type: In([...types]) } : {}) },
    order: { startsAt: 'ASC', id: 'ASC' },
  });
}
