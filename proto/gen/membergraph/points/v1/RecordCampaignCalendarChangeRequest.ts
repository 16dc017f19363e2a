// Original file: proto/points.proto


/**
 * Nothing to say: the calendar is read again from the campaign service (ListEarnCampaigns).
 */
export interface RecordCampaignCalendarChangeRequest {
}

/**
 * Nothing to say: the calendar is read again from the campaign service (ListEarnCampaigns).
 */
export interface RecordCampaignCalendarChangeRequest__Output {
}
