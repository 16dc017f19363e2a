import type { DataSource } from 'typeorm';
import { DomainError, inTransaction, rowLock } from '../../../kit/src';
import { Campaign } from '../db/entities/Campaign';
import { campaignsChanged } from '../db/liveCampaigns';
import { planMove, type LifecycleMove } from '../domain/lifecycle';
import { enqueueCalendarChanged } from './campaignCalendar';

/** Staff schedule a draft or end a campaign early, under the campaign's row lock; points' calendar copy is told through the outbox. */
export async function moveCampaign(dataSource: DataSource, id: string, move: LifecycleMove, now = new Date()): Promise<Campaign> {
  const moved = await inTransaction(dataSource, async (manager) => {
    const campaign = await manager.findOne(Campaign, { where: { id }, lock: rowLock(manager) });
    if (!campaign) throw new DomainError('NOT_FOUND', `no campaign ${id}`, { field: 'id' });
    const change = planMove(campaign, move, now);
    await manager.update(Campaign, { id }, change);
    await enqueueCalendarChanged(manager, now);
    return Object.assign(campaign, change);
  });
  campaignsChanged(dataSource);
  return moved;
}
