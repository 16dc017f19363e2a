// Original file: proto/points.proto


export interface RecordCampaignCalendarChangeResponse {
}

export interface RecordCampaignCalendarChangeResponse__Output {
}
