// Original file: proto/member.proto


/**
 * Nothing to choose: the ladder in force now.
 */
export interface ListTiersRequest {
}

/**
 * Nothing to choose: the ladder in force now.
 */
export interface ListTiersRequest__Output {
}
