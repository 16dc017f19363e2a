import type { DataSource, EntityManager } from 'typeorm';
import { findByPlainSql, invalidateShared, orderByKeys, sharedValue } from '../../../kit/src';
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

const SHARED_SCHEDULED = 'campaign.scheduled';

/**
 * How far back of its read the shared copy holds ended campaigns: a request that started just
 * before the copy was read still finds the campaigns live at its own time in it.
 */
export const SHARED_LOOKBACK_MS = 60_000;

interface ScheduledCampaigns {
  /** The copy holds every scheduled campaign that ends after this instant. */
  endingAfter: number;
  campaigns: readonly Campaign[];
}

/** Campaign objects that come from the shared copy: their spend counters are read fresh (spendOf). */
const shared = new WeakSet<Campaign>();

/**
 * Scheduled campaigns that have not ended, shared by this process's requests: definitions, the same
 * for every caller (never anyone's data), that change only by createCampaign and moveCampaign, which
 * clear the copy after their write; SHARED_VALUE_TTL_MS bounds what another replica shows, as for
 * the tier ladder. Every card asks for the live campaigns, and reading them cost campaign a statement
 * per card. The spend counters move with every earn: they are not taken from here (see spendOf).
 */
function scheduledCampaigns(dataSource: DataSource) {
  return sharedValue(dataSource, SHARED_SCHEDULED, async (): Promise<ScheduledCampaigns> => {
    const endingAfter = Date.now() - SHARED_LOOKBACK_MS;
    const campaigns = await findByPlainSql(
      dataSource,
      Campaign,
      'WHERE status = :status AND ends_at > :after ORDER BY starts_at ASC, id ASC',
      {
        status: 'SCHEDULED',
        after: new Date(endingAfter),
      },
    );
    for (const campaign of campaigns) shared.add(campaign);
    return { endingAfter, campaigns };
  });
}

/**
 * The campaigns live at `at` as findLiveCampaigns answers them (same window, same order), from the
 * shared copy. The objects are shared: read them, never change them. An instant before what the copy
 * holds (a clock set back in a test) reads the database.
 */
export async function sharedLiveCampaigns(dataSource: DataSource, at: Date): Promise<Campaign[]> {
  const { endingAfter, campaigns } = await scheduledCampaigns(dataSource).get();
  if (at.getTime() <= endingAfter) return findLiveCampaigns(dataSource, at);
  return campaigns.filter((c) => c.startsAt <= at && c.endsAt > at);
}

/** Whether the campaign's spend counters may be stale (it comes from the shared copy). */
export function fromSharedCopy(campaign: Campaign): boolean {
  return shared.has(campaign);
}

/** After a campaign was created or moved (committed): this process's next card reads the campaigns again. */
export function campaignsChanged(dataSource: DataSource): void {
  invalidateShared(dataSource, SHARED_SCHEDULED);
}

/** The spend counters of campaigns, read now: the shared copy's may be as old as its read. */
export async function spendOf(
  dataSource: DataSource,
  ids: readonly string[],
): Promise<Array<Pick<Campaign, 'id' | 'spentPoints' | 'spentCoupons'> | null>> {
  const rows: Array<{ id: string; spent_points: string | number; spent_coupons: string | number }> = await dataSource.query(
    `SELECT id, spent_points, spent_coupons FROM ${dataSource.getMetadata(Campaign).tableName} WHERE id IN (${ids.map(() => '?').join(', ')})`,
    [...ids],
  );
  return orderByKeys(
    ids,
    rows.map((row) => ({ id: row.id, spentPoints: Number(row.spent_points), spentCoupons: Number(row.spent_coupons) })),
    (row) => row.id,
  );
}
