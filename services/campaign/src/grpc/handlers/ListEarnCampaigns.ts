import type { DataSource } from 'typeorm';
import type { ListEarnCampaignsResponse } from '../../../../../proto/gen/membergraph/campaign/v1/ListEarnCampaignsResponse';
import { toEpochMs } from '../../../../kit/src';
import { earnCalendar } from '../../commands/campaignCalendar';
import type { CampaignConfig } from '../../config';

/** The calendar points computes unbudgeted coefficients from (proto/campaign.proto, ListEarnCampaigns). */
export async function listEarnCampaigns(
  dataSource: DataSource,
  config: Pick<CampaignConfig, 'coefficientCombination' | 'referral'>,
): Promise<ListEarnCampaignsResponse> {
  const calendar = await earnCalendar(dataSource, config.coefficientCombination);
  const window = (c: { startsAt: Date; endsAt: Date }) => ({ startsAtEpochMs: toEpochMs(c.startsAt), endsAtEpochMs: toEpochMs(c.endsAt) });
  return {
    campaigns: calendar.campaigns
      .filter((c) => c.type === 'MULTIPLIER')
      .map((c) => ({
        campaignId: c.id,
        coefficientMilli: c.coefficientMilli,
        ...window(c),
        budgeted: c.budgetPoints !== null,
        targetTiers: c.targetTiers ?? [],
        targetChannels: c.targetChannels ?? [],
        targetStores: c.targetStores ?? [],
        targetsSegments: (c.targetSegments ?? []).length > 0,
        requiresMarketingConsent: c.requireMarketingConsent,
      })),
    combination: calendar.combination === 'max' ? 'MAX' : 'MULTIPLY',
    holdsFromEpochMs: toEpochMs(calendar.holdsFrom),
    miniProgramOrderCampaigns: calendar.campaigns
      .filter((c) => c.type !== 'MULTIPLIER' && c.taskAction === 'FIRST_MINI_PROGRAM_ORDER')
      .map((c) => ({ campaignId: c.id, ...window(c) })),
    ordersQualifyReferrals: config.referral.qualifyingEvent === 'FIRST_PURCHASE',
  };
}
