import type { DataSource } from 'typeorm';
import type { RecordCampaignCalendarChangeResponse } from '../../../../../proto/gen/membergraph/points/v1/RecordCampaignCalendarChangeResponse';
import { campaignCalendarChanged } from '../../commands/campaignCalendar';

/** Staff changed campaigns: this process's next earn reads the calendar again (other replicas within CAMPAIGN_CALENDAR_TTL_MS). */
export async function recordCampaignCalendarChange(dataSource: DataSource): Promise<RecordCampaignCalendarChangeResponse> {
  campaignCalendarChanged(dataSource);
  return {};
}
