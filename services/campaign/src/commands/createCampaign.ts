import { In, Not, type DataSource } from 'typeorm';
import { DomainError, inTransaction } from '../../../kit/src';
import { Campaign } from '../db/entities/Campaign';
import { campaignsChanged } from '../db/liveCampaigns';
import { enqueueCalendarChanged } from './campaignCalendar';
import { assertSegmentsExist } from '../db/segmentMembership';
import { overlaps } from '../domain/lifecycle';
import { newCampaign, type CampaignInput } from '../domain/newCampaign';

/**
 * Stores a new campaign (SCHEDULED, or DRAFT when asked); a scheduled one applies from `startsAt`
 * until `endsAt`. Refused, writing nothing: bad input (newCampaign), a target segment that does
 * not exist (UNKNOWN_SEGMENT, checked against the segment store), or a window overlapping
 * another campaign of the same name and type that has not ended (the same campaign entered twice
 * would apply twice). The points service's calendar copy is told through the outbox (campaignCalendar.ts).
 */
export async function createCampaign(dataSource: DataSource, input: CampaignInput, actor: string | null = null): Promise<Campaign> {
  const campaign = Object.assign(new Campaign(), newCampaign(input), { spentPoints: 0, spentCoupons: 0, endedAt: null, createdBy: actor });
  await inTransaction(dataSource, async (manager) => {
    if (campaign.targetSegments) await assertSegmentsExist(manager, campaign.targetSegments, 'target.segments');
    const namesakes = await manager.getRepository(Campaign).find({
      where: { name: campaign.name, type: campaign.type, status: Not(In(['ENDED'])) },
    });
    const clash = namesakes.find((other) => overlaps(other, campaign));
    if (clash)
      throw new DomainError(
        'BAD_USER_INPUT',
        `campaign "${campaign.name}" already runs from ${clash.startsAt.toISOString()} to ${clash.endsAt.toISOString()}`,
        {
          field: 'startsAt',
          reason: 'OVERLAPPING_WINDOW',
        },
      );
    await manager.insert(Campaign, campaign);
    // Points' calendar copy reads the campaigns again (a draft too: scheduling it announces again).
    await enqueueCalendarChanged(manager, new Date());
  });
  campaignsChanged(dataSource);
  return campaign;
}
