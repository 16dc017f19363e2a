import type { DataSource, EntityManager } from 'typeorm';
import { enqueueOutboxEvent, findByPlainSql, type OutboxHandler } from '../../../kit/src';
import { Campaign } from '../db/entities/Campaign';
import { SHARED_LOOKBACK_MS } from '../db/liveCampaigns';
import { readCombination, type Combination } from '../db/settings';
import type { CampaignPeers } from '../ports';

/*
 * The points service holds the calendar of multiplier campaigns (ListEarnCampaigns) to compute an
 * order's coefficient itself when no campaign needs this service (no budget, segment or consent).
 * Every write that changes what is live or how it combines announces it in its own transaction;
 * the event reaches points before staff get their answer, and points reads the calendar again.
 */

export const CALENDAR_CHANGED_TOPIC = 'campaign.calendar_changed';
/** The outbox key of calendar changes: one for the whole programme, delivered in order. */
export const CALENDAR_EVENT_KEY = 'campaign-calendar';

/**
 * How far back of its read the calendar holds ended campaigns: an earn placed just before the read
 * (a till's order sent a moment later) is still answered from it. The look-back of the campaign
 * service's own shared copy (db/liveCampaigns.ts).
 */
export const CALENDAR_LOOKBACK_MS = SHARED_LOOKBACK_MS;

/** In the transaction of a change to campaigns or their combination: announce it (points reads the calendar again). */
export async function enqueueCalendarChanged(manager: EntityManager, now: Date): Promise<void> {
  await enqueueOutboxEvent(manager, { type: CALENDAR_CHANGED_TOPIC, key: CALENDAR_EVENT_KEY, payload: {}, at: now });
}

/** However many changes are pending, one call: the receiver reads the whole calendar again. */
export function calendarHandlers(peers: Pick<CampaignPeers, 'points'>): Record<string, OutboxHandler> {
  return { [CALENDAR_CHANGED_TOPIC]: () => peers.points.recordCampaignCalendarChange() };
}

/** What an earn's coefficient depends on here, as ListEarnCampaigns serves it. */
export interface EarnCalendar {
  /** Every SCHEDULED campaign ending after `holdsFrom` that is a MULTIPLIER or counts a first mini-program order. */
  campaigns: Campaign[];
  combination: Combination;
  holdsFrom: Date;
}

/**
 * The calendar read fresh from the database (never from this process's shared copies: points holds
 * it for its own TTL, and two TTLs would add up): two statements, once per TTL per points process.
 */
export async function earnCalendar(dataSource: DataSource, fallbackRule: Combination, now = new Date()): Promise<EarnCalendar> {
  const holdsFrom = new Date(now.getTime() - CALENDAR_LOOKBACK_MS);
  const [campaigns, combination] = await Promise.all([
    findByPlainSql(
      dataSource,
      Campaign,
      "WHERE status = :status AND ends_at > :after AND (type = 'MULTIPLIER' OR task_action = 'FIRST_MINI_PROGRAM_ORDER') ORDER BY starts_at ASC, id ASC",
      { status: 'SCHEDULED', after: holdsFrom },
    ),
    readCombination(dataSource, fallbackRule),
  ]);
  return { campaigns, combination, holdsFrom };
}
