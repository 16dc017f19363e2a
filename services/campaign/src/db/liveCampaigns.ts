import type { DataSource, EntityManager } from 'typeorm';
import { findByPlainSql } from '../../../kit/src';
import type { CampaignType } from '../domain/newCampaign';
import { Campaign } from './entities/Campaign';

/**
 * Scheduled campaigns live at `at`: startsAt ≤ at < endsAt (drafts and campaigns ended early are not).
 * Plain SQL (findByPlainSql): every card and every earn asks, and find()'s query building cost more
 * of campaign's CPU than the statement.
 */
export function findLiveCampaigns(db: DataSource | EntityManager, at: Date, types?: readonly CampaignType[]): Promise<Campaign[]> {
  return findByPlainSql(
    db,
    Campaign,
    `WHERE status = :status AND starts_at <= :at AND ends_at > :at${types ? ' AND type IN (:...types)' : ''} ORDER BY starts_at ASC, id ASC`,
    { status: 'SCHEDULED', at, ...(types ? { types: [...types] } : {}) },
  );
}
