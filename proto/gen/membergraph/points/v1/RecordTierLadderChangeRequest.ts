// Original file: proto/points.proto


/**
 * Nothing to say: the ladder is read again from the member service (ListTiers).
 */
export interface RecordTierLadderChangeRequest {
}

/**
 * Nothing to say: the ladder is read again from the member service (ListTiers).
 */
export interface RecordTierLadderChangeRequest__Output {
}
