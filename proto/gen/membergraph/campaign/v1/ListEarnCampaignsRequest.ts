// Original file: proto/campaign.proto


/**
 * Nothing to choose: the calendar as it stands now.
 */
export interface ListEarnCampaignsRequest {
}

/**
 * Nothing to choose: the calendar as it stands now.
 */
export interface ListEarnCampaignsRequest__Output {
}
