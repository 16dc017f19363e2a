// Original file: proto/points.proto


export interface RecordTierLadderChangeResponse {
}

export interface RecordTierLadderChangeResponse__Output {
}
