// Original file: proto/points.proto


/**
 * Nothing to answer: the copy keeps each change newer than the one it has.
 */
export interface RecordMemberTiersResponse {
}

/**
 * Nothing to answer: the copy keeps each change newer than the one it has.
 */
export interface RecordMemberTiersResponse__Output {
}
