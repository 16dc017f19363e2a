// Original file: proto/benefits.proto


/**
 * Nothing to answer: the entries are recorded, or ignored as older than those held.
 */
export interface RecordSpendStatsResponse {
}

/**
 * Nothing to answer: the entries are recorded, or ignored as older than those held.
 */
export interface RecordSpendStatsResponse__Output {
}
